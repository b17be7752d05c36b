"""While DFDG takes no writes, in Chromium, in Danish and in English: a holiday and the
cancellation of another are received (not lost, not to be sent again), My page says so for each,
every page passes axe, and once DFDG is back the outbox registers both. And while DFDG is stopped
altogether, a person seen before logs in, reports sick and sees it, registered once later.

The app here is a live app of its own, whose DFDG client goes through a transport that can refuse
writes (reads still pass, as when DFDG's writing side is down), so no other browser test sees it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from jobnet.clients.dfdg_client.calls import IN_PROCESS_BASE_URL
from jobnet.clients.dfdg_client.client import DfdgClient
from jobnet.web.journeys import outbox
from tests.e2e.conftest import LOCALES, LiveServer, assert_no_axe_violations, serve_live_app
from tests.e2e.pages import WORDS, Jobnet, long_date, today
from tests.integration.outbox_helpers import FaultyTransport, make_due

PERSON = {"da": "Henrik Madsen", "en": "Peter Sørensen"}


@pytest.fixture(scope="module")
def refusing_server(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[LiveServer, FaultyTransport]]:
    with serve_live_app(tmp_path_factory.mktemp("dfdg-down")) as server:
        app = server.app
        transport = FaultyTransport(httpx.WSGITransport(app=app.extensions["dfdg_app"]))
        app.extensions["dfdg_client"] = DfdgClient(
            IN_PROCESS_BASE_URL,
            app.config["DFDG_API_TOKEN"],
            app.config["DFDG_TIMEOUT_SECONDS"],
            transport=transport,
        )
        yield server, transport


@pytest.fixture
def site(
    browser: Any, refusing_server: tuple[LiveServer, FaultyTransport], language: str
) -> Iterator[Jobnet]:
    server, transport = refusing_server
    transport.mode = "ok"
    context = browser.new_context(
        locale=LOCALES[language],
        extra_http_headers={"Accept-Language": language},
        base_url=server.url,
    )
    context.set_default_timeout(15_000)
    yield Jobnet(context.new_page(), WORDS[language])
    transport.mode = "ok"
    context.close()


def _report_holiday(jobnet: Jobnet, first: date, last: date) -> None:
    words = jobnet.words
    jobnet.page.goto("/min-side/")
    jobnet.follow(words["report_holiday"])
    jobnet.fill_date(words["first_holiday_day"], first)
    jobnet.fill_date(words["last_holiday_day"], last)
    jobnet.press(words["continue"])
    jobnet.press(words["send"])


def _received(jobnet: Jobnet) -> str:
    """The reference of the "received, not yet registered" receipt on the page."""
    assert jobnet.heading(jobnet.words["received"], level=1).is_visible(), jobnet.main_text()
    assert jobnet.words["no_need_to_send_again"] in jobnet.main_text()
    return str(jobnet.page.locator(".jobnet-reference").inner_text()).strip()


def _holiday_card(jobnet: Jobnet) -> str:
    jobnet.page.goto("/min-side/")
    heading = jobnet.heading(jobnet.words["holiday"], level=3)
    return str(heading.locator("xpath=..").inner_text())


def _cancel_links(jobnet: Jobnet) -> Any:
    return jobnet.page.get_by_role("link", name=re.compile(f"^{jobnet.words['cancel']} "))


def _deliver_as_the_worker_does(server: LiveServer) -> int:
    """Rounds of the outbox worker until none is due: how many commands were registered. A
    person's commands go in order, so the cancellation waits a round for the holiday before it."""
    store, client = server.app.extensions["web_store"], server.app.extensions["dfdg_client"]
    settled = 0
    for _round in range(5):
        make_due(server.app)
        delivered = outbox.deliver_due(store, client)
        if not delivered:
            break
        settled += delivered
    return settled


def test_what_is_sent_while_dfdg_takes_no_writes_is_received_and_registered_later(
    site: Jobnet, refusing_server: tuple[LiveServer, FaultyTransport], language: str
) -> None:
    server, transport = refusing_server
    jobnet, words, page = site, site.words, site.page
    jobnet.log_in_as(PERSON[language])
    registered_first, registered_last = today() + timedelta(days=40), today() + timedelta(days=44)
    _report_holiday(jobnet, registered_first, registered_last)
    jobnet.receipt()

    transport.mode = "writes_down"
    new_first, new_last = today() + timedelta(days=60), today() + timedelta(days=62)
    _report_holiday(jobnet, new_first, new_last)
    holiday_reference = _received(jobnet)
    assert_no_axe_violations(page)

    card = _holiday_card(jobnet)
    assert long_date(new_first, language) in card
    assert words["received_not_registered"] in card
    assert words["cancel_once_registered"] in card
    assert_no_axe_violations(page)
    [cancel] = _cancel_links(jobnet).all()
    assert long_date(registered_first, language) in str(cancel.inner_text())
    cancel.click()
    jobnet.settled()
    jobnet.press(words["cancel_holiday"])
    cancellation_reference = _received(jobnet)
    assert cancellation_reference != holiday_reference

    card = _holiday_card(jobnet)
    assert words["cancellation_not_registered"] in card
    assert _cancel_links(jobnet).count() == 0  # neither can be cancelled (again) for now
    assert_no_axe_violations(page)

    transport.mode = "ok"
    assert _deliver_as_the_worker_does(server) == 2

    card = _holiday_card(jobnet)
    assert long_date(registered_first, language) not in card
    assert words["received_not_registered"] not in card
    [cancel] = _cancel_links(jobnet).all()
    assert long_date(new_first, language) in str(cancel.inner_text())
    for reference in (holiday_reference, cancellation_reference):
        page.goto(f"/kvittering/{reference}")
        assert jobnet.receipt() == reference


