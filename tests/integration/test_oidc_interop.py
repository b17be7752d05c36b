"""Jobnet's relying party against an OpenID provider of another make, by configuration alone.

The provider is node-oidc-provider (an OpenID-certified implementation, from npm, installed by
the set-up step), started on a free loopback port with a client registered for Jobnet and an
account whose claims are named as a MitID broker names them. Only OIDC_CITIZEN_* settings
change: the app discovers the provider, logs the citizen in (code flow, PKCE, state, nonce,
signed ID token, userinfo) and logs out at the provider's end_session_endpoint.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
from collections.abc import Callable, Iterator
from html import unescape
from pathlib import Path

import httpx
import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.helpers import csrf_token, local

ROOT = Path(__file__).resolve().parents[2]
PROVIDER_SCRIPT = ROOT / "tests" / "interop" / "oidc_provider.mjs"
NSIS_SUBSTANTIAL = "https://data.gov.dk/concept/core/nsis/Substantial"
NSIS_LOW = "https://data.gov.dk/concept/core/nsis/Low"
CLIENT_ID = "jobnet-citizen"
CLIENT_SECRET = "interop-client-secret-of-sufficient-length"
ACCOUNT = {
    "given_name": "Mette",
    "family_name": "Nielsen",
    "cpr": "1203851234",
    "uuid": "7b6c0a52-4d1e-4c55-9a3e-5d0f1f3c9b21",
}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def start_provider(tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """Start node-oidc-provider with an account at the given NSIS level; returns its issuer."""
    started: list[subprocess.Popen[str]] = []

    def start(level: str) -> str:
        port = _free_port()
        config = {
            "port": port,
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "redirect_uri": "http://localhost/auth/callback",
            "post_logout_redirect_uri": "http://localhost/auth/logged-out",
            "cookie_key": "interop-cookie-key",
            "claims": {"cpr": "dk.cpr", "uuid": "mitid.uuid", "loa": "loa"},
            "account": {**ACCOUNT, "level": level},
        }
        config_file = tmp_path / f"provider-{port}.json"
        config_file.write_text(json.dumps(config))
        process = subprocess.Popen(
            ["node", str(PROVIDER_SCRIPT), str(config_file)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        started.append(process)
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("listening"):
                break
        else:
            pytest.fail(f"node-oidc-provider did not start (exit {process.wait()})")
        return f"http://127.0.0.1:{port}"

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


@pytest.fixture
def app_at(make_app: Callable[..., Flask]) -> Callable[[str], Flask]:
    def make(issuer: str) -> Flask:
        return make_app(
            OIDC_CITIZEN_ISSUER=issuer,
            OIDC_CITIZEN_CLIENT_ID=CLIENT_ID,
            OIDC_CITIZEN_CLIENT_SECRET=CLIENT_SECRET,
            OIDC_CITIZEN_SCOPES="openid profile ssn mitid",
        )

    return make


def _form(html: str) -> tuple[str, dict[str, str]]:
    action = re.search(r'<form[^>]*action="([^"]+)"', html)
    assert action, html[:2000]
    fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html))
    return unescape(action.group(1)), fields


def _at_provider(browser: httpx.Client, url: str, **typed: str) -> str:
    """Follow the provider's pages (login form, consent) until it sends the browser back to
    Jobnet; returns that URL."""
    response = browser.get(url)
    for _ in range(10):
        if response.is_redirect:
            location = str(response.url.join(response.headers["location"]))
            if location.startswith("http://localhost/"):
                return location
            response = browser.get(location)
            continue
        assert response.status_code == 200, response.text[:2000]
        action, fields = _form(response.text)
        if 'name="login"' in response.text:
            fields.update({"login": "mette", "password": "any", **typed})
        elif 'name="logout"' in response.text:  # the provider's "Yes, sign me out"
            fields.update(typed)
        response = browser.post(response.url.join(action), data=fields)
    pytest.fail("the provider never sent the browser back")


@pytest.fixture
def browser() -> Iterator[httpx.Client]:
    """The browser's side at the provider: its cookies, redirects followed by hand."""
    with httpx.Client(follow_redirects=False, timeout=10) as client:
        yield client


def _log_in(app: Flask, issuer: str, browser: httpx.Client) -> tuple[FlaskClient, TestResponse]:
    client = app.test_client()
    client.get("/language/en")
    start = client.get("/auth/login")
    assert start.status_code == 302
    assert start.location.startswith(f"{issuer}/auth?"), start.location
    back = _at_provider(browser, start.location)
    return client, client.get(local(back))


def test_a_citizen_logs_in_and_out_at_another_providers_make(
    start_provider: Callable[[str], str], app_at: Callable[[str], Flask], browser: httpx.Client
) -> None:
    issuer = start_provider(NSIS_SUBSTANTIAL)
    client, landed = _log_in(app_at(issuer), issuer, browser)
    assert landed.status_code == 302, landed.get_data(as_text=True)[:2000]
    assert local(landed.location) == "/min-side/"
    page = client.get("/min-side/").get_data(as_text=True)
    assert "Welcome, Mette Nielsen." in page

    logout = client.post("/auth/logout", data={"csrf_token": csrf_token(page)})
    # The provider is on another origin: the post goes to a page of our own first (the CSP's
    # form-action 'self' forbids a form's redirect elsewhere), which refreshes to the provider.
    assert logout.status_code == 302
    assert logout.location == "/auth/logout/citizen"
    assert client.get("/min-side/").status_code == 302  # the session is gone for good already
    onward = client.get(logout.location).get_data(as_text=True)
    refresh = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', onward)
    assert refresh, onward[:2000]
    end_session = unescape(refresh.group(1))
    assert end_session.startswith(f"{issuer}/session/end?"), end_session
    assert "id_token_hint" not in end_session and ACCOUNT["cpr"] not in end_session
    assert f"client_id={CLIENT_ID}" in end_session
    back = _at_provider(browser, end_session, logout="yes")
    assert local(back).startswith("/auth/logged-out")
    assert "You are logged out" in client.get(local(back)).get_data(as_text=True)
    assert client.get("/min-side/").status_code == 302


def test_a_login_below_substantial_at_another_providers_make_is_refused(
    start_provider: Callable[[str], str], app_at: Callable[[str], Flask], browser: httpx.Client
) -> None:
    issuer = start_provider(NSIS_LOW)
    client, landed = _log_in(app_at(issuer), issuer, browser)
    assert landed.status_code == 400
    assert "assurance level" in landed.get_data(as_text=True)
    assert client.get("/min-side/").status_code == 302
