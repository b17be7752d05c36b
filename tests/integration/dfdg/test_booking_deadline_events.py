"""A booking request not booked by its deadline gives the member's fund one event by itself
(issue 24, § 61): dated the day after the deadline, recorded that day or the next, once a
request however often the check runs, never for a person who is not a fund member in contact
group 1, nor for a request booked in time; the worker's round records it and pushes it to the
fund's webhook with the event's id."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from jobnet.db import Store
from jobnet.dfdg.fund_webhooks import SETTING, verify
from jobnet.dfdg.models.fund_events import FundEvent
from jobnet.dfdg.worker import DfdgWorker, missed_bookings
from tests.integration.dfdg.booking_helpers import CVR, add_slot, open_booking
from tests.integration.dfdg.fund_event_helpers import (
    FUND_A,
    TOKEN_A,
    follow,
    fund_systems_registered,
    member,
)
from tests.integration.dfdg.jobseeker_helpers import (
    TODAY,
    audit_actions,
    days,
    new_person,
    post,
    today_is,
)

DEADLINE = days(4)  # 2026-11-27
SECRET = "s" * 40


@pytest.fixture
def fund_systems(dfdg_app: Flask) -> Iterator[Flask]:
    with fund_systems_registered(dfdg_app) as app:
        yield app


def _request(
    client: FlaskClient, caseworker: dict[str, str], person: str, **kw: Any
) -> tuple[str, str]:
    """A booking request of the person with one slot: (request id, slot id)."""
    with today_is(client.application, TODAY):
        slot = add_slot(client, caseworker, starts_at=f"{days(6).isoformat()}T10:00:00+01:00")
        opened = open_booking(client, caseworker, person, [slot["id"]], **kw)
    return str(opened["id"]), str(slot["id"])


def _events(store: Store) -> list[FundEvent]:
    with store.session() as session:
        return list(session.scalars(select(FundEvent).order_by(FundEvent.fund_sequence)))


def test_a_missed_booking_is_recorded_once_the_day_after_its_deadline(
    fund_systems: Flask,
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    caseworker: dict[str, str],
    tmp_path: Path,
) -> None:
    person = member(dfdg_store, "0303901234", FUND_A)
    outsider = new_person(dfdg_store, "0404901234", group=2)
    request, _slot = _request(dfdg_client, caseworker, person, deadline=DEADLINE.isoformat())
    _request(dfdg_client, caseworker, outsider, deadline=DEADLINE.isoformat())

    with today_is(fund_systems, DEADLINE):  # the deadline's own day is still in time
        assert missed_bookings(fund_systems).recorded == 0
    with today_is(fund_systems, days(5)):
        first = missed_bookings(fund_systems)
        again = missed_bookings(fund_systems)
    assert (first.recorded, first.not_covered) == (1, 1)
    assert again.recorded == 0
    with today_is(fund_systems, days(6)):
        assert missed_bookings(fund_systems).recorded == 0

    [event] = _events(dfdg_store)
    assert event.person_id == person
    assert event.type == "booking_deadline_missed"
    assert event.source == "automatic"
    assert event.booking_request_id == request
    assert event.event_date == days(5)
    assert (event.created_by_type, event.created_by_organisation) == ("system", CVR)
    assert ("fund_event.booking_missed", "ok") in audit_actions(dfdg_store, person)
    assert not [a for a in audit_actions(dfdg_store, outsider) if a[0].startswith("fund_event")]

    # The fund's own system reads it once from its feed.
    result, events = follow(fund_systems, FUND_A, TOKEN_A, tmp_path / "a.cursor")
    assert result.exit_code == 0, result.output
    assert [(e["type"], e["booking_request_id"]) for e in events] == [
        ("booking_deadline_missed", request)
    ]

    # The unique constraint holds it to one, whatever runs at the same time.
    with dfdg_store.session() as session:
        copy = FundEvent(
            **{
                column.name: getattr(event, column.name)
                for column in FundEvent.__table__.columns
                if column.name not in {"id", "fund_sequence"}
            },
            fund_sequence=event.fund_sequence + 1,
        )
        session.add(copy)
        with pytest.raises(IntegrityError):
            session.flush()
        session.rollback()


def test_a_request_booked_in_time_or_missed_too_long_ago_gives_nothing(
    fund_systems: Flask,
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    caseworker: dict[str, str],
    citizen: dict[str, str],
) -> None:
    person = member(dfdg_store, "0303901234", FUND_A)
    booked, slot = _request(dfdg_client, caseworker, person, deadline=DEADLINE.isoformat())
    _request(dfdg_client, caseworker, person, deadline=days(1).isoformat())
    with today_is(fund_systems, TODAY):
        path = f"/persons/{person}/bookings/{booked}/slot"
        answer = post(dfdg_client, path, {"slot_id": slot}, citizen)
    assert answer.status_code == 200, answer.get_data(as_text=True)
    # The second request's deadline (TODAY + 1) was missed on TODAY + 2; § 61 ends on TODAY + 3.
    with today_is(fund_systems, days(4)):
        assert missed_bookings(fund_systems).recorded == 0
    assert _events(dfdg_store) == []


def test_the_command_and_the_workers_round_record_and_push_it(
    fund_systems: Flask, dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    person = member(dfdg_store, "0303901234", FUND_A)
    _request(dfdg_client, caseworker, person, deadline=DEADLINE.isoformat())
    _request(dfdg_client, caseworker, person, deadline=days(5).isoformat())
    with today_is(fund_systems, days(5)):
        result = fund_systems.test_cli_runner().invoke(args=["dfdg", "booking-deadlines"])
    assert result.exit_code == 0, result.output
    assert "1 missed bookings recorded" in result.output

    received: list[tuple[str, dict[str, Any]]] = []

    def receiver(request: httpx.Request) -> httpx.Response:
        body = request.read()
        timestamp = request.headers["X-DFDG-Timestamp"]
        assert verify(SECRET, timestamp, body, request.headers["X-DFDG-Signature"])
        received.append((request.headers["X-DFDG-Event-Id"], json.loads(body)))
        return httpx.Response(204)

    fund_systems.config[SETTING] = json.dumps(
        {FUND_A: {"url": "https://a.example/", "secret": SECRET}}
    )
    fund_systems.config["DFDG_WEBHOOK_TRANSPORT"] = httpx.MockTransport(receiver)
    try:
        with today_is(fund_systems, days(6)):
            done = DfdgWorker(fund_systems).round()
    finally:
        fund_systems.config[SETTING] = None
        fund_systems.config.pop("DFDG_WEBHOOK_TRANSPORT")
    assert done.missed is not None and done.missed.recorded == 1
    # The event recorded before the webhook was set has no push pending; the new one is pushed
    # with its own id in the header, the id a fund dedupes on.
    assert done.delivered.delivered == 1
    [(event_id, body)] = received
    assert event_id == body["id"]
    assert body["event_date"] == days(6).isoformat()


@pytest.mark.usefixtures("postgresql_only")
def test_runs_at_the_same_moment_record_each_missed_booking_once(
    fund_systems: Flask, dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    """On PostgreSQL, with real concurrent transactions: four runs at once (two workers, the
    command beside them) give one event a request, numbered without gaps in the fund's feed."""
    for number in range(3):
        person = member(dfdg_store, f"03039{number}1234", FUND_A)
        _request(dfdg_client, caseworker, person, deadline=DEADLINE.isoformat())
    runs = 4
    barrier = threading.Barrier(runs)
    recorded: list[int] = [0] * runs

    def run(index: int) -> None:
        barrier.wait()
        recorded[index] = missed_bookings(fund_systems).recorded

    threads = [threading.Thread(target=run, args=(index,)) for index in range(runs)]
    with today_is(fund_systems, days(5)):
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert sum(recorded) == 3
    events = _events(dfdg_store)
    assert len({event.booking_request_id for event in events}) == len(events) == 3
    assert [event.fund_sequence for event in events] == [1, 2, 3]
