"""The facts that decide a person's duties, and the duties themselves (issue 22): the types
`jobnet.domain.duties` computes with, one module per kind of duty (`duty_joblog`,
`duty_meetings`) reading them. Pure Python."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from jobnet.domain.duty_rules import DutyKind, DutyRule

# How many weeks back the job log is judged (as its overview shows).
JOBLOG_WEEKS = 12


class DutyState(StrEnum):
    TO_DO = "to_do"
    OVERDUE = "overdue"
    # An interview the job centre marked not attended: it cannot be done any more, so it is not
    # "to do"; it stays in the history, marked, with what follows.
    MISSED = "missed"
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
    # Copies of applications to upload in each `copies_period` ("week" or "month").
    copies_per_week: int = 0
    copies_period: str = "week"


@dataclass(frozen=True)
class SummonsFact:
    id: str
    starts_at: datetime
    duration_minutes: int
    held: bool = False
    # The person has told the job centre they cannot come at this time ("I can't come").
    cannot_come: bool = False
    # The job centre marked that the person did not attend (issue 24's no-show).
    not_attended: bool = False
    # DFDG sent the person's fund the no-show event about it (a member of a fund when marked).
    fund_told: bool = False


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
    # Job log, copies agreed a calendar month: the month's first day.
    month: date | None = None
    summons_id: str | None = None
    cannot_come: bool = False
    # A missed interview of a person in contact group 1: their fund has been told (§ 60).
    fund_told: bool = False
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


def open_state(today: date, deadline: date) -> DutyState:
    return DutyState.TO_DO if today <= deadline else DutyState.OVERDUE
