"""A receipt whatever fails (issue 26): a person known before logs in, starts and sends a report
while DFDG is away; the send stores first and spends at most its budget on DFDG; a command DFDG
keeps answering with 5xx is set aside without blocking what comes after."""

from __future__ import annotations

import re
import time
from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import update

from jobnet.demo_identities import DEMO_CASEWORKERS
from jobnet.web.journeys import outbox
from jobnet.web.store.models import OutboxCommand
from tests.helpers import csrf_token, login_caseworker, login_citizen
from tests.integration.outbox_helpers import (
    METTE,
    FaultyTransport,
    make_due,
    mette_client,
    outbox_commands,
    run_worker_round,
)
from tests.integration.test_journeys import TODAY, answer, date_fields

HANNE = DEMO_CASEWORKERS[0]  # Jobcenter København, Mette's job centre


def _send(client: FlaskClient, journey: str, step: str, fields: dict[str, str]) -> str:
    """Start, answer and send a one-question journey; the receipt's path."""
    assert client.get(f"/{journey}/").status_code == 302
    assert answer(client, f"/{journey}/{step}", fields).status_code == 302
    check = client.get(f"/{journey}/tjek")
    assert check.status_code == 200, check.get_data(as_text=True)
    key = re.search(r'name="key" type="hidden" value="([^"]+)"', check.get_data(as_text=True))
    assert key
    sent = client.post(
        f"/{journey}/send", data={"csrf_token": csrf_token(check), "key": key.group(1)}
    )
    assert sent.status_code == 302 and sent.location.startswith("/kvittering/"), sent.location
    return str(sent.location)


def _sickness(client: FlaskClient, days_ago: int = 0) -> str:
    fields = date_fields("first_day", TODAY - timedelta(days=days_ago))
    return _send(client, "sygemelding", "foerste-sygedag", fields)


