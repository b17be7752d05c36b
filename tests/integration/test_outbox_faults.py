"""Nothing submitted is lost and nothing is registered twice, whatever DFDG does: down, timing
out, failing after it wrote, a worker dying mid-delivery, two submits at once, a rejection."""

from __future__ import annotations

import re
import threading
from datetime import date, timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select, update

from jobnet.web.journeys import outbox
from jobnet.web.platform.sessions import utcnow
from jobnet.web.store.models import OutboxCommand
from tests.helpers import csrf_token
from tests.integration.outbox_helpers import (
    ANSWERS_THAT_ARE_NOT_THE_CITIZENS_FAULT,
    FaultyTransport,
    make_due,
    mette_client,
    outbox_commands,
    run_worker_round,
)
from tests.integration.test_journeys import TODAY, answer, date_fields


def _ready_to_send(client: FlaskClient, first_day: date = TODAY) -> dict[str, str]:
    client.get("/sygemelding/")
    answer(client, "/sygemelding/foerste-sygedag", date_fields("first_day", first_day))
    check = client.get("/sygemelding/tjek")
    key = re.search(r'name="key" type="hidden" value="([^"]+)"', check.get_data(as_text=True))
    assert key
    return {"csrf_token": csrf_token(check), "key": key.group(1)}


def _sicknesses(app: Flask, reference: str | None = None) -> list[Any]:
    from jobnet.dfdg.models.registrations import Absence

    store = app.extensions["dfdg_app"].extensions["dfdg_store"]
    with store.session() as session:
        rows = session.scalars(select(Absence).where(Absence.reason == "sickness")).all()
    return [r for r in rows if reference is None or r.source_reference == reference]


def _received_while_dfdg_is_down(app: Flask, transport: FaultyTransport) -> OutboxCommand:
    """A sickness report sent while DFDG was down: kept in the outbox. DFDG is back after."""
    client = mette_client(app)
    data = _ready_to_send(client)
    transport.mode = "down"
    client.post("/sygemelding/send", data=data)
    transport.mode = "ok"
    [command] = outbox_commands(app)
    return command


def _due_and_leased(app: Flask, lease_seconds: int) -> None:
    """Every command due now, leased by a (dead) worker for `lease_seconds` more (< 0: run out)."""
    with app.extensions["web_store"].session() as db:
        db.execute(
            update(OutboxCommand).values(
                next_attempt_at=utcnow() - timedelta(seconds=1),
                lease_until=utcnow() + timedelta(seconds=lease_seconds),
            )
        )


@pytest.mark.parametrize(
    "fault", ["down", "timeout", "fail_after_write", *ANSWERS_THAT_ARE_NOT_THE_CITIZENS_FAULT]
)
def test_a_report_sent_while_dfdg_fails_is_received_then_registered_once(
    faulty: tuple[Flask, FaultyTransport], fault: str
) -> None:
    app, transport = faulty
    client = mette_client(app)
    data = _ready_to_send(client)
    transport.mode = fault
    response = client.post("/sygemelding/send", data=data)
    reference = response.location.split("/")[-1]
    transport.mode = "ok"  # the receipt page itself must render even if DFDG is back or not
    receipt = client.get(response.location).get_data(as_text=True)
    assert "Receipt: your report is received" in receipt
    assert "will be registered" in receipt
    [command] = outbox_commands(app)
    assert command.status == outbox.RECEIVED and command.attempts == 1
    assert command.last_error  # the class name of the failure, no personal data
    assert len(_sicknesses(app, reference)) == (1 if fault == "fail_after_write" else 0)

    assert run_worker_round(app) == 0  # not due yet: back-off
    make_due(app)
    assert run_worker_round(app) == 1
    assert len(_sicknesses(app, reference)) == 1
    assert "Receipt: your report is registered" in client.get(response.location).get_data(
        as_text=True
    )
    assert client.post("/sygemelding/send", data=data).location == response.location
    assert len(_sicknesses(app, reference)) == 1


def test_the_forms_count_a_report_still_on_its_way(faulty: tuple[Flask, FaultyTransport]) -> None:
    app, transport = faulty
    client = mette_client(app)
    data = _ready_to_send(client)
    transport.mode = "down"
    client.post("/sygemelding/send", data=data)
    transport.mode = "ok"
    page = client.get("/sygemelding/foerste-sygedag").get_data(as_text=True)
    assert "You are already reported sick" in page
    assert "<h1>When were you fit again?</h1>" in client.get("/raskmelding/rask-dato").get_data(
        as_text=True
    )


