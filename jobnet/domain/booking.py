"""Booking one's own interview (issue 22): the job centre's slots, the booking it asks a person
to make, and the person's booking and move.

- A slot is a time the job centre offers: when, how long, in person (a place) or by phone or
  video (how to join), and how many people it takes (its capacity, 1 to `MAX_CAPACITY`). Its
  appointment obeys the summons' rules (`jobnet.domain.summons.check_appointment`).
- A booking request is opened by a caseworker of the person's job centre: the interview's type
  and form, a deadline (today to `MAX_DEADLINE_DAYS` ahead) and the slots offered (at least one,
  the job centre's own, of the request's form, not yet started).
- The person books one offered slot with a free place until `CUTOFF_HOURS` before it starts,
  and may move to another offered free slot until `CUTOFF_HOURS` before the booked one starts.
  Booking after the deadline is still possible (the duty is then overdue). A slot never takes
  more people than its capacity: DFDG takes a place with one conditional update.
- Booking makes a summons (§ 27): the letter is dated the day of the booking, the contact
  options are the ones the caseworker gave when opening the request.
- A caseworker may withdraw a request that is not withdrawn already. Before it is booked that
  is all; once booked, withdrawing cancels the summons the booking made, by the summons' own
  rules (`jobnet.domain.summons.check_change`: not held yet, a letter dated today or
  yesterday), and gives the place back. A summons already cancelled on its own is left as it
  is.
- A slot can be taken off the job centre's list only while no one has booked it.

Pure functions: no Flask, no database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from jobnet.domain.summons import (
    Appointment,
    InterviewForm,
    SummonsStatus,
    check_appointment,
    check_change,
)

MIN_CAPACITY = 1
MAX_CAPACITY = 50
MAX_DEADLINE_DAYS = 90
MAX_OFFERED = 40
CUTOFF_HOURS = 24


class BookingStatus(StrEnum):
    OPEN = "open"  # not booked yet
    BOOKED = "booked"
    CANCELLED = "cancelled"


class BookingProblem(StrEnum):
    CAPACITY_OUT_OF_RANGE = "capacity_out_of_range"
    DEADLINE_IN_THE_PAST = "deadline_in_the_past"
    DEADLINE_TOO_FAR_AHEAD = "deadline_too_far_ahead"
    NO_SLOTS = "no_slots_offered"
    TOO_MANY_SLOTS = "too_many_slots_offered"
    SLOT_UNKNOWN = "slot_unknown"
    SLOT_WRONG_FORM = "slot_wrong_form"
    SLOT_STARTED = "slot_started"
    NOT_OFFERED = "slot_not_offered"
    SLOT_FULL = "slot_full"
    TOO_LATE = "too_late_to_book"
    TOO_LATE_TO_MOVE = "too_late_to_move"
    SAME_SLOT = "same_slot"
    CLOSED = "booking_cancelled"
    SLOT_BOOKED = "slot_has_bookings"
    LETTER_MISSING = "letter_sent_date_missing"


@dataclass(frozen=True)
class SlotFact:
    """A slot as the rules see it."""

    id: str
    starts_at: datetime
    form: InterviewForm
    capacity: int
    booked: int

    @property
    def free(self) -> int:
        return max(self.capacity - self.booked, 0)


def cutoff_of(starts_at: datetime) -> datetime:
    """The last moment a slot starting at `starts_at` may be booked, or moved away from."""
    return starts_at - timedelta(hours=CUTOFF_HOURS)


def check_slot(appointment: Appointment, capacity: int, now: datetime) -> list[tuple[str, StrEnum]]:
    """A new slot: the summons' rules for its appointment, and a capacity in range."""
    broken: list[tuple[str, StrEnum]] = list(check_appointment(appointment, now))
    if not MIN_CAPACITY <= capacity <= MAX_CAPACITY:
        broken.append(("capacity", BookingProblem.CAPACITY_OUT_OF_RANGE))
    return broken


def check_slot_removal(booked: int) -> list[tuple[str, BookingProblem]]:
    """A slot can be taken off the list only while nobody has booked it."""
    return [("slot_id", BookingProblem.SLOT_BOOKED)] if booked > 0 else []


