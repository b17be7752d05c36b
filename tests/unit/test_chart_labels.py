"""The statistics chart labels its months evenly, the newest always, never two side by side."""

from __future__ import annotations

import pytest

from jobnet.web.public.statistics.chart import build_chart, labelled_months


@pytest.mark.parametrize(
    ("count", "labelled"),
    [
        (1, [0]),
        (6, [0, 1, 2, 3, 4, 5]),
        (7, [0, 2, 4, 6]),
        (12, [1, 3, 5, 7, 9, 11]),
        (13, [0, 3, 6, 9, 12]),
        (24, [3, 7, 11, 15, 19, 23]),
    ],
)
def test_months_are_labelled_evenly_back_from_the_newest(count: int, labelled: list[int]) -> None:
    assert labelled_months(count) == labelled


def test_the_chart_labels_the_newest_month_and_no_two_neighbours() -> None:
    months = [f"month {n}" for n in range(12)]
    chart = build_chart(months, [("all", [float(n) for n in range(12)])], str)
    labels = [tick.label for tick in chart.x_ticks]
    assert labels[-1] == "month 11"
    assert "month 10" not in labels and len(labels) == 6
