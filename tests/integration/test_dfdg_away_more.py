"""While DFDG is away (issue 26, the remaining gaps): the outbox round stops at the first DFDG it
cannot reach and takes the rest up next round."""

from __future__ import annotations

import time

import pytest
from flask import Flask

from jobnet.clients.dfdg_client.values import Actor
from jobnet.web.journeys import outbox
from tests.integration.outbox_helpers import FaultyTransport, make_due, run_worker_round

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
    tried = [c for c in _commands(app) if c.attempts]
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


def _commands(app: Flask) -> list[outbox.OutboxCommand]:
    from tests.integration.outbox_helpers import outbox_commands

    return outbox_commands(app)
