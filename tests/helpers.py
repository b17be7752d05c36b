"""Helpers shared by the integration tests: logging in through the MitID simulator."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from jobnet.demo_identities import DEMO_CASEWORKERS, DEMO_PERSONS

_CSRF = re.compile(
    r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"'
)


def local(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def query(url: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(url).query))


def csrf_token(page: TestResponse | str) -> str:
    html = page if isinstance(page, str) else page.get_data(as_text=True)
    match = _CSRF.search(html)
    assert match, "no csrf_token on the page"
    return match.group(1) or match.group(2)


def start_login(client: FlaskClient, kind: str = "citizen", next_path: str | None = None) -> str:
    """Follow the app's login redirect; returns the simulator's authorize URL (local path)."""
    path = "/auth/login" if kind == "citizen" else "/auth/caseworker/login"
    response = client.get(path, query_string={"next": next_path} if next_path else None)
    assert response.status_code == 302, response.status_code
    assert "/mitid-sim/authorize" in response.location
    return local(response.location)


def choose_at_simulator(
    client: FlaskClient,
    authorize: str,
    *,
    level: str = "Substantial",
    action: str = "login",
    person: str | None = None,
    caseworker: str | None = None,
    **typed: str,
) -> TestResponse:
    """Fill in the simulator's login page; returns its redirect back to the app."""
    page = client.get(authorize)
    assert page.status_code == 200
    data = {"csrf_token": csrf_token(page), "level": level, "action": action, **typed}
    if person is not None:
        data["person"] = person
    if caseworker is not None:
        data["caseworker"] = caseworker
    response = client.post(authorize, data=data)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    return response


def login_citizen(
    client: FlaskClient,
    cpr: str | None = None,
    *,
    level: str = "Substantial",
    next_path: str | None = None,
) -> TestResponse:
    """Log in as a citizen through the simulator; returns the app's answer to the callback."""
    authorize = start_login(client, "citizen", next_path)
    back = choose_at_simulator(client, authorize, level=level, person=cpr or DEMO_PERSONS[0].cpr)
    return client.get(local(back.location))


def login_caseworker(
    client: FlaskClient, professional_id: str | None = None, *, next_path: str | None = None
) -> TestResponse:
    authorize = start_login(client, "caseworker", next_path)
    back = choose_at_simulator(
        client, authorize, caseworker=professional_id or DEMO_CASEWORKERS[0].professional_id
    )
    return client.get(local(back.location))


def session_cookie(client: FlaskClient) -> str | None:
    cookie = client.get_cookie("jobnet_session")
    return cookie.value if cookie else None
