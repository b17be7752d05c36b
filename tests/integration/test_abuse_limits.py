"""Abuse limits: login starts per address, a caseworker's CPR look-ups, form posts per person,
counted in the web store so that every worker shares the count; a clear 429 page in the
person's language that keeps what was typed; every hit in the log; anonymous visits make no
session rows."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from jobnet.demo_identities import DEMO_CASEWORKERS
from jobnet.web.store.models import WebSession
from tests.helpers import csrf_token, login_caseworker
from tests.integration.cv_joblog_helpers import ANNE, METTE, citizen, hidden, page_app

__all__ = ["citizen", "page_app"]

NEW_APPLICATION = "/joblog/ny"


def _limited(app: Flask, **limits: str) -> Flask:
    app.config.update(ABUSE_LIMITS_ENABLED=True, **limits)
    return app


def _session_rows(app: Flask) -> int:
    with app.extensions["web_store"].session() as db:
        return int(db.scalar(select(func.count()).select_from(WebSession)) or 0)


def test_login_starts_are_limited_per_address_with_a_page_in_the_persons_language(
    make_app: Callable[..., Flask], caplog: pytest.LogCaptureFixture
) -> None:
    app = _limited(make_app(), RATE_LIMIT_LOGIN_STARTS="3 per minute")
    client = app.test_client()
    for _ in range(3):
        assert client.get("/auth/login").status_code == 302
    with caplog.at_level(logging.WARNING):
        refused = client.get("/auth/login")
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 61
    assert "For mange forsøg på kort tid" in refused.get_data(as_text=True)  # Danish first
    assert "abuse limit hit: login_start on auth.login" in caplog.text
    client.get("/language/en")
    page = client.get("/auth/login").get_data(as_text=True)
    assert "Too many attempts in a short time" in page
    assert "You can try again in 1 minute." in page
    # Another address is not held back by this one.
    other = app.test_client()
    assert other.get("/auth/login", environ_base={"REMOTE_ADDR": "10.0.0.9"}).status_code == 302


def test_the_default_limit_stops_a_flood_of_login_starts(make_app: Callable[..., Flask]) -> None:
    app = _limited(make_app())
    client = app.test_client()
    answers = [client.get("/auth/login").status_code for _ in range(40)]
    assert answers.count(302) == 30 and answers[-1] == 429


def test_the_count_is_shared_by_every_worker(make_app: Callable[..., Flask]) -> None:
    """Two app instances (two workers) on the same web store count together."""
    one = _limited(make_app(), RATE_LIMIT_LOGIN_STARTS="3 per minute")
    two = _limited(make_app(), RATE_LIMIT_LOGIN_STARTS="3 per minute")
    assert one.test_client().get("/auth/login").status_code == 302
    assert two.test_client().get("/auth/login").status_code == 302
    assert one.test_client().get("/auth/login").status_code == 302
    assert two.test_client().get("/auth/login").status_code == 429


def test_anonymous_visits_create_no_session_rows(make_app: Callable[..., Flask]) -> None:
    app = make_app()
    client = app.test_client()
    for path in ("/", "/auth/login", "/auth/caseworker/login", "/language/en", "/auth/login"):
        client.get(path)
    for _ in range(20):
        app.test_client().get("/auth/login")
    assert _session_rows(app) == 0


def test_a_caseworkers_cpr_look_ups_are_limited_and_the_cpr_is_kept_nowhere(
    demo: Flask, app: Flask
) -> None:
    _limited(app, RATE_LIMIT_CPR_LOOKUPS="2 per minute")
    client = app.test_client()
    client.get("/language/en")
    login_caseworker(client, DEMO_CASEWORKERS[0].professional_id)
    start = client.get("/sagsbehandler/")
    fields: dict[str, Any] = {
        "csrf_token": csrf_token(start),
        "cpr": "010203-4567",
        "purpose": "follow_up",
    }
    for _ in range(2):
        assert client.post("/sagsbehandler/", data=fields).status_code != 429
    refused = client.post("/sagsbehandler/", data=fields)
    assert refused.status_code == 429
    body = refused.get_data(as_text=True)
    assert "You have looked up many citizens in a short time" in body
    assert "010203" not in body
    with client.session_transaction() as session:
        assert "010203-4567" not in str(dict(session))
    # Another caseworker is not held back by this one.
    other = app.test_client()
    login_caseworker(other, DEMO_CASEWORKERS[1].professional_id)
    page = other.get("/sagsbehandler/")
    answer = other.post("/sagsbehandler/", data={**fields, "csrf_token": csrf_token(page)})
    assert answer.status_code != 429


def test_form_posts_are_limited_per_person_and_what_was_typed_comes_back(
    citizen: Callable[[str], FlaskClient], page_app: Flask
) -> None:
    _limited(page_app, RATE_LIMIT_FORM_POSTS="2 per minute")
    client = citizen(METTE)
    page = client.get(NEW_APPLICATION)
    fields = {"csrf_token": csrf_token(page), "key": hidden(page, "key")}
    for _ in range(2):
        assert client.post(NEW_APPLICATION, data={**fields, "employer": ""}).status_code == 200
    typed = {**fields, "employer": "Bageriet Havnen", "job_title": "Bagerlærling"}
    refused = client.post(NEW_APPLICATION, data=typed)
    assert refused.status_code == 429
    body = refused.get_data(as_text=True)
    assert "This form has been sent many times in a short time" in body
    assert "What you typed is kept" in body
    assert f'href="{NEW_APPLICATION}"' in body
    again = client.get(NEW_APPLICATION).get_data(as_text=True)
    assert 'value="Bageriet Havnen"' in again and 'value="Bagerlærling"' in again
    # Another person posting the same form is not held back.
    other = citizen(ANNE)
    page = other.get(NEW_APPLICATION)
    other_fields = {"csrf_token": csrf_token(page), "key": hidden(page, "key"), "employer": ""}
    assert other.post(NEW_APPLICATION, data=other_fields).status_code == 200


def test_the_outbox_worker_purges_expired_sessions_on_a_schedule(
    make_app: Callable[..., Flask],
) -> None:
    from datetime import timedelta

    from sqlalchemy import update

    from jobnet.web.journeys.outbox_worker import Worker
    from jobnet.web.platform.sessions import utcnow
    from tests.helpers import login_citizen

    app = make_app(SESSION_PURGE_SECONDS=0.0)
    live, stale = app.test_client(), app.test_client()
    login_citizen(stale)
    idle = timedelta(minutes=app.config["SESSION_IDLE_MINUTES"] + 1)
    with app.extensions["web_store"].session() as db:
        db.execute(update(WebSession).values(last_seen_at=utcnow() - idle))
    login_citizen(live)
    assert _session_rows(app) == 2

    worker = Worker(app, interval=0.01)
    worker.start()
    try:
        for _ in range(500):
            if _session_rows(app) == 1:
                break
            worker.stopping.wait(0.01)
    finally:
        worker.stop()
        worker.join(timeout=5)
    assert _session_rows(app) == 1  # the stale one, without anyone running a command
    assert live.get("/min-side/").status_code != 302
