"""The pages of logging out at the provider and of a hit abuse limit pass axe in both languages
(neither is reached by the crawl: one refreshes away at once, the other needs a limit hit)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.conftest import LOCALES, LiveServer, assert_no_axe_violations, serve_live_app

HEADINGS = {
    "da": ("Logger dig ud", "For mange forsøg på kort tid"),
    "en": ("Logging you out", "Too many attempts in a short time"),
}


@pytest.fixture(scope="module")
def limited_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with serve_live_app(
        tmp_path_factory.mktemp("limited"),
        ABUSE_LIMITS_ENABLED=True,
        RATE_LIMIT_LOGIN_STARTS="1 per minute",
    ) as server:
        yield server


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_provider_logout_and_limit_pages_pass_axe(
    browser: Any, limited_server: LiveServer, language: str
) -> None:
    context = browser.new_context(
        base_url=limited_server.url,
        locale=LOCALES[language],
        extra_http_headers={"Accept-Language": language},
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        # The page's zero-second refresh goes to the provider: answered 204, it stays put.
        page.route(re.compile(r".*/mitid-sim/logout.*"), lambda route: route.fulfill(status=204))
        page.goto("/auth/logout/citizen")
        assert page.get_by_role("heading", name=HEADINGS[language][0], level=1).is_visible()
        assert_no_axe_violations(page)

        page.goto("/auth/login", wait_until="commit")
        answer = page.goto("/auth/login")
        assert answer is not None and answer.status == 429
        assert page.get_by_role("heading", name=HEADINGS[language][1], level=1).is_visible()
        assert_no_axe_violations(page)
    finally:
        context.close()
