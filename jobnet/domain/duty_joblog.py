"""The job log's duties (issue 22): week by week, as the plan version in force on each week's
Monday requires (the rules are stated in `jobnet.domain.duties` and docs/domain.md)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from jobnet.domain.duty_facts import (
    JOBLOG_WEEKS,
    Duty,
    DutyFacts,
    DutyState,
    PlanVersionFact,
    monday_of,
    open_state,
)
from jobnet.domain.duty_rules import DutyKind, DutyRule, rule_for

COPIES_A_MONTH = "month"  # jobnet.domain.plans.CopiesPeriod.MONTH


def version_in_force(versions: Iterable[PlanVersionFact], day: date) -> PlanVersionFact | None:
    """The plan version in force on `day`: the newest revised on or before it."""
    earlier = [version for version in versions if version.revision_date <= day]
    return max(earlier, key=lambda v: (v.revision_date, v.number)) if earlier else None


def _first_judged_monday(facts: DutyFacts) -> date | None:
    if facts.registered_since is None:
        return None
    start = max(facts.registered_since, facts.group_since or facts.registered_since)
    monday = monday_of(start)
    return monday if monday == start else monday + timedelta(weeks=1)


def _week(facts: DutyFacts, monday: date, rule: DutyRule) -> Duty:
    sunday = monday + timedelta(days=6)
    version = version_in_force(facts.plan_versions, monday)
    required = version.applications_per_week if version else None
    sent = sum(facts.applications.get(monday + timedelta(days=n), 0) for n in range(7))
    weekly = version is not None and version.copies_period != COPIES_A_MONTH
    copies_required = version.copies_per_week if version and required and weekly else None
    copies = sum(facts.copies.get(monday + timedelta(days=n), 0) for n in range(7))
    if not required:
        state = DutyState.NOT_REQUIRED
    elif sent >= required and copies >= (copies_required or 0):
        state = DutyState.DONE
    else:
        state = open_state(facts.today, sunday)
    year, number, _ = monday.isocalendar()
    return Duty(
        key=f"joblog:{year}-W{number:02d}",
        kind=DutyKind.JOBLOG,
        state=state,
        rule=rule,
        deadline=sunday,
        begins=monday,
        week_year=year,
        week_number=number,
        required=required,
        applications=sent,
        copies_required=copies_required or None,
        copies=copies if copies_required else None,
    )


def joblog_duties(facts: DutyFacts, rules: tuple[DutyRule, ...]) -> tuple[list[Duty], date | None]:
    first = _first_judged_monday(facts)
    if first is None:
        return [], None
    this_monday = monday_of(facts.today)
    monday = max(first, this_monday - timedelta(weeks=JOBLOG_WEEKS - 1))
    weeks = []
    while monday <= this_monday:
        rule = rule_for(DutyKind.JOBLOG, monday, facts.contact_group, facts.match_group, rules)
        if rule is not None:
            weeks.append(_week(facts, monday, rule))
        monday += timedelta(weeks=1)
    next_monday = max(first, this_monday + timedelta(weeks=1))
    current = version_in_force(facts.plan_versions, facts.today)
    binds_next = rule_for(
        DutyKind.JOBLOG, next_monday, facts.contact_group, facts.match_group, rules
    )
    begins = next_monday if binds_next and current and current.applications_per_week else None
    return weeks, begins


def first_of_next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def _month(facts: DutyFacts, first: date, version: PlanVersionFact, rule: DutyRule) -> Duty:
    last = first_of_next_month(first) - timedelta(days=1)
    days = (last - first).days + 1
    copies = sum(facts.copies.get(first + timedelta(days=n), 0) for n in range(days))
    required = version.copies_per_week
    state = DutyState.DONE if copies >= required else open_state(facts.today, last)
    return Duty(
        key=f"joblog-copies:{first:%Y-%m}",
        kind=DutyKind.JOBLOG,
        state=state,
        rule=rule,
        deadline=last,
        begins=first,
        copies_required=required,
        copies=copies,
        plan_version=version.number,
        month=first,
    )


def month_duties(facts: DutyFacts, rules: tuple[DutyRule, ...]) -> list[Duty]:
    """Copies of applications agreed a calendar month: each month is judged, as a week is, by
    the plan version in force on its first day (a revision in the middle of a month counts from
    the next one), and it is in time until its last day. The month a person registers in counts
    only when they registered on its first day; only months whose days are all read (since the
    Monday `JOBLOG_WEEKS` weeks back) are judged."""
    if facts.registered_since is None or not any(
        version.copies_period == COPIES_A_MONTH for version in facts.plan_versions
    ):
        return []
    start = max(facts.registered_since, facts.group_since or facts.registered_since)
    first = start if start.day == 1 else first_of_next_month(start)
    read_since = monday_of(facts.today) - timedelta(weeks=JOBLOG_WEEKS - 1)
    if first < read_since:  # the first month whose days are all read
        first = read_since if read_since.day == 1 else first_of_next_month(read_since)
    months = []
    while first <= facts.today:
        version = version_in_force(facts.plan_versions, first)
        asked = (
            version is not None
            and version.copies_period == COPIES_A_MONTH
            and version.applications_per_week > 0
            and version.copies_per_week > 0
        )
        rule = rule_for(DutyKind.JOBLOG, first, facts.contact_group, facts.match_group, rules)
        if asked and version is not None and rule is not None:
            months.append(_month(facts, first, version, rule))
        first = first_of_next_month(first)
    return months
