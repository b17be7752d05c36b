"""Logging in and out in Chromium through node-oidc-provider, an OpenID provider on another
origin configured by settings alone (as a MitID broker would be).

Log out must end the provider's login as well as Jobnet's: otherwise the next person at the
same browser who clicks "Log in" is let in as the previous citizen without a password. And
logging out at the provider (elsewhere) must end the Jobnet session too (back-channel logout).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from jobnet.web.store.models import WebSession
from tests.e2e.conftest import LiveServer, serve_live_app
from tests.node_oidc import free_port, node_provider, relying_party_settings


@pytest.fixture(scope="module")
def broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, str]]:
    """A live Jobnet whose citizens log in at node-oidc-provider; yields it and the issuer."""
    tmp = tmp_path_factory.mktemp("broker")
    app_port, provider_port = free_port(), free_port()
    issuer = f"http://127.0.0.1:{provider_port}"
    with (
        serve_live_app(tmp, port=app_port, **relying_party_settings(issuer)) as server,
        node_provider(tmp, provider_port, server.url),
    ):
        yield server, issuer
        for relying_party in server.app.extensions["oidc"].values():
            relying_party.close()  # its pooled connections to the provider


@pytest.fixture
def page(browser: Any, broker: tuple[LiveServer, str]) -> Iterator[Any]:
    server, _issuer = broker
    context = browser.new_context(
        base_url=server.url, locale="en-GB", extra_http_headers={"Accept-Language": "en"}
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def _sessions(server: LiveServer) -> int:
    with server.app.extensions["web_store"].session() as db:
        return int(db.scalar(select(func.count()).select_from(WebSession)) or 0)


def _log_in(page: Any, server: LiveServer, issuer: str) -> None:
    page.goto("/")
    page.get_by_role("link", name="Log in with MitID").click()
    page.wait_for_url(re.compile(re.escape(issuer)))
    page.locator("input[name=login]").fill("mette")
    page.locator("input[name=password]").fill("any")
    page.get_by_role("button", name="Sign-in").click()
    page.get_by_role("button", name="Continue").click()  # the provider's consent
    page.wait_for_url(re.compile(re.escape(server.url) + "/min-side/"))
    assert page.get_by_text("Mette Nielsen").first.is_visible()


def test_log_out_ends_both_logins_and_the_next_visitor_sees_the_logged_out_page(
    page: Any, broker: tuple[LiveServer, str]
) -> None:
    server, issuer = broker
    _log_in(page, server, issuer)

    page.get_by_role("button", name="Log out").click()
    # The provider asks the person to confirm (no ID token hint: it would carry the CPR number).
    page.wait_for_url(re.compile(re.escape(issuer) + "/session/end"))
    assert "1203851234" not in page.url
    page.get_by_role("button", name="Yes, sign me out").click()
    page.wait_for_url(re.compile(re.escape(server.url) + "/auth/logged-out"))
    assert page.get_by_role("heading", name="You are logged out", level=1).is_visible()
    assert page.get_by_role("button", name="Log out").count() == 0

    # The next visitor at this browser: the front page is the logged-out one, and "Log in"
    # asks the provider for a login again instead of letting them in as Mette.
    page.goto("/")
    assert page.get_by_text("Mette Nielsen").count() == 0
    page.get_by_role("link", name="Log in with MitID").click()
    page.wait_for_url(re.compile(re.escape(issuer)))
    assert page.locator("input[name=login]").is_visible()
    page.goto("/min-side/")
    assert page.url.startswith(issuer), page.url


def test_logging_out_at_the_provider_ends_the_jobnet_session(
    page: Any, broker: tuple[LiveServer, str]
) -> None:
    server, issuer = broker
    before = _sessions(server)
    _log_in(page, server, issuer)
    assert _sessions(server) == before + 1

    # Logged out elsewhere: at the provider itself, not through Jobnet.
    page.goto(f"{issuer}/session/end")
    page.get_by_role("button", name="Yes, sign me out").click()
    page.wait_for_load_state()
    assert _sessions(server) == before  # the provider's logout token ended it

    page.goto(f"{server.url}/min-side/")
    assert page.get_by_role("heading", name="Your session has ended", level=1).is_visible()
    assert page.get_by_text("Mette Nielsen").count() == 0
    page.get_by_role("link", name="Log in again with MitID").click()
    page.wait_for_url(re.compile(re.escape(issuer)))
    assert page.locator("input[name=login]").is_visible()  # a password is asked for again