def test_someone_known_logs_in_starts_and_sends_while_dfdg_is_down(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, transport = faulty
    before = mette_client(app)
    assert before.get("/min-side/").status_code == 200  # the web app now knows her status
    transport.mode = "down"

    client = app.test_client()
    client.get("/language/en")
    callback = login_citizen(client, METTE)
    assert callback.status_code == 302
    limited = client.get(callback.location)
    assert limited.status_code == 200
    page = limited.get_data(as_text=True)
    assert "You are logged in, with fewer services for now" in page
    assert "What works now" in page

    min_side = client.get("/min-side/")
    assert min_side.status_code == 200
    assert "This page shows what Jobnet knew on" in min_side.get_data(as_text=True)
    question = client.get("/sygemelding/foerste-sygedag")
    assert question.status_code == 200
    assert "This page shows what Jobnet knew on" in question.get_data(as_text=True)

    receipt_path = _sickness(client)
    receipt = client.get(receipt_path).get_data(as_text=True)
    assert "Receipt: your report is received" in receipt
    [command] = outbox_commands(app)
    assert command.status == outbox.RECEIVED

    transport.mode = "ok"
    make_due(app)
    assert run_worker_round(app) == 1
    assert "Receipt: your report is registered" in client.get(receipt_path).get_data(as_text=True)


def test_someone_never_seen_gets_in_at_login(faulty: tuple[Flask, FaultyTransport]) -> None:
    app, transport = faulty
    transport.mode = "down"
    client = app.test_client()
    client.get("/language/en")
    callback = login_citizen(client, METTE)
    assert callback.status_code == 302  # more in test_dfdg_away_more.py
    assert "What works now" in client.get(callback.location).get_data(as_text=True)


def test_a_send_with_dfdg_hung_returns_within_its_budget(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, transport = faulty
    app.config["OUTBOX_SEND_BUDGET_SECONDS"] = 0.4
    client = mette_client(app)
    client.get("/sygemelding/")
    answer(client, "/sygemelding/foerste-sygedag", date_fields("first_day", TODAY))
    check = client.get("/sygemelding/tjek")
    key = re.search(r'name="key" type="hidden" value="([^"]+)"', check.get_data(as_text=True))
    assert key
    transport.mode = "hang"
    began = time.monotonic()
    sent = client.post(
        "/sygemelding/send", data={"csrf_token": csrf_token(check), "key": key.group(1)}
    )
    took = time.monotonic() - began
    assert sent.status_code == 302 and sent.location.startswith("/kvittering/")
    assert 0.3 < took < 0.4 + 0.5, took  # the budget, plus the database write and the page
    [command] = outbox_commands(app)
    assert command.status == outbox.RECEIVED and command.attempts == 1
    transport.mode = "ok"
    make_due(app)
    assert run_worker_round(app) == 1


def _fail_until_set_aside(app: Flask) -> OutboxCommand:
    with app.extensions["web_store"].session() as db:
        db.execute(update(OutboxCommand).values(attempts=outbox.SET_ASIDE_ATTEMPTS - 1))
    make_due(app)
    run_worker_round(app)
    [command] = outbox_commands(app)
    return command


def test_a_command_dfdg_always_answers_with_500_is_set_aside_and_later_ones_go_on(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, transport = faulty
    client = mette_client(app)
    transport.mode = "writes_500"
    receipt_path = _sickness(client, days_ago=2)
    make_due(app)
    assert run_worker_round(app) == 0
    [command] = outbox_commands(app)
    assert command.status == outbox.RECEIVED and command.last_error == "DfdgUnavailable 500"
    command = _fail_until_set_aside(app)
    assert command.status == outbox.SET_ASIDE

    receipt = client.get(receipt_path).get_data(as_text=True)
    assert "We could not register your report" in receipt
    assert "The job centre has been told" in receipt
    assert "Not registered: the job centre has been told" in client.get("/min-side/").get_data(
        as_text=True
    )

    # The person's next report is not held up behind it.
    transport.mode = "ok"
    holiday = _send(
        client,
        "ferie",
        "periode",
        {
            **date_fields("first_day", TODAY + timedelta(days=20)),
            **date_fields("last_day", TODAY + timedelta(days=22)),
        },
    )
    assert "Receipt: your report is registered" in client.get(holiday).get_data(as_text=True)


def test_an_operator_lists_retries_and_cancels_what_is_set_aside(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, transport = faulty
    client = mette_client(app)
    transport.mode = "writes_500"
    _sickness(client, days_ago=2)
    command = _fail_until_set_aside(app)
    runner = app.test_cli_runner()
    listing = runner.invoke(args=["outbox", "stuck"])
    assert listing.exit_code == 0
    assert command.reference in listing.output and "sickness" in listing.output
    transport.mode = "ok"
    retried = runner.invoke(args=["outbox", "stuck", "--retry", command.reference])
    assert "back in line" in retried.output
    assert run_worker_round(app) == 1
    [command] = outbox_commands(app)
    assert command.status == outbox.REGISTERED
    assert "no commands set aside" in runner.invoke(args=["outbox", "stuck"]).output
    again = runner.invoke(args=["outbox", "stuck", "--cancel", command.reference])
    assert "not set aside, nothing done" in again.output


def test_the_job_centre_sees_and_cancels_its_citizens_set_aside_reports(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, transport = faulty
    client = mette_client(app)
    transport.mode = "writes_500"
    receipt_path = _sickness(client, days_ago=2)
    command = _fail_until_set_aside(app)
    transport.mode = "ok"
    caseworker = app.test_client()
    caseworker.get("/language/en")
    login_caseworker(caseworker, HANNE.professional_id)
    page = caseworker.get("/sagsbehandler/ikke-registreret")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert command.reference in text and "Mette" in text
    cancelled = caseworker.post(
        "/sagsbehandler/ikke-registreret",
        data={"csrf_token": csrf_token(page), "reference": command.reference, "action": "cancel"},
    )
    assert cancelled.status_code == 302
    [command] = outbox_commands(app)
    assert command.status == outbox.CANCELLED
    assert "Not registered: cancelled by Jobnet" in client.get("/min-side/").get_data(as_text=True)
    assert "We could not register your report" in client.get(receipt_path).get_data(as_text=True)


@pytest.mark.parametrize(("language", "words"), [("en", "Jobnet cannot save"), ("da", "Jobnet")])
def test_with_the_store_down_pages_say_so_and_health_answers(
    faulty: tuple[Flask, FaultyTransport], language: str, words: str
) -> None:
    from sqlalchemy import create_engine
    from sqlalchemy.orm import sessionmaker

    app, _transport = faulty
    client = mette_client(app)
    client.get(f"/language/{language}")
    store = app.extensions["web_store"]
    kept = dict(vars(store))
    dead = create_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")
    store.engine = dead
    store.autocommit_engine = dead.execution_options(isolation_level="AUTOCOMMIT")
    store.session_factory = sessionmaker(dead)
    store._reading_factory = sessionmaker(store.autocommit_engine)
    try:
        _pages_say_the_store_is_down(client, language, words)
    finally:
        vars(store).update(kept)


def _pages_say_the_store_is_down(client: FlaskClient, language: str, words: str) -> None:
    assert client.get("/health").status_code == 200
    for path in ("/min-side/", "/sygemelding/foerste-sygedag", "/"):
        page = client.get(path)
        assert page.status_code == 503, path
        text = page.get_data(as_text=True)
        assert words in text
        assert f'lang="{language}"' in text
    posted = client.post("/sygemelding/foerste-sygedag", data={"first_day-day": "1"})
    assert posted.status_code == 503
    assert words in posted.get_data(as_text=True)


def test_a_body_too_large_gets_a_friendly_page_and_a_draft_keeps_only_its_fields(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, _transport = faulty
    client = mette_client(app)
    page = client.get("/sygemelding/foerste-sygedag")
    fields = {**date_fields("first_day", TODAY), "csrf_token": csrf_token(page)}
    too_large = client.post(
        "/sygemelding/foerste-sygedag", data={**fields, "extra": "x" * (1024 * 1024)}
    )
    assert too_large.status_code == 413
    assert "What you sent is too large" in too_large.get_data(as_text=True)

    sent = client.post("/sygemelding/foerste-sygedag", data={**fields, "extra": "x" * 1000})
    assert sent.status_code == 302
    with client.session_transaction() as session:
        typed = session["drafts"]["sickness"]["typed"]["foerste-sygedag"]
    assert {key for key, _value in typed} == {"first_day-day", "first_day-month", "first_day-year"}


def test_after_dfdg_failed_pages_and_sends_do_not_wait_for_it_again(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, transport = faulty
    app.config["DFDG_AWAY_SECONDS"] = 60.0
    client = mette_client(app)
    assert client.get("/min-side/").status_code == 200  # her status is known
    transport.mode = "down"
    assert client.get("/min-side/").status_code == 200  # DFDG failed: taken as away a while
    transport.mode = "hang"  # now every call would wait for the client's timeout (2 s)
    writes = transport.writes_seen
    began = time.monotonic()
    receipt = _sickness(client)
    assert time.monotonic() - began < 1.5  # four pages and the send, none waiting for DFDG
    assert "Receipt: your report is received" in client.get(receipt).get_data(as_text=True)
    assert transport.writes_seen == writes  # the send left delivery to the worker
    transport.mode = "ok"
    assert run_worker_round(app) == 1  # due at once: never tried
