"""My Plan (Min plan, chapters 8-9): the job plan's code lists and rules.

A job plan has employment targets, a job-search requirement (applications a week, and how many
of them the person uploads a copy of: `copies_per_week`, a number per `copies_period`, a week or
a calendar month; a week's at most the week's applications, a month's at most four weeks' of
them, the fewest a month holds) and the agreed
measures and activities. Company-based measures (wage subsidy job, company internship) name the
provider by CVR and P-number and the occupation. Pure functions: no Flask, no database.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

MAX_TARGETS = 10
MAX_TARGET_LENGTH = 500
MAX_MEASURES = 20
MAX_WEEKLY_HOURS = 37
MAX_APPLICATIONS_PER_WEEK = 30
MAX_TEXT_LENGTH = 200

# A calendar month holds at least four whole weeks' applications (28 days).
WEEKS_IN_A_MONTH_AT_LEAST = 4


class CopiesPeriod(StrEnum):
    """What the plan's number of copies of applications counts (issue 22): a week (Monday to
    Sunday) or a calendar month; the funds' guidance's example is "at least one a month"."""

    WEEK = "week"
    MONTH = "month"


def max_copies(applications_per_week: int, period: CopiesPeriod | str) -> int:
    """The most copies a plan may ask for in the period: the applications the period asks for."""
    weeks = WEEKS_IN_A_MONTH_AT_LEAST if period == CopiesPeriod.MONTH else 1
    return applications_per_week * weeks


_CVR = re.compile(r"[0-9]{8}")
_P_NUMBER = re.compile(r"[0-9]{10}")


class MeasureType(StrEnum):
    """Kinds of activation offers and activities in a plan."""

    TRAINING = "training"  # uddannelse / opkvalificering
    WAGE_SUBSIDY = "wage_subsidy"  # løntilskudsjob
    COMPANY_INTERNSHIP = "company_internship"  # virksomhedspraktik
    JOB_SEARCH_COURSE = "job_search_course"  # jobsøgningskursus
    GUIDANCE = "guidance"  # vejledning
    OTHER = "other"


COMPANY_BASED: frozenset[MeasureType] = frozenset(
    {MeasureType.WAGE_SUBSIDY, MeasureType.COMPANY_INTERNSHIP}
)


class PlanProblem(StrEnum):
    """Why a plan or one of its measures is not allowed (stable codes)."""

    NO_TARGETS = "no_targets"
    TOO_MANY_TARGETS = "too_many_targets"
    TARGET_TOO_LONG = "target_too_long"
    APPLICATIONS_OUT_OF_RANGE = "applications_out_of_range"
    COPIES_OUT_OF_RANGE = "copies_out_of_range"
    TOO_MANY_MEASURES = "too_many_measures"
    END_BEFORE_START = "end_before_start"
    HOURS_OUT_OF_RANGE = "hours_out_of_range"
    CVR_INVALID = "cvr_invalid"
    P_NUMBER_INVALID = "p_number_invalid"
    PROVIDER_MISSING = "provider_missing"
    OCCUPATION_MISSING = "occupation_missing"
    DUPLICATE_MEASURE = "duplicate_measure"


@dataclass(frozen=True)
class MeasureDraft:
    type: MeasureType
    start_date: date
    end_date: date
    weekly_hours: float
    provider_cvr: str | None = None
    provider_p_number: str | None = None
    provider_name: str | None = None
    occupation: str | None = None
    key: str | None = None


@dataclass(frozen=True)
class PlanDraft:
    targets: tuple[str, ...]
    applications_per_week: int
    measures: tuple[MeasureDraft, ...] = ()
    # Of the applications, how many the person uploads a copy of in each `copies_period`
    # (issue 22; the name stays from when only a week could be agreed).
    copies_per_week: int = 0
    copies_period: CopiesPeriod = CopiesPeriod.WEEK


# A broken rule: (the field it concerns, the problem).
Broken = tuple[str, PlanProblem]


def is_cvr(value: str | None) -> bool:
    """A CVR number: exactly eight digits."""
    return value is not None and _CVR.fullmatch(value) is not None


def is_p_number(value: str | None) -> bool:
    """A P-number (production unit): exactly ten digits."""
    return value is not None and _P_NUMBER.fullmatch(value) is not None


def is_company_based(measure_type: MeasureType) -> bool:
    return measure_type in COMPANY_BASED


def check_measure(measure: MeasureDraft) -> list[Broken]:
    """Every rule the measure breaks (empty when it is valid)."""
    broken: list[Broken] = []
    if measure.end_date < measure.start_date:
        broken.append(("end_date", PlanProblem.END_BEFORE_START))
    if not 0 <= measure.weekly_hours <= MAX_WEEKLY_HOURS:
        broken.append(("weekly_hours", PlanProblem.HOURS_OUT_OF_RANGE))
    if measure.provider_cvr is not None and not is_cvr(measure.provider_cvr):
        broken.append(("provider_cvr", PlanProblem.CVR_INVALID))
    if measure.provider_p_number is not None and not is_p_number(measure.provider_p_number):
        broken.append(("provider_p_number", PlanProblem.P_NUMBER_INVALID))
    if is_company_based(measure.type):
        if measure.provider_cvr is None:
            broken.append(("provider_cvr", PlanProblem.PROVIDER_MISSING))
        if measure.provider_p_number is None:
            broken.append(("provider_p_number", PlanProblem.PROVIDER_MISSING))
        if not (measure.occupation or "").strip():
            broken.append(("occupation", PlanProblem.OCCUPATION_MISSING))
    return broken


def check_targets(targets: Sequence[str]) -> list[Broken]:
    cleaned = [target.strip() for target in targets]
    if not any(cleaned):
        return [("targets", PlanProblem.NO_TARGETS)]
    if len(cleaned) > MAX_TARGETS:
        return [("targets", PlanProblem.TOO_MANY_TARGETS)]
    if any(len(target) > MAX_TARGET_LENGTH for target in cleaned):
        return [("targets", PlanProblem.TARGET_TOO_LONG)]
    return []


def check_plan(plan: PlanDraft) -> list[Broken]:
    """Every rule the plan breaks; a measure's field is named `measures.<index>.<field>`."""
    broken = check_targets(plan.targets)
    if not 0 <= plan.applications_per_week <= MAX_APPLICATIONS_PER_WEEK:
        broken.append(("applications_per_week", PlanProblem.APPLICATIONS_OUT_OF_RANGE))
    elif (
        not 0 <= plan.copies_per_week <= max_copies(plan.applications_per_week, plan.copies_period)
    ):
        broken.append(("copies_per_week", PlanProblem.COPIES_OUT_OF_RANGE))
    if len(plan.measures) > MAX_MEASURES:
        broken.append(("measures", PlanProblem.TOO_MANY_MEASURES))
        return broken
    keys = [measure.key for measure in plan.measures if measure.key]
    if len(keys) != len(set(keys)):
        broken.append(("measures", PlanProblem.DUPLICATE_MEASURE))
    for index, measure in enumerate(plan.measures):
        broken += [(f"measures.{index}.{field}", code) for field, code in check_measure(measure)]
    return broken
