"""The job log's rules, the week overview and safe CSV cells."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from jobnet.domain.joblog import check_entry, csv_cell, monday_of, weekly_overview

TODAY = date(2026, 11, 25)  # Wednesday of ISO week 48


def _codes(**overrides: object) -> dict[str, str]:
    values: dict[str, object] = {
        "applied_on": TODAY,
        "employer": "Netto",
        "job_title": "Kasse",
        "kind": "advertised",
        "status": "sent",
        "link": None,
        "note": None,
        "today": TODAY,
    }
    found = check_entry(**{**values, **overrides})  # type: ignore[arg-type]
    return {issue.field: issue.code.value for issue in found}


def test_a_valid_entry() -> None:
    assert _codes() == {}
    assert _codes(link="https://job.example.dk/1", note="n" * 2000, employer="e" * 200) == {}


def test_the_date_may_be_today_not_tomorrow() -> None:
    assert _codes(applied_on=TODAY + timedelta(days=1)) == {"applied_on": "in_the_future"}
    assert _codes(applied_on=None) == {"applied_on": "required"}


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"employer": ""}, {"employer": "required"}),
        ({"job_title": "t" * 201}, {"job_title": "too_long"}),
        ({"kind": "walk-in"}, {"kind": "invalid_choice"}),
        ({"status": None}, {"status": "required"}),
        ({"link": "javascript:alert(1)"}, {"link": "invalid_url"}),
        ({"link": "mailto:hr@example.dk"}, {"link": "invalid_url"}),
        ({"note": "n" * 2001}, {"note": "too_long"}),
    ],
)
def test_broken_rules(overrides: dict[str, object], expected: dict[str, str]) -> None:
    assert _codes(**overrides) == expected


def test_weeks_run_monday_to_sunday_newest_first() -> None:
    days = [TODAY, TODAY - timedelta(days=2), TODAY - timedelta(days=3), date(2026, 9, 1)]
    weeks = weekly_overview(days, TODAY, required_per_week=2)
    assert len(weeks) == 12
    this, last = weeks[0], weeks[1]
    assert (this.year, this.number, this.first_day, this.last_day) == (
        2026,
        48,
        date(2026, 11, 23),
        date(2026, 11, 29),
    )
    assert (this.applications, this.met) == (2, True)  # Wednesday and Monday
    assert (last.number, last.applications, last.met) == (47, 1, False)  # Sunday before
    assert weeks[-1].number == 37
    assert all(week.applications == 0 for week in weeks[2:])  # 1 September is older


def test_without_a_requirement_nothing_is_met_or_missed() -> None:
    weeks = weekly_overview([TODAY], TODAY, required_per_week=None, weeks=2)
    assert [week.met for week in weeks] == [None, None]


def test_weeks_across_a_new_year() -> None:
    weeks = weekly_overview([], date(2027, 1, 2), required_per_week=1, weeks=2)
    assert [(week.year, week.number) for week in weeks] == [(2026, 53), (2026, 52)]
    assert monday_of(date(2027, 1, 3)) == date(2026, 12, 28)


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+45 12", "'+45 12"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("Netto", "Netto"),
        ("a=b", "a=b"),
        (None, ""),
        (3, "3"),
    ],
)
def test_csv_cells_never_start_a_formula(value: object, cell: str) -> None:
    assert csv_cell(value) == cell