def test_a_recovery_never_overtakes_its_sickness_report(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, transport = faulty
    client = mette_client(app)
    sickness = _ready_to_send(client, TODAY - timedelta(days=3))
    transport.mode = "down"
    client.post("/sygemelding/send", data=sickness)
    transport.mode = "ok"
    client.get("/raskmelding/")
    answer(client, "/raskmelding/rask-dato", date_fields("fit_day", TODAY))
    check = client.get("/raskmelding/tjek")
    key = re.search(r'name="key" type="hidden" value="([^"]+)"', check.get_data(as_text=True))
    client.post("/raskmelding/send", data={"csrf_token": csrf_token(check), "key": key.group(1)})  # type: ignore[union-attr]
    statuses = [(c.kind, c.status) for c in sorted(outbox_commands(app), key=lambda c: c.id)]
    assert statuses == [("sickness", "registered"), ("recovery", "registered")]


def test_a_worker_that_died_mid_delivery_leaves_it_to_the_next(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, transport = faulty
    command = _received_while_dfdg_is_down(app, transport)
    # A worker claimed it (its lease runs) and then died before it could answer.
    _due_and_leased(app, lease_seconds=30)
    assert run_worker_round(app) == 0  # still leased by the dead worker
    _due_and_leased(app, lease_seconds=-1)
    assert run_worker_round(app) == 1
    assert len(_sicknesses(app, command.reference)) == 1


def test_a_worker_that_died_after_dfdg_wrote_does_not_register_twice(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, transport = faulty
    command = _received_while_dfdg_is_down(app, transport)
    # A worker claims it, DFDG writes, and the worker dies before it can record the answer:
    # its lease is never released and the command still looks undelivered.
    app.extensions["dfdg_client"].send_command(
        command.method,
        command.path,
        command.body,
        actor=outbox._actor(command.actor),
        idempotency_key=command.idempotency_key,
    )
    _due_and_leased(app, lease_seconds=-1)
    assert len(_sicknesses(app, command.reference)) == 1
    assert run_worker_round(app) == 1  # a new worker takes the expired lease
    [delivered] = outbox_commands(app)
    assert delivered.status == outbox.REGISTERED
    assert len(_sicknesses(app, command.reference)) == 1


def test_the_same_report_submitted_twice_at_once_registers_once(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, _transport = faulty
    client = mette_client(app)
    data = _ready_to_send(client)
    cookie = client.get_cookie("jobnet_session")
    assert cookie is not None
    locations: list[str] = []
    barrier = threading.Barrier(2)

    def send() -> None:
        other = app.test_client()
        other.set_cookie("jobnet_session", cookie.value)
        barrier.wait()
        response = other.post("/sygemelding/send", data=data)
        locations.append(response.location or str(response.status_code))

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(locations)) == 1
    assert len(outbox_commands(app)) == 1
    assert len(_sicknesses(app, locations[0].split("/")[-1])) == 1


def test_a_rejected_report_shows_on_min_side_with_the_reason(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, transport = faulty
    client = mette_client(app)
    first = _ready_to_send(client, TODAY - timedelta(days=1))
    transport.mode = "down"
    client.post("/sygemelding/send", data=first)
    transport.mode = "ok"
    # Meanwhile the job centre registered a sickness for her through another system.
    dfdg = app.extensions["dfdg_app"].test_client()
    person_id = outbox_commands(app)[0].person_id
    registered = dfdg.post(
        f"/api/v1/persons/{person_id}/absences",
        json={"reason": "sickness", "first_day": (TODAY - timedelta(days=2)).isoformat()},
        headers={
            "Authorization": f"Bearer {app.config['DFDG_API_TOKEN']}",
            "Idempotency-Key": "another-system-1",
            "X-Actor-Type": "system",
            "X-Actor-Id": "akasse-system",
        },
    )
    assert registered.status_code == 201, registered.get_json()
    make_due(app)
    run_worker_round(app)
    [command] = outbox_commands(app)
    assert command.status == outbox.REJECTED
    page = client.get("/min-side/").get_data(as_text=True)
    alert = page.split('class="alert alert-error"')[1].split("</div>\n</div>")[0]
    assert "A report was not registered" in alert
    assert f"Sickness report, reference {command.reference}" in alert
    # The reason and what to do, right on Min side: the receipt's own words.
    assert "You are already reported sick" in alert
    assert "Correct the problem and send a new report" in alert
    assert f'href="/kvittering/{command.reference}"' in alert
    receipt = client.get(f"/kvittering/{command.reference}").get_data(as_text=True)
    assert "Your report was not registered" in receipt
    assert "You are already reported sick" in receipt