@dataclass(frozen=True)
class BookedSummons:
    """The summons a booking made, as the withdrawal rules see it."""

    status: SummonsStatus
    starts_at: datetime
    created_letter: date


def check_withdrawal(
    status: BookingStatus,
    summons: BookedSummons | None,
    letter_sent: date | None,
    *,
    now: datetime,
    today: date,
) -> list[tuple[str, StrEnum]]:
    """A caseworker withdraws a booking request: not withdrawn already; a booked one's summons
    is cancelled by the summons' rules, with the date its letter is sent (none is needed when
    there is no summons, or it is cancelled already)."""
    if status == BookingStatus.CANCELLED:
        return [("booking_id", BookingProblem.CLOSED)]
    if summons is None or summons.status == SummonsStatus.CANCELLED:
        return []
    if letter_sent is None:
        return [("letter_sent_date", BookingProblem.LETTER_MISSING)]
    return list(
        check_change(
            summons.status,
            summons.starts_at,
            letter_sent,
            summons.created_letter,
            now=now,
            today=today,
        )
    )


def check_new_request(
    *,
    form: InterviewForm,
    deadline: date,
    slot_ids: list[str],
    slots: dict[str, SlotFact],
    today: date,
    now: datetime,
) -> list[tuple[str, BookingProblem]]:
    """A caseworker opens a booking: a deadline from today to `MAX_DEADLINE_DAYS` ahead, one to
    `MAX_OFFERED` slots, each the job centre's own (`slots`), of the request's form and not
    started."""
    broken: list[tuple[str, BookingProblem]] = []
    if deadline < today:
        broken.append(("deadline", BookingProblem.DEADLINE_IN_THE_PAST))
    elif deadline > today + timedelta(days=MAX_DEADLINE_DAYS):
        broken.append(("deadline", BookingProblem.DEADLINE_TOO_FAR_AHEAD))
    unique = list(dict.fromkeys(slot_ids))
    if not unique:
        broken.append(("slot_ids", BookingProblem.NO_SLOTS))
    elif len(unique) > MAX_OFFERED:
        broken.append(("slot_ids", BookingProblem.TOO_MANY_SLOTS))
    for slot_id in unique:
        slot = slots.get(slot_id)
        if slot is None:
            broken.append(("slot_ids", BookingProblem.SLOT_UNKNOWN))
        elif slot.form != form:
            broken.append(("slot_ids", BookingProblem.SLOT_WRONG_FORM))
        elif slot.starts_at <= now:
            broken.append(("slot_ids", BookingProblem.SLOT_STARTED))
    return list(dict.fromkeys(broken))


def check_booking(
    *,
    status: BookingStatus,
    chosen: SlotFact | None,
    offered: bool,
    current: SlotFact | None,
    now: datetime,
) -> list[tuple[str, BookingProblem]]:
    """The person books (or moves to) `chosen`: the request is not cancelled, the slot is one
    offered, it starts more than `CUTOFF_HOURS` from now and has a free place; a move also needs
    the booked slot (`current`) more than `CUTOFF_HOURS` away, and another slot. The free place
    is checked again by DFDG's conditional update, which decides when two people race."""
    if status == BookingStatus.CANCELLED:
        return [("booking_id", BookingProblem.CLOSED)]
    if chosen is None or not offered:
        return [("slot_id", BookingProblem.NOT_OFFERED)]
    if current is not None and current.id == chosen.id:
        return [("slot_id", BookingProblem.SAME_SLOT)]
    if current is not None and now >= cutoff_of(current.starts_at):
        return [("slot_id", BookingProblem.TOO_LATE_TO_MOVE)]
    if now >= cutoff_of(chosen.starts_at):
        return [("slot_id", BookingProblem.TOO_LATE)]
    if chosen.free <= 0:
        return [("slot_id", BookingProblem.SLOT_FULL)]
    return []


def may_move(current_starts_at: datetime, now: datetime) -> bool:
    return now < cutoff_of(current_starts_at)


def bookable(slot: SlotFact, now: datetime) -> bool:
    """A slot the person can pick now: a free place, and before its cut-off."""
    return slot.free > 0 and now < cutoff_of(slot.starts_at)
