"""My Plan's rules (jobnet.domain.plans): measures, targets, the job-search requirement."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from jobnet.domain.plans import (
    MAX_MEASURES,
    MAX_TARGET_LENGTH,
    MAX_TARGETS,
    MeasureDraft,
    MeasureType,
    PlanDraft,
    PlanProblem,
    check_measure,
    check_plan,
    is_company_based,
    is_cvr,
    is_p_number,
)

START = date(2026, 12, 1)
COURSE = MeasureDraft(MeasureType.JOB_SEARCH_COURSE, START, date(2026, 12, 20), 10)
INTERNSHIP = MeasureDraft(
    MeasureType.COMPANY_INTERNSHIP,
    START,
    date(2027, 1, 31),
    30,
    provider_cvr="41234567",
    provider_p_number="1023456789",
    occupation="Sygeplejerske",
)
PLAN = PlanDraft(("Job som sygeplejerske",), 3, (COURSE, INTERNSHIP))


def test_a_valid_plan_breaks_no_rule() -> None:
    assert check_plan(PLAN) == []


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("12345678", True),
        ("1234567", False),
        ("123456789", False),
        ("1234567a", False),
        (None, False),
    ],
)
def test_cvr_is_eight_digits(value: str | None, valid: bool) -> None:
    assert is_cvr(value) is valid


@pytest.mark.parametrize(
    ("value", "valid"),
    [("1023456789", True), ("102345678", False), ("10234567890", False), ("10234 6789", False)],
)
def test_p_number_is_ten_digits(value: str, valid: bool) -> None:
    assert is_p_number(value) is valid


def test_end_may_equal_start_but_not_come_before() -> None:
    assert check_measure(replace(COURSE, end_date=START)) == []
    assert check_measure(replace(COURSE, end_date=date(2026, 11, 30))) == [
        ("end_date", PlanProblem.END_BEFORE_START)
    ]


@pytest.mark.parametrize(
    ("hours", "ok"), [(0, True), (37, True), (18.5, True), (37.5, False), (-1, False)]
)
def test_weekly_hours_are_0_to_37(hours: float, ok: bool) -> None:
    problems = check_measure(replace(COURSE, weekly_hours=hours))
    assert (problems == []) is ok
    if not ok:
        assert problems == [("weekly_hours", PlanProblem.HOURS_OUT_OF_RANGE)]


def test_company_based_measures_need_provider_and_occupation() -> None:
    assert is_company_based(MeasureType.WAGE_SUBSIDY)
    assert is_company_based(MeasureType.COMPANY_INTERNSHIP)
    assert not is_company_based(MeasureType.TRAINING)
    bare = replace(INTERNSHIP, provider_cvr=None, provider_p_number=None, occupation=" ")
    assert set(check_measure(bare)) == {
        ("provider_cvr", PlanProblem.PROVIDER_MISSING),
        ("provider_p_number", PlanProblem.PROVIDER_MISSING),
        ("occupation", PlanProblem.OCCUPATION_MISSING),
    }


def test_a_given_provider_is_checked_for_any_measure() -> None:
    course = replace(COURSE, provider_cvr="1234", provider_p_number="12")
    assert check_measure(course) == [
        ("provider_cvr", PlanProblem.CVR_INVALID),
        ("provider_p_number", PlanProblem.P_NUMBER_INVALID),
    ]


@pytest.mark.parametrize(
    ("targets", "problem"),
    [
        ((), PlanProblem.NO_TARGETS),
        (("  ",), PlanProblem.NO_TARGETS),
        (("x",) * (MAX_TARGETS + 1), PlanProblem.TOO_MANY_TARGETS),
        (("x" * (MAX_TARGET_LENGTH + 1),), PlanProblem.TARGET_TOO_LONG),
    ],
)
def test_targets(targets: tuple[str, ...], problem: PlanProblem) -> None:
    assert check_plan(replace(PLAN, targets=targets)) == [("targets", problem)]


def test_exactly_the_limits_are_allowed() -> None:
    plan = PlanDraft(("x" * MAX_TARGET_LENGTH,) * MAX_TARGETS, 30, (COURSE,) * MAX_MEASURES)
    assert check_plan(plan) == []


@pytest.mark.parametrize(("count", "ok"), [(0, True), (30, True), (31, False), (-1, False)])
def test_applications_per_week(count: int, ok: bool) -> None:
    problems = check_plan(replace(PLAN, applications_per_week=count))
    assert (problems == []) is ok


def test_measure_problems_name_the_measure_and_field() -> None:
    bad = replace(INTERNSHIP, provider_p_number="123")
    assert check_plan(replace(PLAN, measures=(COURSE, bad))) == [
        ("measures.1.provider_p_number", PlanProblem.P_NUMBER_INVALID)
    ]


def test_too_many_or_duplicate_measures() -> None:
    many = replace(PLAN, measures=(COURSE,) * (MAX_MEASURES + 1))
    assert check_plan(many) == [("measures", PlanProblem.TOO_MANY_MEASURES)]
    keyed = replace(COURSE, key="k1")
    assert ("measures", PlanProblem.DUPLICATE_MEASURE) in check_plan(
        replace(PLAN, measures=(keyed, keyed))
    )
