"""While DFDG is away (issue 26, the remaining gaps): the outbox round stops at the first DFDG it
cannot reach and takes the rest up next round."""

from __future__ import annotations

import time

import pytest
from flask import Flask
from sqlalchemy import select

from jobnet.clients.dfdg_client.values import Actor
from jobnet.web.journeys import outbox
from jobnet.web.store.models import KnownAnswer
from tests.helpers import login_citizen
from tests.integration.outbox_helpers import (
    METTE,
    FaultyTransport,
    make_due,
    outbox_commands,
    run_worker_round,
)
from tests.integration.test_outbox_faults import _sicknesses
from tests.integration.test_receipt_whatever_fails import _sickness

ACTOR = Actor(type="citizen", id="x", name="X", channel="web")


def _due_commands(app: Flask, persons: int) -> None:
    store = app.extensions["web_store"]
    for number in range(persons):
        outbox.record(
            store,
            person_id=f"person-{number}",
            kind="sickness",
            method="POST",
            path=f"/persons/person-{number}/absences",
            body={"reason": "sickness", "first_day": "2026-11-20"},
            summary={},
            actor=ACTOR,
            idempotency_key=f"key-{number}",
        )
    make_due(app)


@pytest.mark.parametrize("fault", ["down", "hang"])
def test_the_round_stops_at_the_first_dfdg_it_cannot_reach(
    faulty: tuple[Flask, FaultyTransport], fault: str
) -> None:
    app, transport = faulty
    _due_commands(app, 4)
    transport.mode = fault
    began = time.monotonic()
    assert run_worker_round(app) == 0
    took = time.monotonic() - began
    assert transport.writes_seen == 1  # one try, not one for each person
    assert took < 2.0 + 1.5, took  # at most one timeout (the client's 2 s), not four
    tried = [c for c in outbox_commands(app) if c.attempts]
    assert len(tried) == 1 and tried[0].status == outbox.RECEIVED

    transport.mode = "ok"  # next round: everything is taken up again
    make_due(app)
    run_worker_round(app)
    assert transport.writes_seen == 1 + 4


def test_a_500_for_one_command_does_not_stop_the_round(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, transport = faulty
    _due_commands(app, 3)
    transport.mode = "500"  # DFDG answers: each command is its own matter
    run_worker_round(app)
    assert transport.writes_seen == 3


def test_someone_never_seen_logs_in_reports_sick_and_is_resolved_when_dfdg_is_back(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, transport = faulty
    transport.mode = "down"
    client = app.test_client()
    client.get("/language/en")
    callback = login_citizen(client, METTE)
    assert callback.status_code == 302, callback.status_code
    limited = client.get(callback.location)
    assert limited.status_code == 200
    page = limited.get_data(as_text=True)
    assert "What works now" in page and "Registering as a jobseeker and reporting sickness" in page

    min_side = client.get("/min-side/")
    assert min_side.status_code == 200
    text = min_side.get_data(as_text=True)
    assert "Jobnet has nothing kept of your registration" in text
    assert 'href="/sygemelding/"' in text and "What works now" in text
    holiday = client.get("/ferie/")
    if holiday.status_code == 302:
        holiday = client.get(holiday.location)
    assert holiday.status_code == 200
    assert "cannot see your registration" in holiday.get_data(as_text=True)

    receipt_path = _sickness(client)
    assert "Receipt: your report is received" in client.get(receipt_path).get_data(as_text=True)
    [command] = outbox_commands(app)
    assert command.person_id.startswith("ny-") and command.status == outbox.RECEIVED
    with app.extensions["web_store"].read() as db:  # kept encrypted: never the CPR number
        kept = [row.answer for row in db.scalars(select(KnownAnswer))]
    assert kept and METTE not in str(kept)

    again = app.test_client()  # a second login while still away: the same person
    again.get("/language/en")
    assert login_citizen(again, METTE).status_code == 302
    assert command.reference in again.get("/min-side/").get_data(as_text=True)

    transport.mode = "ok"
    make_due(app)
    with app.app_context():
        assert run_worker_round(app) == 1
    [command] = outbox_commands(app)
    assert command.status == outbox.REGISTERED
    assert not command.person_id.startswith("ny-") and command.person_id in command.path
    assert _sicknesses(app, command.reference)
    # The session becomes the real person at its next request: the receipt is still theirs.
    assert "Receipt: your report is registered" in client.get(receipt_path).get_data(as_text=True)
    assert "Your status" in client.get("/min-side/").get_data(as_text=True)
    with app.extensions["web_store"].read() as db:
        assert all(row.kind == "resolved" for row in db.scalars(select(KnownAnswer)))


def test_a_session_of_someone_never_seen_is_resolved_by_its_own_request(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, transport = faulty
    transport.mode = "down"
    client = app.test_client()
    client.get("/language/en")
    login_citizen(client, METTE)
    receipt_path = _sickness(client)
    transport.mode = "ok"
    time.sleep(0.01)
    app.config["DFDG_AWAY_SECONDS"] = 0
    page = client.get("/min-side/").get_data(as_text=True)  # resolves, before any worker
    assert "Your status" in page
    assert client.get(receipt_path).status_code == 200
    [command] = outbox_commands(app)
    assert not command.person_id.startswith("ny-")
