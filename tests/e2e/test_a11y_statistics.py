"""The statistics page on the synthetic population of the crawl's server, in Danish and
English: the chart, the month-by-month table with rates, the tables by contact group, age,
gender and duration, the comparison group's members and the synthetic label pass the crawl's
accessibility checks, for the whole country, a large municipality and a very small one (many
figures hidden)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.a11y import PageReport, check_page, format_reports
from tests.e2e.crawler import ANONYMOUS

PAGES = {
    "country": "/statistik/",
    "large": "/statistik/?measure=registered&municipality=0751",
    "small": "/statistik/?measure=sickness_reports&municipality=0825",
}


@pytest.mark.parametrize("which", list(PAGES))
def test_the_statistics_tables_and_chart_pass(site: Any, language: str, which: str) -> None:
    page = site.new_page(ANONYMOUS, language)
    try:
        response = page.goto(PAGES[which])
        assert response is not None and response.status == 200
        tables = page.locator("main table")
        assert tables.count() >= 4 + (which != "small")  # monthly, groups, age, gender(, time)
        assert page.locator("#synthetic-heading").count() == 1
        assert page.locator("svg.jobnet-chart-svg polyline").count() >= 1
        if which != "country":
            assert page.locator("ul.jobnet-group-members li").count() >= 5
            header = page.locator("#monthly-table thead").inner_text()
            assert "1.000" in header or "1,000" in header  # the rates
        if which == "small":
            assert page.locator("#monthly-table .sr-only").count() >= 1  # hidden figures
        report = PageReport(ANONYMOUS.key, language, PAGES[which], "statistics.index", 200)
        check_page(page, report)
        problems = format_reports([report])
        assert not problems, f"accessibility problems:{problems}"
    finally:
        page.close()
