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
  only when as many of its applications have a copy uploaded.
- Interviews: each summons not cancelled is a duty until it ends; after it, done when the job
  centre has recorded a held interview that day, otherwise nothing more is asked here. Telling
  the job centre before it starts that one cannot come ("I can't come") meets it, until the job
  centre moves the summons to a new time.
- Plan: the current version, unread by the person, is to be read (no deadline: at once).
- Booking (issue 22): each booking request of the job centre is a duty from the day it was
  opened to its deadline (the deadline day itself is still in time); booked, it is done;
  not booked after the deadline, overdue (the person may still book).
- Holidays: standing (reported before the holiday starts: a holiday cannot be reported once
  it has started), and each coming holiday the person reported is a duty done.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from jobnet.domain.clock import DANISH_TIME
from jobnet.domain.duty_rules import ON_REQUEST, RULES, DutyKind, DutyRule, rule_for

# How many weeks back the job log is judged (as its overview shows).
JOBLOG_WEEKS = 12


class DutyState(StrEnum):
    TO_DO = "to_do"
    OVERDUE = "overdue"
    DONE = "done"
    NOT_REQUIRED = "not_required"


class CvProblem(StrEnum):
    """Why the CV duty is not done."""

    NO_CV = "no_cv"
    NOT_SEARCHABLE = "not_searchable"
    NOT_APPROVED = "not_approved"


@dataclass(frozen=True)
class CvFact:
    searchable: bool
    approval_status: str  # not_assessed, approved, not_approved


@dataclass(frozen=True)
class PlanVersionFact:
    number: int
    revision_date: date
    applications_per_week: int
    seen: bool
    copies_per_week: int = 0


@dataclass(frozen=True)
class SummonsFact:
    id: str
    starts_at: datetime
    duration_minutes: int
    held: bool = False
    # The person has told the job centre they cannot come at this time ("I can't come").
    cannot_come: bool = False


@dataclass(frozen=True)
class HolidayFact:
    id: str
    first_day: date
    last_day: date


@dataclass(frozen=True)
class BookingFact:
    """A booking request of the job centre: opened on `opened_on`, to book by `deadline`."""

    id: str
    opened_on: date
    deadline: date
    booked: bool


@dataclass(frozen=True)
class DutyFacts:
    """What decides a person's duties. `now` is aware; `applications` counts by the day sent."""

    today: date
    now: datetime
    contact_group: int | None = None
    match_group: int | None = None
    group_since: date | None = None
    registered_since: date | None = None
    cv: CvFact | None = None
    plan_versions: tuple[PlanVersionFact, ...] = ()
    applications: Mapping[date, int] = field(default_factory=dict)
    # Applications with at least one copy uploaded, by the day each was sent.
    copies: Mapping[date, int] = field(default_factory=dict)
    summons: tuple[SummonsFact, ...] = ()
    holidays: tuple[HolidayFact, ...] = ()
    bookings: tuple[BookingFact, ...] = ()


@dataclass(frozen=True)
class Duty:
    """One duty. `deadline` is the last day in time (None: at once, or standing); `due_at` the
    moment for an interview. The fields after `begins` belong to one kind each."""

    key: str
    kind: DutyKind
    state: DutyState
    rule: DutyRule
    deadline: date | None
    begins: date
    due_at: datetime | None = None
    standing: bool = False
    cv_problem: CvProblem | None = None
    awaiting_approval: bool = False
    week_year: int | None = None
    week_number: int | None = None
    required: int | None = None
    applications: int | None = None
    plan_version: int | None = None
    copies_required: int | None = None
    copies: int | None = None
    summons_id: str | None = None
    cannot_come: bool = False
    holiday_id: str | None = None
    holiday_first_day: date | None = None
    booking_id: str | None = None


@dataclass(frozen=True)
class Duties:
    items: list[Duty]
    # The first day after today a new duty begins (e.g. next week's job log); None if none.
    next_begins: date | None = None

    @property
    def open(self) -> list[Duty]:
        """What the person has to do: overdue and to do, standing ones left out."""
        return [
            duty
            for duty in self.items
            if duty.state in (DutyState.OVERDUE, DutyState.TO_DO) and not duty.standing
        ]


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _open_state(today: date, deadline: date) -> DutyState:
    return DutyState.TO_DO if today <= deadline else DutyState.OVERDUE


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
    state = DutyState.DONE if problem is None else _open_state(facts.today, deadline)
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
        state = _open_state(facts.today, sunday)
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


def _joblog(facts: DutyFacts, rules: tuple[DutyRule, ...]) -> tuple[list[Duty], date | None]:
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


def _interviews(facts: DutyFacts, rules: tuple[DutyRule, ...]) -> list[Duty]:
    duties = []
    for summons in facts.summons:
        day = summons.starts_at.astimezone(DANISH_TIME).date()
        rule = rule_for(DutyKind.INTERVIEW, day, facts.contact_group, facts.match_group, rules)
        if rule is None:
            continue
        ends_at = summons.starts_at + timedelta(minutes=summons.duration_minutes)
        if summons.held or summons.cannot_come:
            state = DutyState.DONE
        elif facts.now < ends_at:
            state = DutyState.TO_DO
        else:
            state = DutyState.NOT_REQUIRED
        duties.append(
            Duty(
                key=f"interview:{summons.id}",
                kind=DutyKind.INTERVIEW,
                state=state,
                rule=rule,
                deadline=day,
                begins=day,
                due_at=summons.starts_at,
                summons_id=summons.id,
                cannot_come=summons.cannot_come and not summons.held,
            )
        )
    return duties


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


def _bookings(facts: DutyFacts, rules: tuple[DutyRule, ...]) -> list[Duty]:
    duties = []
    for booking in facts.bookings:
        group, match = facts.contact_group, facts.match_group
        rule = rule_for(DutyKind.BOOKING, booking.opened_on, group, match, rules)
        if rule is None:
            continue
        state = DutyState.DONE if booking.booked else _open_state(facts.today, booking.deadline)
        duties.append(
            Duty(
                key=f"booking:{booking.id}",
                kind=DutyKind.BOOKING,
                state=state,
                rule=rule,
                deadline=booking.deadline,
                begins=booking.opened_on,
                booking_id=booking.id,
            )
        )
    return duties


_STATE_ORDER = {
    DutyState.OVERDUE: 0,
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
    weeks, next_week = _joblog(facts, rules)
    items = [
        *_cv(facts, rules),
        *weeks,
        *_interviews(facts, rules),
        *_plan(facts, rules),
        *_holidays(facts, rules),
        *_bookings(facts, rules),
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
