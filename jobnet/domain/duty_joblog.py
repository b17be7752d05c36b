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
    copies_required = version.copies_per_week if version and required else None
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
