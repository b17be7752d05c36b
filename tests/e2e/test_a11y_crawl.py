"""Every page the crawl finds — anonymous, citizen (registered and not), caseworker; each
question form in its error state too; Danish and English — passes the accessibility checks.

See `crawler.py` for how pages are found and `a11y.py` / `page_checks.js` for the checks.
Set JOBNET_A11Y_WRITE_INCOMPLETE=1 to add new axe "incomplete" results to
docs/accessibility-incomplete.md (then write the reason for each).
"""

from __future__ import annotations

import os
from collections import defaultdict
from typing import Any

import pytest

from tests.e2e.a11y import (
    ERROR_PREFIX,
    INCOMPLETE_DOC,
    SITE_SUFFIX,
    Explained,
    Incomplete,
    IncompleteNode,
    PageReport,
    explained_rows,
    format_reports,
)
from tests.e2e.crawler import ACTING, ANONYMOUS, CASEWORKER, REGISTERED, UNREGISTERED, USERS

# What each crawl must at least have reached (page kinds, as prefixes), so a broken login or a
# changed link cannot quietly shrink the crawl.
MUST_REACH = {
    ANONYMOUS.key: ["public.index", "public.accessibility_statement", "statistics.index", "404"],
    REGISTERED.key: [
        "min_side.index",
        "sickness.step",
        "holiday.step",
        "receipts.show",
        "receipts.print_view",
        "plan.index",
        "plan.print_view",
        "insight.audit_log",
        "duties.index",
        "duties.calendar_settings",
        "messages.index",
        "messages.new",
        "messages.show",
        "letters.index",
        "letters.summons_page",
        "letters.plan_page",
        "notifications.index",
        "booking.index",
        "booking.choose",
        "joblog.edit",
        "joblog.copy_remove",
    ],
    UNREGISTERED.key: ["min_side.index", "registration.step", "registration.check"],
    CASEWORKER.key: [
        "caseworker.index",
        "jobcentre_messages.inbox",
        "jobcentre_messages.show",
        "jobcentre_notifications.index",
        "jobcentre_booking.slots",
        "jobcentre_booking.overview",
        "jobcentre_booking.remove_slot",
        "jobcentre_duties.index",
    ],
    ACTING.key: [
        "caseworker.citizen",
        "jobcentre_plan.step",
        "held_interview.step",
        "fund_event.step",
        "jobcentre_summons.step",
        "jobcentre_summons_move.step",
        "jobcentre_summons_cancel.step",
        "jobcentre_summons_not_attended.step",
        "jobcentre_absence.step",
        "cv_approval.step",
        "jobcentre_messages.new",
        "jobcentre_booking.open_booking",
        "jobcentre_booking_withdraw.step",
    ],
}


def _ids(user: Any) -> str:
    return user.key


@pytest.mark.parametrize("user", USERS, ids=_ids)
def test_every_page_passes_the_accessibility_checks(site: Any, user: Any, language: str) -> None:
    reports = site.crawl(user, language)
    kinds = {r.kind for r in reports}
    missing = [k for k in MUST_REACH[user.key] if not any(kind.startswith(k) for kind in kinds)]
    assert not missing, (
        f"the crawl as {user.key} ({language}) did not reach {missing}: {sorted(kinds)}"
    )
    problems = format_reports(reports) + _duplicate_titles(reports, language)
    assert not problems, (
        f"{sum(bool(r.problems) for r in reports)} of {len(reports)} pages as {user.key} "
        f"({language}) have accessibility problems:{problems}"
    )


def _duplicate_titles(reports: list[PageReport], language: str) -> str:
    """Two different pages must not share a title. Error states are the same page; so is one
    page shown at several addresses (the "not possible now" page of a journey, say)."""
    by_title: dict[str, set[str]] = defaultdict(set)
    shapes: dict[str, set[str]] = defaultdict(set)
    for report in reports:
        title = report.title.removeprefix(ERROR_PREFIX[language]).removesuffix(SITE_SUFFIX)
        by_title[title].add(report.kind.split(" ")[0])
        if not report.url.endswith("(submitted empty)"):
            shapes[title].add(report.skeleton)
    lines = [
        f"\n  - the title {title!r} is used by different pages: {sorted(kinds)}"
        for title, kinds in by_title.items()
        if len(kinds) > 1 and len(shapes[title]) > 1
    ]
    return "".join(lines)


