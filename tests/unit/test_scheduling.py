"""The browser tests that read one language's crawls are one unit of work for xdist."""

from __future__ import annotations

import pytest

from tests.scheduling import crawl_group


@pytest.mark.parametrize(
    ("nodeid", "group"),
    [
        (
            "tests/e2e/test_a11y_crawl.py::test_every_page_passes_the_accessibility_checks"
            "[da-citizen-registered]",
            "crawls-da",
        ),
        (
            "tests/e2e/test_a11y_crawl.py::test_axe_incomplete_results_are_fixed_or_explained[en]",
            "crawls-en",
        ),
        (
            "tests/e2e/test_a11y_keyboard.py::test_tab_reaches_everything_in_order_with_visible_"
            "focus[en-acting-caseworker]",
            "crawls-en",
        ),
        ("tests/e2e/test_a11y_keyboard.py::test_print_views_read_well_on_paper[da]", "crawls-da"),
        # no language, or a module that does not read the crawls: a unit of its own
        ("tests/e2e/test_a11y_crawl.py::test_a_crawl_cut_short_by_the_page_limit_fails", None),
        (
            "tests/e2e/test_journeys_in_browser.py::test_sickness_and_recovery_in_the_browser[da]",
            None,
        ),
        ("tests/integration/test_journeys.py::test_holiday_overlaps_at_the_form[en-x]", None),
    ],
)
def test_crawl_group(nodeid: str, group: str | None) -> None:
    assert crawl_group(nodeid) == group


def test_every_test_reading_the_crawls_has_a_language_to_be_grouped_by() -> None:
    """A module whose tests read `site.crawl` must be one of CRAWL_READERS (and those tests take
    the `language` fixture), or a crawl could run again on the other worker."""
    from pathlib import Path

    from tests.scheduling import CRAWL_READERS

    e2e = Path(__file__).parents[1] / "e2e"
    readers = {
        f"tests/e2e/{p.name}::" for p in e2e.glob("test_*.py") if "site.crawl(" in p.read_text()
    }
    assert readers == set(CRAWL_READERS)
