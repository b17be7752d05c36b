"""A person's duties and their deadlines, computed from what DFDG holds about them.

Pure: the facts (registration, contact group, CV, plan versions, job log, summons, holidays)
come in, the duties come out, judged by the rules in force (`jobnet.domain.duty_rules`). The
decisions, stated in docs/domain.md:

- CV: a person bound by the rule (unemployment benefit) must have a searchable CV within the
  rule's days of the registration's start date (the deadline day itself is still in time). A CV
  the job centre assessed as not approved, or one taken off the search, is a duty again: the
  deadline stays the one the registration set, so after it the duty is overdue at once.
  Searchable and not yet assessed is done on the person's side, waiting for the approval.
- Job log: judged week by week, Monday to Sunday, by the plan version in force on the week's
  Monday; a revision in the middle of a week counts from the next Monday. The week a person
  registers in counts only when they registered on its Monday. A week is in time until its
  Sunday; with no plan version in force, or one asking for no applications, it is not required.
  Where that plan version asks for copies of applications (`copies_per_week`), the week is done
  only when as many of its applications have a copy uploaded. Where the plan version agreed
  copies a calendar month instead (`copies_period`), the weeks ask for none, and each month is
  its own duty, judged by the version in force on its first day (a revision in the middle of a
  month counts from the next), done when that many of the applications sent in the month have
  a copy, in time until the month's last day.
- Interviews: each summons not cancelled is a duty until it ends; after it, done when the job
  centre has recorded a held interview that day, otherwise nothing more is asked here. Telling
  the job centre before it starts that one cannot come ("I can't come") meets it, until the job
  centre moves the summons to a new time. A summons the job centre marked not attended is
  missed (`DutyState.MISSED`), from the moment it is marked: it cannot be done any more, so it
  is not to do, and it is listed with the overdue ones, marked, saying what may follow (and,
  in contact group 1, that the fund has been told). A held interview recorded that day wins.
- Plan: the current version, unread by the person, is to be read (no deadline: at once).
- Booking (issue 22): each booking request of the job centre is a duty from the day it was
  opened to its deadline (the deadline day itself is still in time); booked, it is done;
  not booked after the deadline, overdue (the person may still book).
- Holidays: standing (reported before the holiday starts: a holiday cannot be reported once
  it has started), and each coming holiday the person reported is a duty done.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from jobnet.domain.clock import DANISH_TIME
from jobnet.domain.duty_facts import (
    JOBLOG_WEEKS,
    BookingFact,
    CvFact,
    CvProblem,
    Duties,
    Duty,
    DutyFacts,
    DutyState,
    HolidayFact,
    PlanVersionFact,
    SummonsFact,
    monday_of,
    open_state,
)
from jobnet.domain.duty_joblog import joblog_duties, month_duties, version_in_force
from jobnet.domain.duty_meetings import booking_duties, interview_duties
from jobnet.domain.duty_rules import ON_REQUEST, RULES, DutyKind, DutyRule, rule_for

__all__ = [
    "JOBLOG_WEEKS",
    "BookingFact",
    "CvFact",
    "CvProblem",
    "Duties",
    "Duty",
    "DutyFacts",
    "DutyState",
    "HolidayFact",
    "PlanVersionFact",
    "StartingDuty",
    "SummonsFact",
    "compute",
    "monday_of",
    "soonest_first",
    "starting",
    "version_in_force",
]


def _cv(facts: DutyFacts, rules: tuple[DutyRule, ...]) -> list[Duty]:
    since = facts.registered_since
    if since is None:
        return []
    rule = rule_for(DutyKind.CV, since, facts.contact_group, facts.match_group, rules)
    if rule is None:
        return []
    deadline = since + timedelta(days=rule.days or 0)
    cv = facts.cv
    problem: CvProblem | None
    if cv is None:
        problem = CvProblem.NO_CV
    elif cv.approval_status == "not_approved":
        problem = CvProblem.NOT_APPROVED
    elif not cv.searchable:
        problem = CvProblem.NOT_SEARCHABLE
    else:
        problem = None
    state = DutyState.DONE if problem is None else open_state(facts.today, deadline)
    awaiting = problem is None and cv is not None and cv.approval_status != "approved"
    return [
        Duty(
            key="cv",
            kind=DutyKind.CV,
            state=state,
            rule=rule,
            deadline=deadline,
            begins=since,
            cv_problem=problem,
            awaiting_approval=awaiting,
        )
    ]


def _plan(facts: DutyFacts, rules: tuple[DutyRule, ...]) -> list[Duty]:
    if not facts.plan_versions:
        return []
    current = max(facts.plan_versions, key=lambda version: version.number)
    rule = rule_for(
        DutyKind.PLAN, current.revision_date, facts.contact_group, facts.match_group, rules
    )
    if rule is None:
        return []
    return [
        Duty(
            key=f"plan:{current.number}",
            kind=DutyKind.PLAN,
            state=DutyState.DONE if current.seen else DutyState.TO_DO,
            rule=rule,
            deadline=None,
            begins=current.revision_date,
            plan_version=current.number,
        )
    ]


def _holidays(facts: DutyFacts, rules: tuple[DutyRule, ...]) -> list[Duty]:
    if facts.registered_since is None:
        return []
    group, match = facts.contact_group, facts.match_group
    rule = rule_for(DutyKind.HOLIDAY, facts.today, group, match, rules)
    if rule is None:
        return []
    duties = [
        Duty(
            key="holiday",
            kind=DutyKind.HOLIDAY,
            state=DutyState.TO_DO,
            rule=rule,
            deadline=None,
            begins=facts.registered_since,
            standing=True,
        )
    ]
    for holiday in facts.holidays:
        if holiday.last_day < facts.today:
            continue
        duties.append(
            Duty(
                key=f"holiday:{holiday.id}",
                kind=DutyKind.HOLIDAY,
                state=DutyState.DONE,
                rule=rule,
                deadline=holiday.first_day - timedelta(days=1),
                begins=facts.registered_since,
                holiday_id=holiday.id,
                holiday_first_day=holiday.first_day,
            )
        )
    return duties


_STATE_ORDER = {
    DutyState.OVERDUE: 0,
    DutyState.MISSED: 0,
    DutyState.TO_DO: 1,
    DutyState.NOT_REQUIRED: 2,
    DutyState.DONE: 3,
}


def _order(duty: Duty) -> tuple[int, bool, int, date, datetime, str]:
    """Overdue first, then what is due soonest ("at once", no deadline, before any date), then
    the standing duties; not required and done ones last."""
    at_once = 0 if duty.deadline is None else 1
    deadline = duty.deadline or date.min
    due = duty.due_at or datetime.min.replace(tzinfo=DANISH_TIME)
    return (_STATE_ORDER[duty.state], duty.standing, at_once, deadline, due, duty.key)


def soonest_first(duties: Iterable[Duty]) -> list[Duty]:
    return sorted(duties, key=_order)


def compute(facts: DutyFacts, rules: tuple[DutyRule, ...] = RULES) -> Duties:
    """Every duty of the person, overdue first, then soonest first."""
    weeks, next_week = joblog_duties(facts, rules)
    items = [
        *_cv(facts, rules),
        *weeks,
        *month_duties(facts, rules),
        *interview_duties(facts, rules),
        *_plan(facts, rules),
        *_holidays(facts, rules),
        *booking_duties(facts, rules),
    ]
    return Duties(items=soonest_first(items), next_begins=next_week)


@dataclass(frozen=True)
class StartingDuty:
    """A duty a new registration brings: its kind, its rule and, where the rule sets one, the
    first deadline (the CV's)."""

    kind: DutyKind
    rule: DutyRule
    deadline: date | None


def starting(
    contact_group: int,
    match_group: int | None,
    start: date,
    rules: tuple[DutyRule, ...] = RULES,
) -> list[StartingDuty]:
    """The duties that start with a registration from `start` in this contact group, in the
    order of `DutyKind` (for the registration's receipt, before DFDG has answered)."""
    found = []
    for kind in DutyKind:
        if kind in ON_REQUEST:
            continue
        rule = rule_for(kind, start, contact_group, match_group, rules)
        if rule is not None:
            deadline = start + timedelta(days=rule.days) if rule.days is not None else None
            found.append(StartingDuty(kind, rule, deadline))
    return found
