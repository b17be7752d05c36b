"""A caseworker withdraws a booking request, and takes a slot off the list
(jobnet.domain.booking): before booking nothing more is asked; once booked, the summons'
cancel rules decide, at their boundaries (the interview's start, the letter's date)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from jobnet.domain.booking import (
    BookedSummons,
    BookingProblem,
    BookingStatus,
    check_slot_removal,
    check_withdrawal,
)
from jobnet.domain.summons import SummonsProblem, SummonsStatus

NOW = datetime(2026, 11, 23, 11, 0, tzinfo=UTC)
TODAY = date(2026, 11, 23)
STARTS = NOW + timedelta(days=7)


def _summons(status: SummonsStatus = SummonsStatus.ACTIVE, **kw: object) -> BookedSummons:
    values: dict = {"starts_at": STARTS, "created_letter": TODAY - timedelta(days=1), **kw}
    return BookedSummons(status=status, **values)


def _withdraw(status: BookingStatus, summons: BookedSummons | None, letter: date | None = TODAY):
    return check_withdrawal(status, summons, letter, now=NOW, today=TODAY)


def test_an_open_request_is_withdrawn_without_a_letter() -> None:
    assert _withdraw(BookingStatus.OPEN, None, None) == []


def test_a_withdrawn_request_is_not_withdrawn_again() -> None:
    assert _withdraw(BookingStatus.CANCELLED, None) == [("booking_id", BookingProblem.CLOSED)]
    assert _withdraw(BookingStatus.CANCELLED, _summons()) == [("booking_id", BookingProblem.CLOSED)]


def test_a_booked_request_needs_the_date_of_the_cancelling_letter() -> None:
    assert _withdraw(BookingStatus.BOOKED, _summons(), None) == [
        ("letter_sent_date", BookingProblem.LETTER_MISSING)
    ]
    assert _withdraw(BookingStatus.BOOKED, _summons()) == []


@pytest.mark.parametrize(
    ("letter", "problem"),
    [
        (TODAY + timedelta(days=1), SummonsProblem.LETTER_IN_THE_FUTURE),
        (TODAY, None),
        (TODAY - timedelta(days=1), None),
        (TODAY - timedelta(days=2), SummonsProblem.LETTER_TOO_FAR_BACK),
    ],
)
def test_the_cancelling_letter_is_dated_today_or_yesterday(letter: date, problem) -> None:
    found = _withdraw(BookingStatus.BOOKED, _summons(), letter)
    assert found == ([("letter_sent_date", problem)] if problem else [])


def test_the_cancelling_letter_is_not_dated_before_the_summons() -> None:
    found = _withdraw(BookingStatus.BOOKED, _summons(created_letter=TODAY), TODAY - timedelta(1))
    assert found == [("letter_sent_date", SummonsProblem.LETTER_TOO_EARLY)]


@pytest.mark.parametrize(
    ("starts_at", "held"),
    [(NOW + timedelta(seconds=1), False), (NOW, True), (NOW - timedelta(hours=1), True)],
)
def test_a_booked_interview_is_withdrawn_only_before_it_starts(starts_at: datetime, held) -> None:
    found = _withdraw(BookingStatus.BOOKED, _summons(starts_at=starts_at))
    assert found == ([("summons_id", SummonsProblem.ALREADY_HELD)] if held else [])


def test_a_summons_cancelled_on_its_own_needs_no_letter() -> None:
    assert _withdraw(BookingStatus.BOOKED, _summons(SummonsStatus.CANCELLED), None) == []


@pytest.mark.parametrize(("booked", "ok"), [(0, True), (1, False), (3, False)])
def test_a_slot_is_removed_only_while_no_one_has_booked_it(booked: int, ok: bool) -> None:
    assert check_slot_removal(booked) == ([] if ok else [("slot_id", BookingProblem.SLOT_BOOKED)])
