"""Summons to interviews (indkaldelser, chapters 3 and 5): code lists and rules.

A summons names the person, the date and time (an aware datetime, stored in UTC), the interview
form and type, the place or how to join, the person's contact options and what to bring. It is
recorded the day the letter is sent; a moved or cancelled summons is recorded the day that letter
is sent. Pure functions: no Flask, no database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

MAX_DAYS_AHEAD = 365
MIN_DURATION_MINUTES = 5
MAX_DURATION_MINUTES = 480
DEFAULT_DURATION_MINUTES = 60
MAX_PLACE_LENGTH = 500
MAX_TEXT_LENGTH = 1000
# § 27(2)-(3): a summons, a move and a cancellation are recorded the day the letter is printed,
# given or sent. DFDG accepts the day before as well, so that a letter made before midnight and
# delivered through the web app's outbox just after it is not refused; never earlier, never later.
LETTER_MAX_DAYS_BACK = 1


class InterviewForm(StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video"
    DIGITAL = "digital"


class InterviewType(StrEnum):
    JOB_INTERVIEW = "job_interview"  # jobsamtale
    CV_INTERVIEW = "cv_interview"  # CV-samtale
    FOLLOW_UP = "follow_up"  # opfølgningssamtale
    AVAILABILITY = "availability_interview"  # rådighedssamtale
    JOINT_WITH_AKASSE = "joint_interview"  # fælles samtale med a-kassen
    JOB_PLAN = "job_plan_interview"  # samtale om Min plan
    OTHER = "other"


class SummonsStatus(StrEnum):
    ACTIVE = "active"
    MOVED = "moved"
    CANCELLED = "cancelled"


class ChangeKind(StrEnum):
    CREATED = "created"
    MOVED = "moved"
    CANCELLED = "cancelled"


class SummonsProblem(StrEnum):
    NOT_AWARE = "time_without_zone"
    IN_THE_PAST = "time_in_the_past"
    TOO_FAR_AHEAD = "time_too_far_ahead"
    DURATION_OUT_OF_RANGE = "duration_out_of_range"
    LETTER_IN_THE_FUTURE = "letter_date_in_the_future"
    LETTER_TOO_EARLY = "letter_date_before_summons"
    LETTER_TOO_FAR_BACK = "letter_date_too_far_back"
    CONTACT_OPTIONS_MISSING = "contact_options_missing"
    PLACE_MISSING = "place_missing"
    JOIN_DETAILS_MISSING = "join_details_missing"
    TEXT_TOO_LONG = "text_too_long"
    ALREADY_CANCELLED = "summons_cancelled"
    ALREADY_HELD = "summons_held"
    SAME_TIME = "same_time"


# Forms that happen somewhere and need a place; forms that need a way to join.
NEEDS_PLACE: frozenset[InterviewForm] = frozenset({InterviewForm.IN_PERSON})
NEEDS_JOIN_DETAILS: frozenset[InterviewForm] = frozenset(
    {InterviewForm.VIDEO, InterviewForm.DIGITAL}
)

Broken = tuple[str, SummonsProblem]


@dataclass(frozen=True)
class Appointment:
    """When and how the interview takes place."""

    starts_at: datetime
    form: InterviewForm
    duration_minutes: int = DEFAULT_DURATION_MINUTES
    place: str | None = None
    join_details: str | None = None


def _filled(value: str | None) -> bool:
    return bool(value and value.strip())


def check_time(starts_at: datetime, now: datetime, field: str = "starts_at") -> list[Broken]:
    """A new time: aware, after `now`, at most a year ahead."""
    if starts_at.tzinfo is None or starts_at.utcoffset() is None:
        return [(field, SummonsProblem.NOT_AWARE)]
    if starts_at <= now:
        return [(field, SummonsProblem.IN_THE_PAST)]
    if starts_at > now + timedelta(days=MAX_DAYS_AHEAD):
        return [(field, SummonsProblem.TOO_FAR_AHEAD)]
    return []


def earliest_letter_date(today: date) -> date:
    """The earliest letter date DFDG accepts today (§ 27(2)): today or the day before."""
    return today - timedelta(days=LETTER_MAX_DAYS_BACK)


def check_letter_date(letter_sent: date, today: date) -> list[Broken]:
    """The letter is recorded the day it is sent (§ 27(2)-(3)): not in the future, and not
    earlier than the day before (see LETTER_MAX_DAYS_BACK)."""
    if letter_sent > today:
        return [("letter_sent_date", SummonsProblem.LETTER_IN_THE_FUTURE)]
    if letter_sent < earliest_letter_date(today):
        return [("letter_sent_date", SummonsProblem.LETTER_TOO_FAR_BACK)]
    return []


def check_contact_options(contact_options: str | None) -> list[Broken]:
    """§ 27(1) no. 6: the person's contact options for the interview are part of the summons."""
    if not _filled(contact_options):
        return [("contact_options", SummonsProblem.CONTACT_OPTIONS_MISSING)]
    if len(contact_options or "") > MAX_TEXT_LENGTH:
        return [("contact_options", SummonsProblem.TEXT_TOO_LONG)]
    return []


