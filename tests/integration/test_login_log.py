"""Leftovers 2: every login is in the web app's own login log, with its time, its assurance
level and a caseworker's organisation; the citizen sees their recent logins in My data; the log
never stops a login, also not while DFDG is away, and a provisional person's logins follow them
to their real id."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from jobnet.demo_identities import DEMO_CASEWORKERS
from jobnet.web.journeys import provisional
from jobnet.web.platform import login_log
from jobnet.web.store.models import LoginEvent
from tests.helpers import login_caseworker, login_citizen
from tests.integration.outbox_helpers import METTE, FaultyTransport


def _events(app: Flask) -> list[LoginEvent]:
    with app.extensions["web_store"].read() as db:
        return list(db.scalars(select(LoginEvent).order_by(LoginEvent.id)))


def _person_id(app: Flask, cpr: str) -> str:
    from jobnet.dfdg.models.persons import Person

    with app.extensions["dfdg_app"].extensions["dfdg_store"].read() as db:
        return db.scalars(select(Person.id).where(Person.cpr == cpr)).one()


def test_a_citizen_login_is_logged_with_its_level_and_shown_in_my_data(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, _ = faulty
    client = app.test_client()
    client.get("/language/en")
    before = datetime.now(UTC)
    assert login_citizen(client, METTE, level="High").status_code == 302
    [event] = _events(app)
    assert event.subject == f"citizen:{_person_id(app, METTE)}"
    assert (event.level, event.organisation_cvr, event.while_dfdg_away) == ("High", None, False)
    at = event.at if event.at.tzinfo else event.at.replace(tzinfo=UTC)
    assert before - timedelta(seconds=1) <= at <= datetime.now(UTC)
    assert METTE not in str(vars(event))
    page = client.get("/mine-data/").get_data(as_text=True)
    assert "Your logins to Jobnet" in page and ">High" in page
    download = client.get("/mine-data/hent").get_json()
    assert [login["level"] for login in download["held_by_jobnet"]["logins"]] == ["High"]


def test_a_caseworker_login_is_logged_with_the_organisation(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, _ = faulty
    hanne = DEMO_CASEWORKERS[0]
    assert login_caseworker(app.test_client(), hanne.professional_id).status_code == 302
    [event] = _events(app)
    assert event.subject == f"caseworker:{hanne.professional_id}"
    assert (event.level, event.organisation_cvr) == ("Substantial", "29190011")
    assert event.organisation_name


def test_a_login_while_dfdg_is_away_is_logged_and_follows_the_person(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, transport = faulty
    transport.mode = "down"
    client = app.test_client()
    client.get("/language/en")
    assert login_citizen(client, METTE).status_code == 302
    [event] = _events(app)
    with app.app_context():
        provisional_id = provisional.provisional_id(METTE)
    assert (event.subject, event.while_dfdg_away) == (f"citizen:{provisional_id}", True)
    transport.mode = "ok"
    app.config["DFDG_AWAY_SECONDS"] = 0
    assert "Your status" in client.get("/min-side/").get_data(as_text=True)  # resolves
    [event] = _events(app)
    assert event.subject == f"citizen:{_person_id(app, METTE)}"
    assert "while the employment database could not be reached" in client.get(
        "/mine-data/"
    ).get_data(as_text=True)


def test_a_login_log_that_cannot_be_written_never_stops_the_login(
    faulty: tuple[Flask, FaultyTransport], monkeypatch: pytest.MonkeyPatch
) -> None:
    app, _ = faulty

    def broken(*_: object) -> None:
        raise OperationalError("INSERT", {}, Exception("disk full"))

    monkeypatch.setattr(login_log, "_insert", broken)
    client = app.test_client()
    assert login_citizen(client, METTE).status_code == 302
    assert client.get("/min-side/").status_code == 200
    assert _events(app) == []


def test_old_logins_are_deleted(faulty: tuple[Flask, FaultyTransport]) -> None:
    app, _ = faulty
    store = app.extensions["web_store"]
    now = datetime.now(UTC)
    with store.session() as db:
        for days in (1, 89, 91):
            db.add(LoginEvent(subject="citizen:x", at=now - timedelta(days=days), level="High"))
    assert login_log.purge_old(store, now) == 1
    assert len(login_log.logins_of(store, "citizen:x")) == 2