def _unexplained(rows: list[Explained], item: Incomplete) -> list[IncompleteNode]:
    """The nodes of an axe "needs review" result that no row of the document explains."""
    nodes = item.nodes or [IncompleteNode(t, "", "", ()) for t in item.targets]
    return [n for n in nodes if not any(row.covers(item.rule, item.kind, n) for row in rows)]


def test_axe_incomplete_results_are_fixed_or_explained(site: Any, language: str) -> None:
    """axe's "needs review" results: each element axe could not decide, for each rule on each
    kind of page, is either gone or covered by a row that says why it is a false positive.
    A row names the elements (a CSS selector) and what axe says about them, so a row for the
    error summary's gradient cannot hide text on a picture somewhere else."""
    rows = explained_rows()
    new: dict[tuple[str, str], tuple[Incomplete, list[IncompleteNode]]] = {}
    for user in USERS:
        for report in site.crawl(user, language):
            for item in report.incomplete:
                left = _unexplained(rows, item)
                if left and (item.rule, item.kind) not in new:
                    new[(item.rule, item.kind)] = (item, left)
    if new and os.environ.get("JOBNET_A11Y_WRITE_INCOMPLETE"):
        with INCOMPLETE_DOC.open("a", encoding="utf-8") as doc:
            for rule, kind in sorted(new):
                doc.write(f"| `{rule}` | `{kind}` | `*` | `*` | |\n")
        rows = explained_rows()
    unexplained = [(row.rule, row.kind, row.elements) for row in rows if not row.why]
    details = "".join(
        f"\n  - {rule} on {kind}: {item.help} (e.g. {item.url})\n      "
        + "\n      ".join(f"{n.target} {n.html} — {n.message}" for n in left[:5])
        for (rule, kind), (item, left) in sorted(new.items())
    )
    assert not new, (
        f"axe has results to review that {INCOMPLETE_DOC.name} does not explain; fix them or "
        f"add a row for each with the reason it is a false positive:{details}"
    )
    assert not unexplained, f"rows without a reason in {INCOMPLETE_DOC.name}: {unexplained}"


def test_rows_for_every_page_cover_only_their_elements_and_what_axe_says() -> None:
    rows = explained_rows()
    gradient = "Element's background color could not be determined due to a background gradient"
    in_alert = IncompleteNode(
        "#error-summary-title", "<h2>", gradient, (_selector(rows, ".alert"),)
    )
    elsewhere = IncompleteNode("p.lead", "<p>", gradient, ())
    on_picture = IncompleteNode(
        "#error-summary-title",
        "<h2>",
        "Element's background color could not be determined due to a background image",
        (_selector(rows, ".alert"),),
    )
    item = Incomplete("color-contrast", "min_side.index", "/min-side/", "", [], [])
    item.nodes = [in_alert, elsewhere, on_picture]
    assert _unexplained(rows, item) == [elsewhere, on_picture]
    assert not any(row.kind == "*" and row.elements == "*" for row in rows)


def _selector(rows: list[Explained], part: str) -> str:
    return next(row.elements for row in rows if part in row.elements)


def test_a_crawl_cut_short_by_the_page_limit_fails(site: Any, monkeypatch: Any) -> None:
    from tests.e2e import crawler

    monkeypatch.setattr(crawler, "PAGE_LIMIT", 2)
    page = site.new_page(ANONYMOUS, "en")
    try:
        crawl = crawler.Crawl(crawler.CrawlState(site.live_server.app), page, ANONYMOUS, "en")
        problems = [p for r in crawl.run() for p in r.problems]
    finally:
        page.close()
    assert any("stopped at PAGE_LIMIT=2 pages" in p for p in problems), problems
