"""Every page the crawl finds — anonymous, citizen (registered and not), caseworker; each
question form in its error state too; Danish and English — passes the accessibility checks.

See `crawler.py` for how pages are found and `a11y.py` / `page_checks.js` for the checks.
Set JOBNET_A11Y_WRITE_INCOMPLETE=1 to add new axe "incomplete" results to
docs/accessibility-incomplete.md (then write the reason for each).
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.a11y import ERROR_PREFIX, SITE_SUFFIX, PageReport, format_reports
from tests.e2e.crawler import ACTING, ANONYMOUS, CASEWORKER, REGISTERED, UNREGISTERED, USERS

INCOMPLETE_DOC = Path(__file__).resolve().parents[2] / "docs" / "accessibility-incomplete.md"
ROW = re.compile(r"^\|\s*`([^`]+)`\s*\|\s*`([^`]+)`\s*\|(.*)\|\s*$")

# What each crawl must at least have reached (page kinds, as prefixes), so a broken login or a
# changed link cannot quietly shrink the crawl.
MUST_REACH = {
    ANONYMOUS.key: ["public.index", "public.accessibility_statement", "404"],
    REGISTERED.key: [
        "min_side.index",
        "sickness.step",
        "holiday.step",
        "receipts.show",
        "receipts.print_view",
    ],
    UNREGISTERED.key: ["min_side.index", "registration.step", "registration.check"],
    CASEWORKER.key: ["caseworker.index"],
    ACTING.key: ["caseworker.citizen"],
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


def _listed() -> dict[tuple[str, str], str]:
    listed = {}
    for line in INCOMPLETE_DOC.read_text(encoding="utf-8").splitlines():
        match = ROW.match(line)
        if match:
            listed[(match.group(1), match.group(2))] = match.group(3).strip()
    return listed


def _matches(listed: dict[tuple[str, str], str], rule: str, kind: str) -> bool:
    return (rule, kind) in listed or (rule, "*") in listed


def test_axe_incomplete_results_are_fixed_or_explained(site: Any) -> None:
    """axe's "needs review" results: each rule on each kind of page is either gone or listed
    with the reason it is a false positive."""
    seen: dict[tuple[str, str], Any] = {}
    for user in USERS:
        for language in ("da", "en"):
            for report in site.crawl(user, language):
                for item in report.incomplete:
                    seen.setdefault((item.rule, item.kind), item)
    listed = _listed()
    new = {key: item for key, item in seen.items() if not _matches(listed, *key)}
    if new and os.environ.get("JOBNET_A11Y_WRITE_INCOMPLETE"):
        with INCOMPLETE_DOC.open("a", encoding="utf-8") as doc:
            for rule, kind in sorted(new):
                doc.write(f"| `{rule}` | `{kind}` | |\n")
        listed = _listed()
    unexplained = [key for key, reason in listed.items() if not reason]
    details = "".join(
        f"\n  - {rule} on {kind}: {item.help} (e.g. {item.url})\n      "
        + "\n      ".join(item.targets)
        for (rule, kind), item in sorted(new.items())
    )
    assert not new, (
        f"axe has results to review that {INCOMPLETE_DOC.name} does not list; fix them or "
        f"list each with the reason it is a false positive:{details}"
    )
    assert not unexplained, f"rows without a reason in {INCOMPLETE_DOC.name}: {unexplained}"
