"""Pages and states the crawl cannot reach by following links, with the crawl's own checks
(`check_page`, and `check_error_state` for a form's error state), in Danish and English:

- the MitID simulator's login page for citizens and for caseworkers, and its error state;
- "You could not be logged in" (auth/failed.html) after a refused and a cancelled login;
- "Your organisation is not connected to Jobnet" (auth/organisation_unknown.html);
- the error states of the GET filter forms: statistics and the audit log ("who has seen my data").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

import pytest

from tests.e2e.a11y import (
    WIDE,
    PageReport,
    axe_init_script,
    check_error_state,
    check_page,
    format_reports,
    page_kind,
)
from tests.e2e.conftest import LOCALES
from tests.e2e.crawler import REGISTERED, local

LOGIN_PATHS = {"citizen": "/auth/login", "caseworker": "/auth/caseworker/login"}
# WCAG 1.3.5 asks for autocomplete tokens on fields about the user. The simulator's "another
# test person" fields are about a made-up person ("never type real personal data here"), so
# they rightly say autocomplete="off": a browser must not fill in the tester's own name.
NOT_ABOUT_THE_USER = ("input#cpr.", "input#given_name.", "input#family_name.")


@pytest.fixture
def fresh_page(site: Any, language: str) -> Iterator[Callable[[], Any]]:
    """New browser tabs on the crawl's server, each in a context of its own and logged out
    (a login attempt here never touches the crawl's logged-in contexts)."""
    contexts: list[Any] = []

    def open_page() -> Any:
        context = site.browser.new_context(
            base_url=site.live_server.url,
            locale=LOCALES[language],
            extra_http_headers={"Accept-Language": language},
            viewport=WIDE,
        )
        context.set_default_timeout(15_000)
        context.add_init_script(axe_init_script())
        contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.console_errors = errors  # type: ignore[attr-defined]
        return page

    yield open_page
    for context in contexts:
        context.close()


def _checked(
    page: Any, site: Any, language: str, kind: str | None = None, *, error_state: bool = False
) -> PageReport:
    url = local(page.url)
    report = PageReport(
        "anonymous", language, url, kind or page_kind(site.live_server.app, url), 200
    )
    if error_state:
        check_error_state(page, report)
    check_page(page, report, error_state=error_state)
    console = getattr(page, "console_errors", [])
    report.problems.extend(f"console: {m}" for m in console if "Content Security" in m)
    return report


def _assert_clean(*reports: PageReport) -> None:
    problems = format_reports(list(reports))
    assert not problems, f"accessibility problems:{problems}"


def _choose(page: Any, name: str, value: str | None = None) -> None:
    """Tick a radio button by clicking its label (DKFDS hides the input itself)."""
    selector = f"input[name='{name}']" + (f"[value='{value}']" if value else "")
    radio = page.locator(selector).first
    page.locator(f"label[for='{radio.get_attribute('id')}']").click()


def _submit(page: Any, selector: str) -> Any:
    with page.expect_navigation() as navigation:
        page.locator(selector).click()
    return navigation.value


@pytest.mark.parametrize("client", ["citizen", "caseworker"])
def test_simulator_login_page_and_its_error_state(
    fresh_page: Callable[[], Any], site: Any, language: str, client: str
) -> None:
    page = fresh_page()
    page.goto(LOGIN_PATHS[client])
    assert "/mitid-sim/authorize" in page.url, page.url
    shown = _checked(page, site, language, f"mitid_sim.authorize ({client})")
    answer = _submit(page, "button[name='action'][value='login']")
    assert answer.status == 422, answer.status
    errors = _checked(page, site, language, f"mitid_sim.authorize ({client})", error_state=True)
    assert page.locator("#error-summary a[href^='#']").count() >= 1
    for report in (shown, errors):
        report.problems = [
            p
            for p in report.problems
            if not p.removeprefix("1.3.5 autocomplete: ").startswith(NOT_ABOUT_THE_USER)
        ]
    _assert_clean(shown, errors)


@pytest.mark.parametrize(
    ("client", "action", "level"),
    [("citizen", "login", "Low"), ("caseworker", "cancel", None)],
    ids=["citizen-level-too-low", "caseworker-cancelled"],
)
def test_login_failed_page(
    fresh_page: Callable[[], Any],
    site: Any,
    language: str,
    client: str,
    action: str,
    level: str | None,
) -> None:
    page = fresh_page()
    page.goto(LOGIN_PATHS[client])
    _choose(page, "person" if client == "citizen" else "caseworker")
    if level:
        _choose(page, "level", level)
    answer = _submit(page, f"button[name='action'][value='{action}']")
    assert answer.status == 400, (answer.status, page.url)
    assert "/auth/" in page.url and "callback" in page.url, page.url
    _assert_clean(_checked(page, site, language, "auth.failed"))


def test_organisation_unknown_page(
    fresh_page: Callable[[], Any], site: Any, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A caseworker whose organisation DFDG's register does not hold (the live server runs in
    this process, so its DFDG client can be told to answer "not found")."""
    import jobnet.web.auth.while_away as while_away
    from jobnet.clients.dfdg_client.errors import DfdgNotFound

    real = while_away.get_dfdg_client

    class UnknownOrganisation:
        def __init__(self, client: Any) -> None:
            self._client = client

        def organisation(self, cvr: str) -> Any:
            raise DfdgNotFound(f"no organisation {cvr}", status=404)

        def __getattr__(self, name: str) -> Any:
            return getattr(self._client, name)

    # The login asks for the organisation through `while_away` (it keeps the answer for while
    # DFDG is away).
    monkeypatch.setattr(while_away, "get_dfdg_client", lambda: UnknownOrganisation(real()))
    page = fresh_page()
    page.goto(LOGIN_PATHS["caseworker"])
    _choose(page, "caseworker")
    _choose(page, "level", "Substantial")
    answer = _submit(page, "button[name='action'][value='login']")
    assert answer.status == 403, (answer.status, page.url)
    assert page.locator("h1").count() == 1
    _assert_clean(_checked(page, site, language, "auth.organisation_unknown"))


def test_statistics_filter_error_state(
    fresh_page: Callable[[], Any], site: Any, language: str
) -> None:
    page = fresh_page()
    page.goto("/statistik/")
    months = page.locator("select[name='period_from'] option").evaluate_all(
        "(options) => options.map((o) => o.value).filter(Boolean)"
    )
    assert len(months) >= 2, (
        f"too few months to choose a period that ends before it starts: {months}"
    )
    page.select_option("select[name='period_from']", max(months))
    page.select_option("select[name='period_to']", min(months))
    _submit(page, "main form.jobnet-statistics-form button[type=submit]")
    assert "period_to=" in page.url, page.url
    report = _checked(page, site, language, "statistics.index", error_state=True)
    assert page.locator("#error-summary a[href='#period_to']").count() == 1
    _assert_clean(report)


def test_audit_log_filter_error_state(site: Any, language: str) -> None:
    page = site.new_page(REGISTERED, language)
    try:
        page.goto("/mine-data/hvem-har-set")
        today = date.today()
        for name, day in (("date_from", today), ("date_to", today - timedelta(days=7))):
            page.fill(f"input[name='{name}-day']", str(day.day))
            page.fill(f"input[name='{name}-month']", str(day.month))
            page.fill(f"input[name='{name}-year']", str(day.year))
        _submit(page, "main form[method=get] button[type=submit]")
        assert "date_to-day=" in page.url, page.url
        report = _checked(page, site, language, "insight.audit_log", error_state=True)
        report.user = REGISTERED.key
        assert page.locator("#error-summary a[href^='#date_to']").count() == 1
        _assert_clean(report)
    finally:
        page.close()
