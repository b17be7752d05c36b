"""Events the job centre reports to a member's unemployment insurance fund (chapter 11, §§ 59-63).

The job centre records events about a person in contact group 1 who is a member of a fund (§ 60)
and DFDG passes each on to the fund that is the person's on the day it is recorded. What is
reported (§ 63(1)): the event's date and type, a cause where there is one, a free-text comment;
for an offer (§ 63(3)) also the company, the offer's current status, its start and end dates and
its average weekly hours.

Deadlines:
- § 61: an event is reported on the day it happens or at the latest the day after
  (`check_reported_in_time`); an offer's change (§ 62(1) nos. 3-5) likewise, counted from the
  day the change came to the job centre's knowledge (the event's date).
- § 62(1) no. 1: an offer's start is reported no earlier than the day it was granted and no later
  than the day it begins (`check_offer_start`).
- § 62(1) no. 2: an offer's end is reported on its end date (`check_offer_end`).

Events that arise by themselves (no caseworker chooses them on the form):
- `no_show`: a summons the job centre marks not attended once its interview has begun
  (`check_not_attended`), dated the interview's day;
- `booking_deadline_missed`: a booking request not booked by its deadline (the seed 003's
  "frister for selvbooking"; the funds' guidance: a missed booking deadline is treated like
  not attending), dated the day after the deadline, the first day it was not booked
  (`booking_missed_event_date`), and recorded within § 61 of that day
  (`booking_missed_in_time`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum

MAX_CAUSE_LENGTH = 200
MAX_COMMENT_LENGTH = 2000
MAX_COMPANY_NAME_LENGTH = 200
MAX_WEEKLY_HOURS = Decimal("37")
# § 61: on the day of the event or at the latest the day after.
DAYS_TO_REPORT = 1
FUND_CONTACT_GROUP = 1  # § 60(1) no. 1
_CVR = re.compile(r"[0-9]{8}")


class FundEventType(StrEnum):
    """§ 61 events (the active employment order's §§ 102-106, 108-109) and § 62 offers (§ 107)."""

    NO_SHOW = "no_show"  # did not attend an interview the job centre summoned to
    JOB_REFUSED = "job_refused"  # refused a job the job centre referred to
    OFFER_REFUSED = "offer_refused"  # refused an offer
    OFFER_ABSENCE = "offer_absence"  # stayed away from an offer
    AVAILABILITY_DOUBT = "availability_doubt"  # the job centre doubts the person is available
    OFFER_START = "offer_start"  # § 62(1) no. 1
    OFFER_END = "offer_end"  # § 62(1) no. 2
    OFFER_CHANGE = "offer_change"  # § 62(1) nos. 3-5
    # Not booked an interview the job centre asked to be booked by its deadline (§ 61 as not
    # attending; the booking's deadline: seed 003, "frister for selvbooking").
    BOOKING_DEADLINE_MISSED = "booking_deadline_missed"


OFFER_TYPES = frozenset(
    {FundEventType.OFFER_START, FundEventType.OFFER_END, FundEventType.OFFER_CHANGE}
)

# Types that arise by themselves from DFDG's own records: a caseworker does not report them.
AUTOMATIC_TYPES = frozenset({FundEventType.BOOKING_DEADLINE_MISSED})


class OfferStatus(StrEnum):
    """The offer's current status (§ 62(2))."""

    GRANTED = "granted"
    STARTED = "started"
    CHANGED = "changed"
    ENDED = "ended"
    CANCELLED = "cancelled"


class EventSource(StrEnum):
    CASEWORKER = "caseworker"  # registered by a caseworker
    AUTOMATIC = "automatic"  # arose by itself (a summons not attended, a booking not made)


class FundEventProblem(StrEnum):
    IN_THE_FUTURE = "in_the_future"
    REPORTED_TOO_LATE = "reported_too_late"
    REPORTED_BEFORE_GRANTED = "reported_before_granted"
    REPORTED_AFTER_START = "reported_after_start"
    GRANTED_AFTER_START = "granted_after_start"
    END_NOT_REPORTED_ON_END_DATE = "end_not_reported_on_end_date"
    END_BEFORE_START = "end_before_start"
    OFFER_DETAILS_MISSING = "offer_details_missing"
    HOURS_OUT_OF_RANGE = "hours_out_of_range"
    COMPANY_INVALID = "company_invalid"
    CAUSE_TOO_LONG = "cause_too_long"
    COMMENT_TOO_LONG = "comment_too_long"
    NOT_CONTACT_GROUP_1 = "not_contact_group_1"
    NOT_A_FUND_MEMBER = "not_a_fund_member"
    NOT_ATTENDED_TWICE = "not_attended_twice"
    INTERVIEW_NOT_HELD_YET = "interview_not_held_yet"
    ARISES_BY_ITSELF = "arises_by_itself"
    INTERVIEW_RECORDED_HELD = "interview_recorded_held"
    SUMMONS_CANCELLED = "summons_cancelled"


@dataclass(frozen=True)
class Offer:
    """The offer's part of an event (§ 63(3))."""

    company_cvr: str | None
    company_name: str | None
    status: OfferStatus | None
    granted_on: date | None
    start_date: date | None
    end_date: date | None
    weekly_hours: Decimal | None


@dataclass(frozen=True)
class Broken:
    field: str
    problem: FundEventProblem


def check_reported_in_time(event_date: date, today: date) -> FundEventProblem | None:
    """§ 61: the same day or the day after the event; an event cannot be in the future."""
    if event_date > today:
        return FundEventProblem.IN_THE_FUTURE
    if today > event_date + timedelta(days=DAYS_TO_REPORT):
        return FundEventProblem.REPORTED_TOO_LATE
    return None


def last_day_to_report(event_date: date) -> date:
    return event_date + timedelta(days=DAYS_TO_REPORT)


def check_offer_start(granted_on: date, start_date: date, today: date) -> Broken | None:
    """§ 62(1) no. 1: reported no earlier than granted, no later than the offer begins."""
    if granted_on > start_date:
        return Broken("granted_on", FundEventProblem.GRANTED_AFTER_START)
    if today < granted_on:
        return Broken("granted_on", FundEventProblem.REPORTED_BEFORE_GRANTED)
    if today > start_date:
        return Broken("start_date", FundEventProblem.REPORTED_AFTER_START)
    return None


def check_offer_end(end_date: date, today: date) -> FundEventProblem | None:
    """§ 62(1) no. 2: an offer's end is reported on the end date."""
    if today != end_date:
        return FundEventProblem.END_NOT_REPORTED_ON_END_DATE
    return None


def check_texts(cause: str | None, comment: str | None) -> Broken | None:
    if cause is not None and len(cause.strip()) > MAX_CAUSE_LENGTH:
        return Broken("cause", FundEventProblem.CAUSE_TOO_LONG)
    if comment is not None and len(comment.strip()) > MAX_COMMENT_LENGTH:
        return Broken("comment", FundEventProblem.COMMENT_TOO_LONG)
    return None


def check_offer_details(offer: Offer) -> Broken | None:
    """An offer event names the company, the status, start and end and the weekly hours."""
    required = {
        "company_cvr": offer.company_cvr,
        "status": offer.status,
        "start_date": offer.start_date,
        "end_date": offer.end_date,
        "weekly_hours": offer.weekly_hours,
    }
    for name, value in required.items():
        if value is None or (isinstance(value, str) and not value.strip()):
            return Broken(name, FundEventProblem.OFFER_DETAILS_MISSING)
    if not _CVR.fullmatch((offer.company_cvr or "").strip()):
        return Broken("company_cvr", FundEventProblem.COMPANY_INVALID)
    hours = offer.weekly_hours
    if hours is None or not Decimal("0") < hours <= MAX_WEEKLY_HOURS:
        return Broken("weekly_hours", FundEventProblem.HOURS_OUT_OF_RANGE)
    if offer.start_date and offer.end_date and offer.end_date < offer.start_date:
        return Broken("end_date", FundEventProblem.END_BEFORE_START)
    return None


def event_date_of(event_type: FundEventType, event_date: date | None, offer: Offer) -> date | None:
    """The event's date: an offer's start or end is dated by the offer itself."""
    if event_type == FundEventType.OFFER_START:
        return offer.start_date
    if event_type == FundEventType.OFFER_END:
        return offer.end_date
    return event_date


def check_fund_event(
    event_type: FundEventType,
    event_date: date | None,
    today: date,
    *,
    offer: Offer,
    cause: str | None = None,
    comment: str | None = None,
) -> Broken | None:
    """The first rule the event breaks (§§ 61-63), or None."""
    if event_type in AUTOMATIC_TYPES:
        return Broken("type", FundEventProblem.ARISES_BY_ITSELF)
    texts = check_texts(cause, comment)
    if texts is not None:
        return texts
    if event_type in OFFER_TYPES:
        details = check_offer_details(offer)
        if details is not None:
            return details
    if event_type == FundEventType.OFFER_START:
        if offer.granted_on is None:
            return Broken("granted_on", FundEventProblem.OFFER_DETAILS_MISSING)
        assert offer.start_date is not None
        return check_offer_start(offer.granted_on, offer.start_date, today)
    if event_type == FundEventType.OFFER_END:
        assert offer.end_date is not None
        problem = check_offer_end(offer.end_date, today)
        return Broken("end_date", problem) if problem else None
    if event_date is None:
        return Broken("event_date", FundEventProblem.OFFER_DETAILS_MISSING)
    problem = check_reported_in_time(event_date, today)
    return Broken("event_date", problem) if problem else None


def check_covered(contact_group: int | None, is_member: bool) -> FundEventProblem | None:
    """§ 60: events are reported for a fund member in contact group 1."""
    if contact_group != FUND_CONTACT_GROUP:
        return FundEventProblem.NOT_CONTACT_GROUP_1
    if not is_member:
        return FundEventProblem.NOT_A_FUND_MEMBER
    return None


def check_not_attended(
    *,
    starts_at: datetime,
    interview_day: date,
    now: datetime,
    today: date,
    cancelled: bool,
    already_marked: bool,
    held_that_day: bool = False,
) -> FundEventProblem | None:
    """A summons is marked not attended once its interview has begun, once, and (§ 61) on the
    interview's day or the day after — for everyone, so the summons and the fund's event
    never disagree; not when the job centre recorded a held interview with the person that
    day (the duties count the summons attended then)."""
    if cancelled:
        return FundEventProblem.SUMMONS_CANCELLED
    if starts_at > now:
        return FundEventProblem.INTERVIEW_NOT_HELD_YET
    if already_marked:
        return FundEventProblem.NOT_ATTENDED_TWICE
    if held_that_day:
        return FundEventProblem.INTERVIEW_RECORDED_HELD
    return check_reported_in_time(interview_day, today)


def booking_missed_event_date(deadline: date) -> date:
    """A booking request not booked by its deadline (that day still in time) is missed on the
    day after."""
    return deadline + timedelta(days=1)


def booking_missed_in_time(deadline: date, today: date) -> bool:
    """Whether the missed booking can still be recorded today within § 61 (its day or the day
    after)."""
    return check_reported_in_time(booking_missed_event_date(deadline), today) is None
