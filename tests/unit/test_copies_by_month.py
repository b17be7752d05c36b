"""Copies of applications agreed a calendar month (issue 22 gap 2): each month is its own job-log
duty, judged by the plan version in force on its first day, in time until its last day; the
weeks then ask for no copies; a weekly agreement is unchanged; My Plan's month's copies are at
most four weeks' applications."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from jobnet.domain.duties import (
    JOBLOG_WEEKS,
    Duty,
    DutyFacts,
    DutyState,
    PlanVersionFact,
    compute,
    monday_of,
)
from jobnet.domain.duty_rules import DutyKind
from jobnet.domain.plans import CopiesPeriod, PlanDraft, PlanProblem, check_plan

REGISTERED = date(2026, 10, 1)  # a Thursday, the first of October
NOVEMBER, DECEMBER = date(2026, 11, 1), date(2026, 12, 1)
LAST_OF_NOVEMBER = date(2026, 11, 30)


def _monthly(revised: date = REGISTERED, copies: int = 1, number: int = 1) -> PlanVersionFact:
    return PlanVersionFact(
        number, revised, 3, seen=True, copies_per_week=copies, copies_period="month"
    )


def _facts(
    today: date, versions: tuple[PlanVersionFact, ...], copies: dict[date, int]
) -> DutyFacts:
    return DutyFacts(
        today=today,
        now=datetime(today.year, today.month, today.day, 11, tzinfo=UTC),
        contact_group=1,
        registered_since=REGISTERED,
        group_since=REGISTERED,
        plan_versions=versions,
        # Enough applications every day: only the copies decide.
        applications={REGISTERED + timedelta(days=n): 3 for n in range(120)},
        copies=copies,
    )


def _months(
    today: date,
    versions: tuple[PlanVersionFact, ...] | None = None,
    copies: dict[date, int] | None = None,
) -> dict[str, Duty]:
    found = compute(_facts(today, versions or (_monthly(),), copies or {}))
    return {d.key: d for d in found.items if d.kind == DutyKind.JOBLOG and d.month is not None}


@pytest.mark.parametrize(
    ("today", "copies", "state"),
    [
        (LAST_OF_NOVEMBER - timedelta(days=1), {}, DutyState.TO_DO),
        (LAST_OF_NOVEMBER, {}, DutyState.TO_DO),  # the last day is still in time
        (DECEMBER, {}, DutyState.OVERDUE),
        (LAST_OF_NOVEMBER, {date(2026, 11, 30): 1}, DutyState.DONE),
        (DECEMBER, {date(2026, 11, 2): 1}, DutyState.DONE),
        # A copy of an application sent in October does not count for November.
        (DECEMBER, {date(2026, 10, 31): 1}, DutyState.OVERDUE),
    ],
)
def test_a_month_is_in_time_until_its_last_day(
    today: date, copies: dict[date, int], state: DutyState
) -> None:
    month = _months(today, copies=copies)["joblog-copies:2026-11"]
    assert (month.state, month.deadline, month.begins, month.copies_required) == (
        state,
        LAST_OF_NOVEMBER,
        NOVEMBER,
        1,
    )


def test_the_weeks_ask_for_no_copies_when_they_are_agreed_by_the_month() -> None:
    found = compute(_facts(date(2026, 11, 20), (_monthly(),), {}))
    weeks = [d for d in found.items if d.kind == DutyKind.JOBLOG and d.week_number is not None]
    assert weeks and all(week.copies_required is None for week in weeks)
    assert all(week.state == DutyState.DONE for week in weeks)  # the applications suffice


def test_a_weekly_agreement_is_unchanged() -> None:
    weekly = PlanVersionFact(1, REGISTERED, 3, seen=True, copies_per_week=1)
    found = compute(_facts(date(2026, 11, 20), (weekly,), {}))
    assert [d for d in found.items if d.month is not None] == []
    weeks = [d for d in found.items if d.kind == DutyKind.JOBLOG and d.week_number is not None]
    assert all(week.copies_required == 1 for week in weeks)


def test_a_revision_in_the_middle_of_a_month_counts_from_the_next() -> None:
    weekly = PlanVersionFact(1, REGISTERED, 3, seen=True)
    versions = (weekly, _monthly(date(2026, 11, 10), copies=2, number=2))
    months = _months(date(2026, 12, 15), versions)
    assert list(months) == ["joblog-copies:2026-12"]
    assert months["joblog-copies:2026-12"].copies_required == 2
    # And a month revised on its first day is judged by the new version.
    on_first = (weekly, _monthly(DECEMBER, copies=3, number=2))
    assert _months(date(2026, 12, 15), on_first)["joblog-copies:2026-12"].copies_required == 3


def test_the_month_of_a_registration_after_its_first_day_is_not_judged() -> None:
    found = compute(
        DutyFacts(
            today=date(2026, 11, 20),
            now=datetime(2026, 11, 20, 11, tzinfo=UTC),
            contact_group=1,
            registered_since=date(2026, 10, 2),
            group_since=date(2026, 10, 2),
            plan_versions=(_monthly(date(2026, 10, 2)),),
        )
    )
    assert [d.key for d in found.items if d.month is not None] == ["joblog-copies:2026-11"]


def test_no_month_without_the_job_log_rule() -> None:
    found = compute(
        DutyFacts(
            today=date(2026, 11, 20),
            now=datetime(2026, 11, 20, 11, tzinfo=UTC),
            contact_group=8,  # no benefit: no job log duty
            registered_since=REGISTERED,
            group_since=REGISTERED,
            plan_versions=(_monthly(),),
        )
    )
    assert [d for d in found.items if d.month is not None] == []


@pytest.mark.parametrize(
    ("period", "copies", "ok"),
    [
        (CopiesPeriod.WEEK, 3, True),
        (CopiesPeriod.WEEK, 4, False),
        (CopiesPeriod.MONTH, 12, True),
        (CopiesPeriod.MONTH, 13, False),
        (CopiesPeriod.MONTH, 1, True),
    ],
)
def test_a_months_copies_are_at_most_four_weeks_applications(
    period: CopiesPeriod, copies: int, ok: bool
) -> None:
    problems = check_plan(PlanDraft(("Job",), 3, copies_per_week=copies, copies_period=period))
    assert problems == ([] if ok else [("copies_per_week", PlanProblem.COPIES_OUT_OF_RANGE)])


@pytest.mark.parametrize("days_later", [0, 1, 13, 40, 58, 59, 60, 200, 400, 731])
def test_only_the_months_whose_days_are_all_read_are_judged(days_later: int) -> None:
    today = NOVEMBER + timedelta(days=days_later)
    read_since = monday_of(today) - timedelta(weeks=JOBLOG_WEEKS - 1)
    months = _months(today)

    expected = {
        f"joblog-copies:{first:%Y-%m}"
        for first in (date(year, month, 1) for year in (2026, 2027, 2028) for month in range(1, 13))
        if max(read_since, REGISTERED) <= first <= today
    }
    assert set(months) == expected
