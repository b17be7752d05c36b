"""The rules of booking one's own interview (jobnet.domain.booking) and its duty
(jobnet.domain.duties), at every boundary: the cut-off, the deadline, capacity, a move."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from jobnet.domain.booking import (
    CUTOFF_HOURS,
    MAX_CAPACITY,
    MAX_DEADLINE_DAYS,
    BookingProblem,
    BookingStatus,
    SlotFact,
    bookable,
    check_booking,
    check_new_request,
    check_slot,
)
from jobnet.domain.duties import BookingFact, DutyFacts, DutyState, compute, starting
from jobnet.domain.duty_rules import DutyKind
from jobnet.domain.summons import Appointment, InterviewForm, SummonsProblem

NOW = datetime(2026, 11, 23, 11, 0, tzinfo=UTC)
TODAY = date(2026, 11, 23)
STARTS = NOW + timedelta(days=7)


def _slot(slot_id: str = "a", starts_at: datetime = STARTS, **overrides: object) -> SlotFact:
    values: dict = {"capacity": 1, "booked": 0, "form": InterviewForm.IN_PERSON, **overrides}
    return SlotFact(id=slot_id, starts_at=starts_at, **values)


def _book(chosen: SlotFact | None, current: SlotFact | None = None, now: datetime = NOW, **kw):
    return check_booking(
        status=kw.get("status", BookingStatus.OPEN),
        chosen=chosen,
        offered=kw.get("offered", chosen is not None),
        current=current,
        now=now,
    )


def test_a_free_offered_slot_before_its_cut_off_may_be_booked() -> None:
    assert _book(_slot()) == []


@pytest.mark.parametrize(
    ("before_start", "problem"),
    [
        (timedelta(hours=CUTOFF_HOURS, seconds=1), None),
        (timedelta(hours=CUTOFF_HOURS), BookingProblem.TOO_LATE),
        (timedelta(hours=CUTOFF_HOURS - 1), BookingProblem.TOO_LATE),
    ],
)
def test_the_cut_off_is_24_hours_before_the_slot(before_start: timedelta, problem) -> None:
    found = _book(_slot(), now=STARTS - before_start)
    assert found == ([] if problem is None else [("slot_id", problem)])


@pytest.mark.parametrize(
    ("capacity", "booked", "full"), [(1, 0, False), (1, 1, True), (3, 2, False), (3, 3, True)]
)
def test_a_slot_takes_no_more_than_its_capacity(capacity: int, booked: int, full: bool) -> None:
    found = _book(_slot(capacity=capacity, booked=booked))
    assert found == ([("slot_id", BookingProblem.SLOT_FULL)] if full else [])
    assert bookable(_slot(capacity=capacity, booked=booked), NOW) is not full


def test_a_move_needs_another_slot_and_the_booked_one_before_its_cut_off() -> None:
    booked = _slot("a")
    other = _slot("b", STARTS + timedelta(days=1))
    assert _book(other, booked) == []
    assert _book(booked, booked) == [("slot_id", BookingProblem.SAME_SLOT)]
    late = STARTS - timedelta(hours=CUTOFF_HOURS)
    assert _book(other, booked, now=late) == [("slot_id", BookingProblem.TOO_LATE_TO_MOVE)]
    assert _book(other, booked, now=late - timedelta(seconds=1)) == []


def test_a_slot_not_offered_or_a_cancelled_request_is_refused() -> None:
    assert _book(_slot(), offered=False) == [("slot_id", BookingProblem.NOT_OFFERED)]
    assert _book(None) == [("slot_id", BookingProblem.NOT_OFFERED)]
    cancelled = _book(_slot(), status=BookingStatus.CANCELLED)
    assert cancelled == [("booking_id", BookingProblem.CLOSED)]


def _request(deadline: date, ids: list[str], slots: dict[str, SlotFact]):
    return check_new_request(
        form=InterviewForm.IN_PERSON,
        deadline=deadline,
        slot_ids=ids,
        slots=slots,
        today=TODAY,
        now=NOW,
    )


@pytest.mark.parametrize(
    ("deadline", "problem"),
    [
        (TODAY - timedelta(days=1), BookingProblem.DEADLINE_IN_THE_PAST),
        (TODAY, None),
        (TODAY + timedelta(days=MAX_DEADLINE_DAYS), None),
        (TODAY + timedelta(days=MAX_DEADLINE_DAYS + 1), BookingProblem.DEADLINE_TOO_FAR_AHEAD),
    ],
)
def test_the_deadline_is_today_to_ninety_days_ahead(deadline: date, problem) -> None:
    found = _request(deadline, ["a"], {"a": _slot()})
    assert found == ([] if problem is None else [("deadline", problem)])


def test_the_offered_slots_are_the_job_centres_own_of_the_form_and_not_started() -> None:
    deadline = TODAY + timedelta(days=3)
    assert _request(deadline, [], {}) == [("slot_ids", BookingProblem.NO_SLOTS)]
    assert _request(deadline, ["x"], {}) == [("slot_ids", BookingProblem.SLOT_UNKNOWN)]
    phone = {"a": _slot(form=InterviewForm.PHONE)}
    assert _request(deadline, ["a"], phone) == [("slot_ids", BookingProblem.SLOT_WRONG_FORM)]
    started = {"a": _slot(starts_at=NOW)}
    assert _request(deadline, ["a"], started) == [("slot_ids", BookingProblem.SLOT_STARTED)]


@pytest.mark.parametrize(
    ("capacity", "ok"), [(0, False), (1, True), (MAX_CAPACITY, True), (MAX_CAPACITY + 1, False)]
)
def test_a_slot_has_a_capacity_in_range_and_the_summons_rules(capacity: int, ok: bool) -> None:
    appointment = Appointment(STARTS, InterviewForm.IN_PERSON, 30, place="Jobcenter")
    found = check_slot(appointment, capacity, NOW)
    assert found == ([] if ok else [("capacity", BookingProblem.CAPACITY_OUT_OF_RANGE)])
    without_place = Appointment(STARTS, InterviewForm.IN_PERSON, 30)
    assert check_slot(without_place, 1, NOW) == [("place", SummonsProblem.PLACE_MISSING)]


# --- the duty -----------------------------------------------------------------------------


def _duty(today: date, booked: bool = False, group: int | None = 1):
    deadline = date(2026, 11, 27)
    facts = DutyFacts(
        today=today,
        now=datetime(today.year, today.month, today.day, 11, tzinfo=UTC),
        contact_group=group,
        bookings=(BookingFact("b1", date(2026, 11, 23), deadline, booked=booked),),
    )
    [duty] = [d for d in compute(facts).items if d.kind == DutyKind.BOOKING]
    return duty


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (date(2026, 11, 26), DutyState.TO_DO),
        (date(2026, 11, 27), DutyState.TO_DO),
        (date(2026, 11, 28), DutyState.OVERDUE),
    ],
)
def test_the_booking_duty_is_overdue_the_day_after_its_deadline(today: date, state) -> None:
    duty = _duty(today)
    assert (duty.state, duty.deadline, duty.booking_id) == (state, date(2026, 11, 27), "b1")
    assert duty.rule.id == "interview_book"


@pytest.mark.parametrize("group", [None, 1, 2, 4, 8])
def test_a_booked_interview_is_done_in_every_contact_group(group: int | None) -> None:
    assert _duty(date(2026, 11, 28), booked=True, group=group).state == DutyState.DONE


def test_a_registration_does_not_start_a_booking_duty() -> None:
    kinds = [duty.kind for duty in starting(1, None, TODAY)]
    assert DutyKind.BOOKING not in kinds and DutyKind.INTERVIEW in kinds
