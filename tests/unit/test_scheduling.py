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


def test_every_module_reading_the_crawls_is_listed() -> None:
    """A module whose tests read `site.crawl` must be one of CRAWL_READERS (and those tests take
    the `language` fixture), or a crawl could run again on the other worker."""
    from pathlib import Path

    from tests.scheduling import CRAWL_READERS

    e2e = Path(__file__).parents[1] / "e2e"
    readers = {
        f"tests/e2e/{p.name}::" for p in e2e.glob("test_*.py") if "site.crawl(" in p.read_text()
    }
    assert readers == set(CRAWL_READERS)


class _Config:
    """What xdist's scheduler reads of the configuration, for `-n 2`."""

    def __init__(self, dist: str) -> None:
        self.values = {"dist": dist, "tx": ["2*popen"]}
        self.option = type("Option", (), {"loadscopereorder": True})()

    def getvalue(self, name: str) -> object:
        return self.values[name]


class _Worker:
    def __init__(self, name: str) -> None:
        self.gateway = type("Gateway", (), {"id": name})()
        self.shutting_down = False
        self.sent: list[int] = []

    def send_runtest_some(self, indices: list[int]) -> None:
        self.sent.extend(indices)

    def shutdown(self) -> None:
        self.shutting_down = True


def test_the_suite_shares_out_each_languages_crawl_readers_whole_and_to_different_workers() -> None:
    from xdist.remote import Producer

    from tests.conftest import pytest_xdist_make_scheduler

    assert pytest_xdist_make_scheduler(_Config("loadfile"), Producer("test")) is None
    scheduler = pytest_xdist_make_scheduler(_Config("load"), Producer("test"))
    crawl = "tests/e2e/test_a11y_crawl.py::test_every_page_passes_the_accessibility_checks"
    keys = (
        "tests/e2e/test_a11y_keyboard.py::test_tab_reaches_everything_in_order_with_visible_focus"
    )
    collection = [
        f"{crawl}[da-anonymous]",
        f"{crawl}[da-citizen-registered]",
        f"{crawl}[en-anonymous]",
        f"{crawl}[en-citizen-registered]",
        *(f"tests/integration/test_journeys.py::test_{n}" for n in range(20)),
        f"{keys}[da-min-side]",
        f"{keys}[en-min-side]",
    ]
    workers = [_Worker("gw0"), _Worker("gw1")]
    for worker in workers:
        scheduler.add_node(worker)
        scheduler.add_node_collection(worker, collection)
    scheduler.schedule()
    completed = dict.fromkeys(workers, 0)
    while any(completed[w] < len(w.sent) for w in workers):  # each worker runs what it was sent
        for worker in workers:
            if completed[worker] < len(worker.sent):
                scheduler.mark_test_complete(worker, worker.sent[completed[worker]])
                completed[worker] += 1
    assert sorted(i for w in workers for i in w.sent) == list(range(len(collection)))
    languages = [
        {collection[i].split("[")[1][:2] for i in w.sent if collection[i].startswith("tests/e2e")}
        for w in workers
    ]
    assert sorted(map(sorted, languages)) == [["da"], ["en"]]
