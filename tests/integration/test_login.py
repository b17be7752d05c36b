"""Logging in and out through the MitID simulator, with the whole app: sessions, Min side and
the caseworker start page. The protocol refusals are tested at the relying party itself
(tests/unit/test_oidc_rp.py, tests/integration/test_mitid_sim.py)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import NoReturn

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import update

from jobnet.clients.dfdg_client.client import DfdgClient
from jobnet.clients.dfdg_client.errors import DfdgError, DfdgForbidden, DfdgRejected
from jobnet.demo_identities import DEMO_CASEWORKERS, DEMO_PERSONS
from jobnet.web.platform.sessions import utcnow
from jobnet.web.store.models import WebSession
from tests.helpers import (
    choose_at_simulator,
    csrf_token,
    local,
    login_caseworker,
    login_citizen,
    query,
    session_cookie,
    start_login,
)

METTE = DEMO_PERSONS[0]


def test_citizen_logs_in_and_lands_on_min_side(client: FlaskClient, demo: Flask) -> None:
    response = login_citizen(client, METTE.cpr)
    assert response.status_code == 302
    assert response.location == "/min-side/"
    page = client.get("/min-side/", headers={"Accept-Language": "en"})
    body = page.get_data(as_text=True)
    assert page.status_code == 200
    assert METTE.full_name in body
    assert "You are registered as a jobseeker" in body
    assert page.headers["Cache-Control"] == "no-store"
    assert METTE.cpr not in body


def test_login_gives_a_new_session_id(client: FlaskClient) -> None:
    client.get("/auth/login")
    before = session_cookie(client)
    assert before
    login_citizen(client)
    assert session_cookie(client) not in (None, before)


def test_unknown_cpr_is_created_in_dfdg_from_the_claims(client: FlaskClient, app: Flask) -> None:
    authorize = start_login(client)
    back = choose_at_simulator(
        client,
        authorize,
        person="other",
        cpr="010203-4567",
        given_name="Test",
        family_name="Testesen",
    )
    response = client.get(local(back.location))
    assert response.location == "/min-side/"
    body = client.get("/min-side/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Test Testesen" in body
    assert "You are not registered as a jobseeker" in body


def test_next_after_login_is_only_ever_local(client: FlaskClient) -> None:
    response = login_citizen(client, next_path="//evil.example/x")
    assert response.location == "/min-side/"
    client.post("/auth/logout", data={"csrf_token": csrf_token(client.get("/min-side/"))})
    response = login_citizen(client, next_path="/was")
    assert response.location == "/was"


def test_protected_page_sends_an_anonymous_visitor_to_login(client: FlaskClient) -> None:
    response = client.get("/min-side/")
    assert response.status_code == 302
    assert response.location.startswith("/auth/login?next=/min-side/")


def test_low_assurance_level_is_refused_with_a_clear_page(client: FlaskClient) -> None:
    client.get("/language/en")
    response = login_citizen(client, level="Low")
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "Substantial" in body
    assert client.get("/min-side/").status_code == 302


def test_trying_again_after_a_refused_login_still_leads_where_the_citizen_was_going(
    client: FlaskClient,
) -> None:
    refused = login_citizen(client, level="Low", next_path="/joblog/")
    assert refused.status_code == 400
    assert 'href="/auth/login?next=/joblog/"' in refused.get_data(as_text=True)
    again = login_citizen(client, next_path="/joblog/")
    assert again.status_code == 302 and again.location == "/joblog/"


def test_cancel_at_the_provider_is_a_clear_page(client: FlaskClient) -> None:
    authorize = start_login(client)
    back = choose_at_simulator(client, authorize, action="cancel", person=METTE.cpr)
    response = client.get(local(back.location), headers={"Accept-Language": "en"})
    assert response.status_code == 400
    assert "You cancelled the login" in response.get_data(as_text=True)


def test_replayed_callback_is_refused(client: FlaskClient) -> None:
    authorize = start_login(client)
    back = choose_at_simulator(client, authorize, person=METTE.cpr)
    assert client.get(local(back.location)).status_code == 302
    client.post("/auth/logout", data={"csrf_token": csrf_token(client.get("/min-side/"))})
    replay = client.get(local(back.location), headers={"Accept-Language": "en"})
    assert replay.status_code == 400
    assert "already been used" in replay.get_data(as_text=True)
    assert client.get("/min-side/").status_code == 302


def test_tampered_state_is_refused(client: FlaskClient) -> None:
    authorize = start_login(client)
    back = choose_at_simulator(client, authorize, person=METTE.cpr)
    args = query(back.location)
    args["state"] = args["state"][:-2] + "xx"
    response = client.get("/auth/callback", query_string=args)
    assert response.status_code == 400
    assert client.get("/min-side/").status_code == 302


def test_logout_ends_the_session_for_good_and_logs_out_at_the_provider(
    client: FlaskClient,
) -> None:
    login_citizen(client)
    cookie = session_cookie(client)
    page = client.get("/min-side/")
    response = client.post("/auth/logout", data={"csrf_token": csrf_token(page)})
    assert response.status_code == 302
    assert "/mitid-sim/logout" in response.location
    assert "id_token_hint=" in response.location
    provider = client.get(local(response.location))
    assert provider.status_code == 302
    assert provider.location.startswith("http://localhost/auth/logged-out")
    assert client.get("/auth/logged-out").status_code == 200
    # The old cookie is useless afterwards.
    client.set_cookie("jobnet_session", cookie)
    assert client.get("/min-side/").status_code == 302


def _age_sessions(app: Flask, **delta: float) -> None:
    with app.extensions["web_store"].session() as db:
        db.execute(update(WebSession).values(last_seen_at=utcnow() - timedelta(**delta)))


def test_idle_session_expires(client: FlaskClient, app: Flask) -> None:
    login_citizen(client)
    assert client.get("/min-side/").status_code == 200
    _age_sessions(app, minutes=31)
    response = client.get("/min-side/")
    assert response.status_code == 302
    assert response.location.startswith("/auth/session-expired")
    assert client.get("/min-side/").status_code == 302


def test_idle_timeout_is_configurable(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(SESSION_IDLE_MINUTES=5)
    client = app.test_client()
    login_citizen(client)
    _age_sessions(app, minutes=4)
    assert client.get("/min-side/").status_code == 200
    _age_sessions(app, minutes=6)
    assert client.get("/min-side/").status_code == 302


def test_absolute_lifetime_ends_an_active_session(client: FlaskClient, app: Flask) -> None:
    login_citizen(client)
    with app.extensions["web_store"].session() as db:
        db.execute(update(WebSession).values(absolute_expires_at=utcnow() - timedelta(seconds=1)))
    assert client.get("/min-side/").status_code == 302


def test_form_posted_after_expiry_is_kept_through_login(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    from jobnet.web.auth.resume import resumed_form
    from jobnet.web.auth.users import citizen_required

    @app.route("/_form", methods=["GET", "POST"])
    @citizen_required
    def form() -> str:
        kept = resumed_form()
        return "kept:" + (kept.get("note", "") if kept else "")

    client = app.test_client()
    login_citizen(client)
    token = csrf_token(client.get("/min-side/"))
    _age_sessions(app, minutes=45)
    response = client.post("/_form", data={"csrf_token": token, "note": "mine"})
    assert response.status_code == 302
    assert response.location.startswith("/auth/session-expired?next=/_form")
    response = login_citizen(client, next_path="/_form")
    assert response.location == "/_form"
    assert client.get("/_form").get_data(as_text=True) == "kept:mine"
    assert client.get("/_form").get_data(as_text=True) == "kept:"


def test_keep_alive_renews_the_session(client: FlaskClient, app: Flask) -> None:
    login_citizen(client)
    token = csrf_token(client.get("/min-side/"))
    _age_sessions(app, minutes=28)
    response = client.post("/auth/keep-alive", headers={"X-CSRFToken": token})
    assert response.status_code == 200
    assert response.json == {"idle_seconds": 1800}
    _age_sessions(app, minutes=0)  # what the renewal wrote is what counts from now
    assert client.get("/min-side/").status_code == 200


def test_caseworker_login_yields_a_caseworker_never_a_citizen(
    client: FlaskClient, demo: Flask
) -> None:
    caseworker = DEMO_CASEWORKERS[0]
    response = login_caseworker(client, caseworker.professional_id)
    assert response.location == "/sagsbehandler/"
    page = client.get("/sagsbehandler/", headers={"Accept-Language": "en"})
    assert caseworker.full_name in page.get_data(as_text=True)
    assert client.get("/min-side/").status_code == 403


def test_citizen_cannot_reach_the_caseworker_pages(client: FlaskClient, demo: Flask) -> None:
    login_citizen(client, METTE.cpr)
    assert client.get("/sagsbehandler/").status_code == 403


def test_caseworker_of_an_unknown_organisation_is_refused(client: FlaskClient) -> None:
    response = login_caseworker(client)  # no organisations loaded in DFDG
    assert response.status_code == 403
    assert client.get("/sagsbehandler/").status_code == 302


@pytest.mark.parametrize("lang", ["da", "en"])
def test_failure_page_is_in_the_users_language(client: FlaskClient, lang: str) -> None:
    client.get(f"/language/{lang}")
    response = client.get("/auth/callback", query_string={"state": "x", "code": "y"})
    assert response.status_code == 400
    assert f'<html lang="{lang}"' in response.get_data(as_text=True)


def _refuse(error: DfdgError) -> Callable[..., NoReturn]:
    def refuse(*_args: object, **_kwargs: object) -> NoReturn:
        raise error

    return refuse


@pytest.mark.parametrize(
    ("lang", "words"), [("da", "Prøv at logge ind igen"), ("en", "Try to log in again")]
)
def test_a_login_dfdg_refuses_is_a_clear_page_that_logs_no_personal_data(
    client: FlaskClient,
    demo: Flask,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    lang: str,
    words: str,
) -> None:
    refusal = DfdgRejected(f"rejected {METTE.cpr}", status=422, problem={"code": "invalid"})
    monkeypatch.setattr(DfdgClient, "lookup_person", _refuse(refusal))
    client.get(f"/language/{lang}")
    caplog.set_level(logging.INFO)
    response = login_citizen(client, METTE.cpr)
    body = response.get_data(as_text=True)
    assert response.status_code == 400
    assert f'<html lang="{lang}"' in body
    assert words in body and 'href="/auth/login"' in body
    assert client.get("/min-side/").status_code == 302
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "login refused by DFDG (DfdgRejected" in logged
    cpr_digits = METTE.cpr.replace("-", "")
    for secret in (METTE.cpr, cpr_digits, METTE.full_name, "eyJ"):
        assert secret not in logged


def test_a_caseworker_login_dfdg_refuses_is_a_clear_page(
    client: FlaskClient, demo: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    refusal = DfdgForbidden("forbidden", status=403, problem={"code": "forbidden"})
    monkeypatch.setattr(DfdgClient, "organisation", _refuse(refusal))
    response = login_caseworker(client)
    assert response.status_code == 400
    assert 'href="/auth/caseworker/login?next=/sagsbehandler/"' in response.get_data(as_text=True)
    assert client.get("/sagsbehandler/").status_code == 302
