"""With JavaScript: when the idle time runs out, a form being filled in is submitted and kept (the
server shows it again, saving nothing); a page with nothing typed goes to "your session has
ended" as before."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from jobnet.web.store.models import OutboxCommand
from tests.e2e.conftest import LiveServer
from tests.e2e.crawler import REGISTERED, login


@pytest.fixture
def citizen_page(browser: Any, live_server: LiveServer) -> Iterator[Any]:
    context = browser.new_context(
        base_url=live_server.url,
        locale="en-GB",
        extra_http_headers={"Accept-Language": "en"},
        storage_state=login(browser, live_server.url, REGISTERED),
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.clock.install()
    yield page
    context.close()


def _commands(live_server: LiveServer) -> int:
    with live_server.app.extensions["web_store"].session() as db:
        return int(db.scalar(select(func.count()).select_from(OutboxCommand)) or 0)


def _idle_ms(page: Any) -> int:
    return int(page.locator("#session-timeout").get_attribute("data-idle-seconds") or 0) * 1000


def test_a_changed_form_is_kept_when_the_time_runs_out(
    citizen_page: Any, live_server: LiveServer
) -> None:
    page = citizen_page
    page.goto("/cv/profil")
    typed = "Written just before the time ran out"
    page.locator("textarea[name='text']").fill(typed)
    sent = _commands(live_server)
    with page.expect_navigation():
        page.clock.run_for(_idle_ms(page) + 1000)
    # Still logged in here (only the browser's clock moved): the same page, with what was typed.
    assert page.url.endswith("/cv/profil"), page.url
    assert page.locator("textarea[name='text']").input_value() == typed
    assert _commands(live_server) == sent
    # Nothing touched since, but what is shown is saved nowhere: a second timeout keeps it too.
    with page.expect_navigation():
        page.clock.run_for(_idle_ms(page) + 1000)
    assert page.url.endswith("/cv/profil"), page.url
    assert page.locator("textarea[name='text']").input_value() == typed
    assert _commands(live_server) == sent
    # Opened afresh, the page shows what is saved; with nothing typed the time just ends.
    page.goto("/cv/profil")
    with page.expect_navigation():
        page.clock.run_for(_idle_ms(page) + 1000)
    assert "/auth/session-expired" in page.url, page.url


def test_a_page_with_nothing_typed_goes_to_the_session_ended_page(citizen_page: Any) -> None:
    page = citizen_page
    page.goto("/cv/profil")
    with page.expect_navigation():
        page.clock.run_for(_idle_ms(page) + 1000)
    assert "/auth/session-expired" in page.url, page.url