def check_appointment(appointment: Appointment, now: datetime) -> list[Broken]:
    """Every rule a new or moved appointment breaks."""
    broken = check_time(appointment.starts_at, now)
    if not MIN_DURATION_MINUTES <= appointment.duration_minutes <= MAX_DURATION_MINUTES:
        broken.append(("duration_minutes", SummonsProblem.DURATION_OUT_OF_RANGE))
    if appointment.form in NEEDS_PLACE and not _filled(appointment.place):
        broken.append(("place", SummonsProblem.PLACE_MISSING))
    if appointment.form in NEEDS_JOIN_DETAILS and not _filled(appointment.join_details):
        broken.append(("join_details", SummonsProblem.JOIN_DETAILS_MISSING))
    for field in ("place", "join_details"):
        if len(getattr(appointment, field) or "") > MAX_PLACE_LENGTH:
            broken.append((field, SummonsProblem.TEXT_TOO_LONG))
    return broken


def check_new_summons(
    appointment: Appointment,
    letter_sent: date,
    *,
    contact_options: str | None,
    now: datetime,
    today: date,
) -> list[Broken]:
    """A summons when it is created (§ 27): a future time, the letter dated the day it is
    recorded, and the person's contact options."""
    return (
        check_appointment(appointment, now)
        + check_contact_options(contact_options)
        + check_letter_date(letter_sent, today)
    )


def check_change(
    status: SummonsStatus,
    current_start: datetime,
    letter_sent: date,
    created_letter: date,
    *,
    now: datetime,
    today: date,
) -> list[Broken]:
    """May a summons be moved or cancelled: not cancelled, not held yet; a valid letter date."""
    if status == SummonsStatus.CANCELLED:
        return [("summons_id", SummonsProblem.ALREADY_CANCELLED)]
    if current_start <= now:
        return [("summons_id", SummonsProblem.ALREADY_HELD)]
    broken = check_letter_date(letter_sent, today)
    if not broken and letter_sent < created_letter:
        broken.append(("letter_sent_date", SummonsProblem.LETTER_TOO_EARLY))
    return broken


def check_move(
    status: SummonsStatus,
    current: Appointment,
    moved: Appointment,
    letter_sent: date,
    created_letter: date,
    *,
    now: datetime,
    today: date,
) -> list[Broken]:
    """A move: allowed for a summons not cancelled or held, to a valid new appointment."""
    broken = check_change(
        status, current.starts_at, letter_sent, created_letter, now=now, today=today
    )
    if broken and broken[0][0] == "summons_id":
        return broken
    broken += check_appointment(moved, now)
    if not broken and moved == current:
        broken.append(("starts_at", SummonsProblem.SAME_TIME))
    return broken


def has_ended(starts_at: datetime, duration_minutes: int, now: datetime) -> bool:
    """True once the interview's time is over."""
    return starts_at + timedelta(minutes=duration_minutes) <= now


def is_upcoming(
    starts_at: datetime,
    duration_minutes: int,
    now: datetime,
    status: SummonsStatus | str = SummonsStatus.ACTIVE,
) -> bool:
    """True for an interview that will take place: not cancelled, and not yet ended."""
    if status == SummonsStatus.CANCELLED:
        return False
    return not has_ended(starts_at, duration_minutes, now)


def is_cancelled_ahead(
    starts_at: datetime, duration_minutes: int, now: datetime, status: SummonsStatus | str
) -> bool:
    """A cancelled interview whose (former) time has not passed: listed on its own, never as
    upcoming."""
    return status == SummonsStatus.CANCELLED and not has_ended(starts_at, duration_minutes, now)