SEEN_BEFORE = {"da": "Mads Rasmussen", "en": "Anne Larsen"}
FEWER_SERVICES = {
    "da": "Du er logget ind, men med færre muligheder lige nu",
    "en": "You are logged in, with fewer services for now",
}


def _registered_in_dfdg(server: LiveServer, reference: str) -> int:
    store = server.app.extensions["dfdg_app"].extensions["dfdg_store"]
    with store.session() as session:
        found = session.execute(
            text("SELECT count(*) FROM absences WHERE source_reference = :reference"),
            {"reference": reference},
        )
        return int(found.scalar_one())


def test_someone_seen_before_logs_in_and_reports_sick_while_dfdg_is_stopped(
    site: Jobnet, refusing_server: tuple[LiveServer, FaultyTransport], language: str
) -> None:
    """DFDG stopped altogether (no reads either): a person who has logged in before gets in,
    starts a sickness report, sends it, and sees its receipt and it on My page; once DFDG is
    back the outbox registers it, once."""
    server, transport = refusing_server
    jobnet, words, page = site, site.words, site.page
    jobnet.log_in_as(SEEN_BEFORE[language])  # the web app now knows who they are
    page.context.clear_cookies()  # a new browser session: logged out

    transport.mode = "down"
    page.goto("/auth/login")
    page.get_by_role("radio", name=re.compile(re.escape(SEEN_BEFORE[language]))).check()
    jobnet.press(words["log_in"])
    jobnet.shown(jobnet.heading(FEWER_SERVICES[language], level=1))
    assert_no_axe_violations(page)

    page.goto("/min-side/")
    jobnet.follow(words["report_own_sickness"])
    jobnet.fill_date(words["first_sick_day"], today() - timedelta(days=1))
    jobnet.press(words["continue"])
    jobnet.press(words["send"])
    reference = _received(jobnet)
    assert_no_axe_violations(page)

    page.goto("/min-side/")
    jobnet.shown(page.get_by_role("link", name=reference))
    assert_no_axe_violations(page)

    transport.mode = "ok"
    assert _deliver_as_the_worker_does(server) == 1
    page.goto(f"/kvittering/{reference}")
    assert jobnet.receipt() == reference
    assert _registered_in_dfdg(server, reference) == 1
    assert _deliver_as_the_worker_does(server) == 0  # nothing left to send again


NEVER_SEEN = {"da": "Mette Nielsen", "en": "Lars Jensen"}


def test_someone_never_seen_logs_in_and_reports_sick_while_dfdg_is_stopped(
    site: Jobnet, refusing_server: tuple[LiveServer, FaultyTransport], language: str
) -> None:
    """DFDG stopped, and the web app has never seen the person: they get in all the same (MitID
    says who they are), My page says what works, they report sick and get a receipt; once DFDG
    is back the worker finds who they are at DFDG and DFDG's rules decide: Mette's report is
    registered once; Lars is sick already in DFDG, so his receipt shows it refused, with why."""
    server, transport = refusing_server
    jobnet, words, page = site, site.words, site.page
    transport.mode = "down"
    page.goto("/auth/login")
    page.get_by_role("radio", name=re.compile(re.escape(NEVER_SEEN[language]))).check()
    jobnet.press(words["log_in"])
    jobnet.shown(jobnet.heading(FEWER_SERVICES[language], level=1))
    assert_no_axe_violations(page)

    page.goto("/min-side/")
    assert_no_axe_violations(page)
    jobnet.follow(words["report_own_sickness"])
    jobnet.fill_date(words["first_sick_day"], today() - timedelta(days=1))
    jobnet.press(words["continue"])
    jobnet.press(words["send"])
    reference = _received(jobnet)

    transport.mode = "ok"
    with server.app.app_context():  # as the worker's round runs
        assert _deliver_as_the_worker_does(server) == 1
    page.goto(f"/kvittering/{reference}")
    if language == "da":
        assert jobnet.receipt() == reference
        assert _registered_in_dfdg(server, reference) == 1
    else:
        refused = jobnet.main_text()
        assert "Your report was not registered" in refused and "already reported sick" in refused
        assert _registered_in_dfdg(server, reference) == 0
    assert_no_axe_violations(page)
