"""The job log (joblog): the applications a jobseeker records, their rules, the week-by-week
overview against the job-search requirement, and safe CSV cells."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from jobnet.domain.fields import (
    FieldProblem,
    Issue,
    check_not_future,
    check_text,
    check_url,
    issues,
)

LIMITS: dict[str, int] = {"employer": 200, "job_title": 200, "link": 500, "note": 2000}
OVERVIEW_WEEKS = 12
# An application is recorded at most a year after it was sent (the job log is the search of
# the current unemployment; older entries are no evidence of it).
APPLIED_ON_DAYS_BACK = 365
# A spreadsheet reads a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class JoblogKind(StrEnum):
    ADVERTISED = "advertised"
    UNSOLICITED = "unsolicited"
    OTHER = "other"


class JoblogStatus(StrEnum):
    SENT = "sent"
    INTERVIEW = "interview"
    REJECTED = "rejected"
    OFFERED = "offered"


def _choice(value: str | None, codes: type[StrEnum]) -> FieldProblem | None:
    if not value:
        return FieldProblem.REQUIRED
    return None if value in {member.value for member in codes} else FieldProblem.INVALID_CHOICE


def check_entry(
    *,
    applied_on: date | None,
    employer: str | None,
    job_title: str | None,
    kind: str | None,
    status: str | None,
    link: str | None,
    note: str | None,
    today: date,
) -> list[Issue]:
    """An application: the day it was sent (not in the future), where, what, how it went."""
    return issues(
        (
            "applied_on",
            check_not_future(applied_on, today, required=True, days_back=APPLIED_ON_DAYS_BACK),
        ),
        ("employer", check_text(employer, LIMITS["employer"], required=True)),
        ("job_title", check_text(job_title, LIMITS["job_title"], required=True)),
        ("kind", _choice(kind, JoblogKind)),
        ("status", _choice(status, JoblogStatus)),
        ("link", check_url(link, LIMITS["link"])),
        ("note", check_text(note, LIMITS["note"], required=False)),
    )


@dataclass(frozen=True)
class Week:
    """One ISO week (Monday to Sunday), the applications recorded in it, and the requirement of
    the plan version in force on its Monday (None: no plan then)."""

    year: int
    number: int
    first_day: date
    last_day: date
    applications: int
    required: int | None
    current: bool = False
    copies: int = 0  # applications with a copy uploaded (issue 22)
    copies_required: int | None = None  # None: the plan asks for no copies

    @property
    def met(self) -> bool | None:
        """Whether the requirement was met; None when there is no requirement, and for the
        week still running until it is met."""
        if self.required is None:
            return None
        if self.applications >= self.required and self.copies >= (self.copies_required or 0):
            return True
        return None if self.current else False

    @property
    def still_needed(self) -> int:
        """Applications still needed this week to meet its requirement (0 when met or none)."""
        return max((self.required or 0) - self.applications, 0)


@dataclass(frozen=True)
class Requirement:
    """A plan version's job-search requirement, in force from `from_date`."""

    from_date: date
    applications_per_week: int
    copies_per_week: int = 0
    copies_per_month: int = 0  # where the version agreed the copies by the calendar month


def requirement_on(requirements: Sequence[Requirement], day: date) -> int | None:
    """The requirement of the newest version in force on `day` (None: no plan yet)."""
    in_force = [r for r in requirements if r.from_date <= day]
    return max(in_force, key=lambda r: r.from_date).applications_per_week if in_force else None


def copies_on(requirements: Sequence[Requirement], day: date) -> int | None:
    """The copies a week of the newest version in force on `day` (None: none asked for)."""
    in_force = [r for r in requirements if r.from_date <= day]
    found = max(in_force, key=lambda r: r.from_date).copies_per_week if in_force else 0
    return found or None


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_overview(
    days: Iterable[date],
    today: date,
    *,
    required_per_week: int | None = None,
    requirements: Sequence[Requirement] | None = None,
    weeks: int = OVERVIEW_WEEKS,
    copy_days: Iterable[date] = (),
) -> list[Week]:
    """The last `weeks` weeks up to this one, newest first, with applications counted by the
    day each was sent. Each week is judged by the plan version in force on its Monday
    (`requirements`); a single `required_per_week` applies to every week."""
    if requirements is None:
        requirements = (
            [] if required_per_week is None else [Requirement(date.min, required_per_week)]
        )
    counts = Counter(monday_of(day) for day in days)
    with_copy = Counter(monday_of(day) for day in copy_days)
    this_monday = monday_of(today)
    overview = []
    for back in range(weeks):
        monday = this_monday - timedelta(weeks=back)
        year, number, _ = monday.isocalendar()
        overview.append(
            Week(
                year=year,
                number=number,
                first_day=monday,
                last_day=monday + timedelta(days=6),
                applications=counts.get(monday, 0),
                required=requirement_on(requirements, monday),
                current=monday == this_monday,
                copies=with_copy.get(monday, 0),
                copies_required=copies_on(requirements, monday),
            )
        )
    return overview


def csv_cell(value: object) -> str:
    """A value for a CSV cell that a spreadsheet shows as text, never runs as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text
