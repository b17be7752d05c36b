"""Under `make run` (the embedded default) DFDG's worker runs as a thread of the web process:
with DFDG_WORKER_EMBEDDED it finds a booking request whose deadline has passed and records the
member's fund event by itself; without it (tests, production) no thread is started."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, timedelta

from flask import Flask
from sqlalchemy import select

from jobnet.dfdg.models.booking import BookingRequest
from jobnet.dfdg.models.fund_events import FundEvent
from jobnet.dfdg.queries import fund_memberships
from jobnet.dfdg.queries import organisations as organisation_queries
from tests.integration.dfdg.jobseeker_helpers import new_person

TODAY = date(2026, 11, 23)


def test_the_embedded_worker_records_a_missed_booking(make_app: Callable[..., Flask]) -> None:
    app = make_app(
        DFDG_WORKER_EMBEDDED=True, DFDG_WORKER_SECONDS=0.05, DFDG_FIXED_TODAY=TODAY.isoformat()
    )
    worker = app.extensions["dfdg_worker"]
    store = app.extensions["dfdg_app"].extensions["dfdg_store"]
    try:
        assert worker.is_alive()
        person_id = new_person(store, "0303901234", group=1)
        with store.session() as session:
            fund, _ = organisation_queries.ensure(
                session, kind="akasse", name="A-kasse", cvr="39190021", municipality_code=None
            )
            session.flush()
            fund_memberships.join(session, person_id, fund.id, date(2020, 1, 1))
            session.add(
                BookingRequest(
                    person_id=person_id,
                    organisation_cvr="29190011",
                    type="follow_up",
                    form="in_person",
                    opened_on=TODAY - timedelta(days=5),
                    deadline=TODAY - timedelta(days=1),
                    status="open",
                    created_by_type="caseworker",
                )
            )
        # The worker's first round checks the deadlines at once.
        worker.worker._booking_checked = None
        found: list[FundEvent] = []
        for _ in range(100):
            with store.session() as session:
                found = list(session.scalars(select(FundEvent)))
            if found:
                break
            time.sleep(0.05)
        assert [(e.type, e.event_date) for e in found] == [("booking_deadline_missed", TODAY)]
    finally:
        worker.stop()
        worker.join(timeout=5)


def test_no_worker_thread_unless_asked(make_app: Callable[..., Flask]) -> None:
    assert "dfdg_worker" not in make_app().extensions
