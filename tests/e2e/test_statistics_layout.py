"""The statistics page at 320 CSS px and while its fonts load (issue 20 defect 21): the table by
contact group stays inside its wrapper (or, where a table must scroll, the scrolling region is
reachable by keyboard, axe `scrollable-region-focusable`), and the page does not jump when the
web fonts arrive (cumulative layout shift under 0.1, "good" in Web Vitals)."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest

from tests.e2e.conftest import assert_no_axe_violations

NARROW = {"width": 320, "height": 800}
# Sums the layout shifts not caused by input, from the first paint on (the Web Vitals CLS,
# without session windows: a stricter sum).
CLS_OBSERVER = """
window.__cls = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__cls += entry.value;
  }
}).observe({type: "layout-shift", buffered: true});
"""


def _tables(page: Any) -> list[dict[str, Any]]:
    return page.evaluate(
        """() => [...document.querySelectorAll("main .table-wrapper")].map((w) => ({
            id: w.querySelector("table")?.id,
            overflow: w.scrollWidth - w.clientWidth,
            focusable: w.tabIndex >= 0,
        }))"""
    )


def test_the_tables_fit_or_scroll_by_keyboard_at_320_px(page: Any, language: str) -> None:
    page.set_viewport_size(NARROW)
    page.goto("/statistik/")
    page.evaluate("document.fonts.ready")
    tables = _tables(page)
    assert {table["id"] for table in tables} >= {"monthly-table", "group-table"}, tables
    group = next(table for table in tables if table["id"] == "group-table")
    assert group["overflow"] <= 0, f"the table by contact group overflows: {group}"
    for table in tables:
        assert table["overflow"] <= 0 or table["focusable"], table
    assert_no_axe_violations(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def _slow_font(route: Any) -> None:
    """A font that arrives after the first paint, as on a slow line."""
    time.sleep(0.6)
    route.continue_()


@pytest.mark.parametrize("width", [320, 414])
def test_the_page_does_not_shift_when_the_fonts_load(page: Any, language: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.add_init_script(CLS_OBSERVER)
    page.route(re.compile(r".*\.(woff2?|ttf|eot)(\?.*)?$"), _slow_font)
    page.goto("/statistik/", wait_until="load")
    page.evaluate("document.fonts.ready")
    page.wait_for_timeout(300)
    shift = page.evaluate("window.__cls")
    assert shift < 0.1, f"cumulative layout shift {shift:.3f}"
