"""Browser fixtures: the app served on a free loopback port, Debian's Chromium through Playwright.

The live app runs the embedded default (DFDG in-process, the MitID simulator, demo data) on its
own temporary SQLite databases, so browser tests never touch the other tests' data.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.serving import make_server

from jobnet.web import create_app
from tests.e2e.pages import WORDS, Jobnet

CHROMIUM = os.environ.get("JOBNET_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
LOCALES = {"da": "da-DK", "en": "en-GB"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LiveServer:
    url: str
    app: Flask

    def __call__(self, path: str = "/") -> str:
        return self.url + path


@contextmanager
def serve_live_app(
    tmp: Path, port: int | None = None, synthetic_persons: int = 0, **overrides: Any
) -> Iterator[LiveServer]:
    port = port or _free_port()
    url = f"http://127.0.0.1:{port}"
    app = create_app(
        "test",
        DATABASE_URL=f"sqlite:///{tmp / 'web.sqlite'}",
        DFDG_DATABASE_URL=f"sqlite:///{tmp / 'dfdg.sqlite'}",
        MITID_SIM_KEY_PATH=str(tmp / "mitid-sim-key.json"),
        PUBLIC_BASE_URL=url,
        AUTO_MIGRATE=True,
        LOAD_DEMO_DATA=True,
        SYNTHETIC_PERSONS=synthetic_persons,
        **overrides,
    )
    server = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LiveServer(url, app)
    finally:
        server.shutdown()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with serve_live_app(tmp_path_factory.mktemp("live")) as server:
        yield server


@pytest.fixture(scope="session")
def a11y_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A live app of its own for the accessibility crawl, which sends reports and fills in
    forms: other browser tests never see the data it changes. A small synthetic population
    gives the statistics page all its tables (breakdowns, rates, suppressed cells)."""
    from datetime import UTC, datetime, timedelta

    from jobnet.domain.clock import today_in_denmark
    from tests.integration.booking_seed import seed_booking
    from tests.integration.interview_seed import seed_begun_interview
    from tests.integration.notify_helpers import seed_contact_data

    with serve_live_app(tmp_path_factory.mktemp("a11y"), synthetic_persons=4000) as server:
        # Times on København's list and a booking asked of Mette, so the crawl reaches the
        # booking pages with something on them.
        seed_booking(server.app, "1203851234", today_in_denmark())
        # Her notification contact data, so My data shows what Jobnet itself holds.
        seed_contact_data(server.app, "1203851234")
        # An interview of Mette's that began an hour ago: the "Mark not attended" pages.
        seed_begun_interview(server.app, "1203851234", datetime.now(UTC) - timedelta(hours=1))
        yield server


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: scripts/setup.sh --test installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(params=["da", "en"])
def language(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def new_tab(browser: Any, live_server: LiveServer, language: str) -> Any:
    """A browser tab of its own context (its own cookies) asking for `language` (da or en);
    `page.console_errors` collects the console's errors."""
    context = browser.new_context(
        locale=LOCALES[language],
        extra_http_headers={"Accept-Language": language},
        base_url=live_server.url,
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.console_errors = errors
    return page


def caseworker_tab(browser: Any, live_server: LiveServer, language: str, name: str) -> Any:
    """A tab of its own (see new_tab) with the demo caseworker `name` logged in."""
    caseworker = Jobnet(new_tab(browser, live_server, language), WORDS[language])
    caseworker.log_in_as_caseworker(name)
    return caseworker


@pytest.fixture
def page(browser: Any, live_server: LiveServer, language: str) -> Iterator[Any]:
    """A fresh browser tab whose browser asks for `language` (da or en)."""
    page = new_tab(browser, live_server, language)
    yield page
    page.context.close()


def assert_no_axe_violations(page: Any) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    assert results.violations_count == 0, (
        f"axe found problems on {page.url}:\n{results.generate_report()}"
    )


class Site:
    """The live app seen by each kind of user in each language, shared by the whole session:
    one login per user (reused as storage state), one browser context per user and language,
    and one crawl per user and language (run on first use)."""

    def __init__(self, browser: Any, live_server: LiveServer) -> None:
        from tests.e2e.crawler import CrawlState

        self.browser = browser
        self.live_server = live_server
        self.state = CrawlState(live_server.app)
        self._logins: dict[str, dict[str, Any]] = {}
        self._contexts: dict[tuple[str, str], Any] = {}
        self._crawls: dict[tuple[str, str], list[Any]] = {}
        self.receipt: str | None = None

    def context(self, user: Any, language: str) -> Any:
        from tests.e2e.a11y import WIDE, axe_init_script
        from tests.e2e.crawler import login

        key = (user.key, language)
        if key not in self._contexts:
            if user.logged_in and user.key not in self._logins:
                self._logins[user.key] = login(self.browser, self.live_server.url, user)
            context = self.browser.new_context(
                base_url=self.live_server.url,
                locale=LOCALES[language],
                extra_http_headers={"Accept-Language": language},
                viewport=WIDE,
                storage_state=self._logins.get(user.key),
            )
            context.set_default_timeout(15_000)
            context.add_init_script(axe_init_script())
            self._contexts[key] = context
        return self._contexts[key]

    def new_page(self, user: Any, language: str) -> Any:
        return self.context(user, language).new_page()

    def crawl(self, user: Any, language: str) -> list[Any]:
        """The reports of the crawl as `user` in `language` (anonymous first, so the logged-in
        crawls can leave the public pages to it)."""
        from tests.e2e.crawler import ANONYMOUS, CASEWORKER, REGISTERED, Crawl

        key = (user.key, language)
        if key not in self._crawls:
            if user is not ANONYMOUS:
                self.crawl(ANONYMOUS, language)
            if user is REGISTERED or user is CASEWORKER:  # the job centre's inbox: a message
                self.make_receipt()
            page = self.new_page(user, language)
            try:
                self._crawls[key] = Crawl(self.state, page, user, language).run()
            finally:
                page.close()
        return self._crawls[key]

    def make_receipt(self) -> str:
        """A sickness report and a message to the job centre sent by Mette Nielsen in the
        browser, so that receipts, their print views and message threads exist for the crawl to
        find. Returns the sickness receipt's path."""
        from tests.e2e.a11y import js
        from tests.e2e.crawler import REGISTERED

        if self.receipt is None:
            page = self.new_page(REGISTERED, "da")
            try:
                page.goto("/sygemelding/")
                js(page, "fillForm", 0, 0)
                with page.expect_navigation():
                    page.locator("main form button[type=submit]").first.click()
                assert page.url.endswith("/sygemelding/tjek"), page.url
                with page.expect_navigation():
                    page.locator("main form[action$='/send'] button[type=submit]").click()
                assert "/kvittering/" in page.url, page.url
                self.receipt = page.url.removeprefix(self.live_server.url)
                # A message to the job centre, so that both sides' thread pages exist.
                page.goto("/beskeder/ny")
                page.fill("input[name='subject']", "Spørgsmål om min plan")
                page.fill("textarea[name='text']", "Hvornår er næste samtale?")
                with page.expect_navigation():
                    page.locator("main form button[type=submit]").first.click()
                assert "/kvittering/" in page.url, page.url
            finally:
                page.close()
        return self.receipt

    def close(self) -> None:
        for context in self._contexts.values():
            context.close()


@pytest.fixture(scope="session")
def site(browser: Any, a11y_server: LiveServer) -> Iterator[Site]:
    site = Site(browser, a11y_server)
    yield site
    site.close()


@pytest.fixture
def jobnet(page: Any, language: str) -> Any:
    """The page object of the journey tests (tests/e2e/pages.py), in the test's language."""
    from tests.e2e.pages import WORDS, Jobnet

    return Jobnet(page, WORDS[language])
