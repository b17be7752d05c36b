"""The provider ends Jobnet sessions by OpenID Back-Channel Logout, here with the embedded
MitID simulator's signing key (node-oidc-provider does the same in the browser tests,
tests/e2e/test_logout_with_a_real_provider.py). The session row keeps no ID token."""

from __future__ import annotations

import time
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from joserfc import jwt
from sqlalchemy import select

from jobnet.demo_identities import DEMO_CASEWORKERS, DEMO_PERSONS
from jobnet.mitid_sim.provider import provider_for
from jobnet.web.auth.backchannel import LOGOUT_EVENT
from jobnet.web.store.models import WebSession
from tests.helpers import login_caseworker, login_citizen

METTE = DEMO_PERSONS[0]
ISSUER = "http://localhost/mitid-sim"


def _logout_token(app: Flask, client_id: str, *, iat: int | None = None, **claims: Any) -> str:
    key = provider_for(app).keys().current
    now = int(time.time()) if iat is None else iat
    values = {
        "iss": ISSUER,
        "aud": client_id,
        "iat": now,
        "exp": now + 120,
        "jti": f"jti-{now}-{time.monotonic_ns()}",
        "events": {LOGOUT_EVENT: {}},
        **claims,
    }
    header = {"alg": "RS256", "kid": key.kid, "typ": "logout+jwt"}
    return jwt.encode(header, values, key, algorithms=["RS256"])


def _mette_sub(app: Flask) -> str:
    return provider_for(app).keys().pseudonym("citizen-sub", METTE.cpr)


def _rows(app: Flask) -> list[WebSession]:
    with app.extensions["web_store"].session() as db:
        return list(db.scalars(select(WebSession)).all())


def test_the_providers_logout_token_ends_the_citizens_session(
    app: Flask, demo: Flask, client: FlaskClient
) -> None:
    login_citizen(client, METTE.cpr)
    assert client.get("/min-side/").status_code == 200
    other = app.test_client()
    login_caseworker(other, DEMO_CASEWORKERS[0].professional_id)

    token = _logout_token(app, "jobnet-citizen", sub=_mette_sub(app))
    response = app.test_client().post("/auth/backchannel-logout", data={"logout_token": token})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert client.get("/min-side/").status_code == 302  # ended
    assert other.get("/sagsbehandler/").status_code == 200  # another login lives on


def test_a_session_row_keeps_no_id_token_and_no_cpr_number(
    app: Flask, demo: Flask, client: FlaskClient
) -> None:
    login_citizen(client, METTE.cpr)
    (row,) = _rows(app)
    stored = row.data.decode()
    assert METTE.cpr.replace("-", "") not in stored and "eyJ" not in stored
    assert row.provider_sub and _mette_sub(app) not in (row.provider_sub, stored)


def test_a_refused_logout_token_ends_nothing(app: Flask, demo: Flask, client: FlaskClient) -> None:
    login_citizen(client, METTE.cpr)
    caller = app.test_client()
    wrong_audience = _logout_token(app, "jobnet-caseworker", sub=_mette_sub(app))
    for token in (wrong_audience, "garbage", ""):
        response = caller.post("/auth/backchannel-logout", data={"logout_token": token})
        assert response.status_code == 400
        assert response.get_json()["error"] == "invalid_request"
    assert client.get("/min-side/").status_code == 200


def test_a_logout_token_never_ends_a_later_login(
    app: Flask, demo: Flask, client: FlaskClient
) -> None:
    """A token issued before this login (one replayed, or delayed) leaves it alone."""
    login_citizen(client, METTE.cpr)
    now = int(time.time())
    earlier = _logout_token(
        app, "jobnet-citizen", iat=now - 600, exp=now + 120, sub=_mette_sub(app)
    )
    response = app.test_client().post("/auth/backchannel-logout", data={"logout_token": earlier})
    assert response.status_code == 200
    assert client.get("/min-side/").status_code == 200
