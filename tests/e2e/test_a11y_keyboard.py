"""Keyboard use: the skip link, Tab order and a visible focus on representative pages (every
crawled page gets the lighter check in `a11y.check_keyboard_start`: no positive tabindex, the
first Tab reaches the skip link, which moves focus to the main content), no keyboard trap, the
session-timeout dialog; and print views that read well on paper."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.a11y import js
from tests.e2e.crawler import ACTING, ANONYMOUS, CASEWORKER, REGISTERED, UNREGISTERED

# (name, user, page kind prefix): the first page of that kind the crawl visited.
REPRESENTATIVE = [
    ("landing", ANONYMOUS, "public.index"),
    ("min-side", REGISTERED, "min_side.index"),
    ("question", UNREGISTERED, "registration.step:aarsag"),
    ("check-answers", UNREGISTERED, "registration.check"),
    ("receipt", REGISTERED, "receipts.show"),
    ("caseworker-start", CASEWORKER, "caseworker.index"),
    ("acting-caseworker", ACTING, "caseworker.citizen"),
    ("caseworker-question", ACTING, "jobcentre_summons.step"),
    ("plan-print", REGISTERED, "plan.print_view"),
    ("receipt-print", REGISTERED, "receipts.print_view"),
]


def _url_of(site: Any, user: Any, language: str, kind: str) -> str:
    for report in site.crawl(user, language):
        if report.kind.startswith(kind) and not report.url.endswith("(submitted empty)"):
            return str(report.url)
    kinds = sorted({r.kind for r in site.crawl(user, language)})
    pytest.fail(f"the crawl as {user.key} found no {kind} page, only {kinds}")


@pytest.mark.parametrize(
    ("name", "user", "kind"), REPRESENTATIVE, ids=[r[0] for r in REPRESENTATIVE]
)
def test_tab_reaches_everything_in_order_with_visible_focus(
    site: Any, language: str, name: str, user: Any, kind: str
) -> None:
    url = _url_of(site, user, language, kind)
    page = site.new_page(user, language)
    try:
        page.goto(url)
        stops = js(page, "tabStops")
        assert not stops["positiveTabindex"], (
            f"positive tabindex on {url}: {stops['positiveTabindex']}"
        )
        expected = stops["stops"]
        unfocused = js(page, "signatures")
        problems = []
        reached: list[int] = []
        for _ in range(len(expected) + 2):
            page.keyboard.press("Tab")
            active = js(page, "activeStop")
            if active["body"]:
                break
            if active["index"] is None:
                problems.append(f"Tab reached {active['describe']}, which is not in the tab order")
                continue
            if active["index"] in reached:
                problems.append(f"keyboard trap or loop: {expected[active['index']]} reached again")
                break
            reached.append(active["index"])
            if active["signature"] == unfocused[str(active["index"])]:
                problems.append(f"no visible focus indicator on {expected[active['index']]}")
        if reached and reached[0] == 0:
            assert "skipnav" in expected[0] or "#main-content" in expected[0], expected[0]
        missing = [expected[i] for i in range(len(expected)) if i not in reached]
        if missing:
            problems.append(f"never reached with Tab: {missing}")
        if reached != sorted(reached):
            problems.append(f"Tab order is not the DOM order: {[expected[i] for i in reached]}")
        assert not problems, f"keyboard problems on {url} ({language}):\n  - " + "\n  - ".join(
            problems
        )
        # the skip link: first Tab, Enter, focus on main
        page.goto(url)
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.getAttribute('href')") == "#main-content"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main-content"
    finally:
        page.close()


def test_session_timeout_dialog_holds_focus_and_continue_returns_it(
    site: Any, language: str
) -> None:
    page = site.new_page(REGISTERED, language)
    try:
        page.clock.install()
        page.goto("/min-side/")
        dialog = page.locator("#session-timeout")
        idle = int(dialog.get_attribute("data-idle-seconds") or 0)
        warn = int(dialog.get_attribute("data-warn-seconds") or 0)
        assert 0 < warn < idle
        for _ in range(3):
            page.keyboard.press("Tab")
        before = page.evaluate("document.activeElement.outerHTML")
        assert not page.evaluate("document.getElementById('session-timeout').open")
        page.clock.run_for((idle - warn) * 1000 + 1000)
        page.wait_for_function("document.getElementById('session-timeout').open")
        inside = "document.getElementById('session-timeout').contains(document.activeElement)"
        assert page.evaluate(inside), "focus did not move into the dialog"
        # While the modal dialog is open the page behind it is inert: Tab moves between the
        # dialog and the browser's own controls (document.body here), never to the page.
        held = f"{inside} || document.activeElement === document.body"
        for key in ("Tab", "Tab", "Shift+Tab", "Tab", "Shift+Tab"):
            page.keyboard.press(key)
            assert page.evaluate(held), (
                f"focus left the open dialog for the page after {key}: "
                + page.evaluate("document.activeElement.outerHTML.slice(0, 200)")
            )
        page.locator("#session-timeout [data-continue]").focus()
        with page.expect_response(lambda r: r.url.endswith("/auth/keep-alive")) as answer:
            page.keyboard.press("Enter")
        assert answer.value.ok
        page.wait_for_function("!document.getElementById('session-timeout').open")
        assert page.evaluate("document.activeElement.outerHTML") == before, (
            "focus did not return to where it was before the dialog opened"
        )
        # Escape means "I am still here" too
        page.clock.run_for((idle - warn) * 1000 + 1000)
        page.wait_for_function("document.getElementById('session-timeout').open")
        with page.expect_response(lambda r: r.url.endswith("/auth/keep-alive")):
            page.keyboard.press("Escape")
        page.wait_for_function("!document.getElementById('session-timeout').open")
    finally:
        page.close()


def _print_views(site: Any, language: str) -> list[tuple[Any, str]]:
    views = []
    for user in (REGISTERED, UNREGISTERED):
        for report in site.crawl(user, language):
            if report.kind in ("receipts.show",) or report.kind.endswith("print_view"):
                views.append((user, report.url))
    return views


def test_print_views_read_well_on_paper(site: Any, language: str) -> None:
    views = _print_views(site, language)
    assert any(url.endswith("/print") for _, url in views), views
    problems = []
    for user, url in views:
        page = site.new_page(user, language)
        try:
            page.goto(url)
            page.emulate_media(media="print")
            result = js(page, "printProblems")
            problems.extend(f"{url}: prints {shown}" for shown in result["shown"])
            problems.extend(f"{url}: {colour}" for colour in result["colours"])
        finally:
            page.close()
    assert not problems, "print problems:\n  - " + "\n  - ".join(problems)
