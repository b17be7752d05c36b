"""Summons rules (jobnet.domain.summons): the time, the letter date, place, moves, cancellation."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from jobnet.domain.summons import (
    MAX_DAYS_AHEAD,
    Appointment,
    InterviewForm,
    SummonsProblem,
    SummonsStatus,
    check_appointment,
    check_change,
    check_letter_date,
    check_move,
    check_new_summons,
    is_upcoming,
)

CPH = ZoneInfo("Europe/Copenhagen")
NOW = datetime(2026, 10, 20, 10, 0, tzinfo=UTC)
TODAY = date(2026, 10, 20)
MEETING = Appointment(
    datetime(2026, 10, 26, 10, 0, tzinfo=CPH), InterviewForm.IN_PERSON, 45, place="Jobcentret"
)


def test_a_valid_summons_breaks_no_rule() -> None:
    assert (
        check_new_summons(MEETING, TODAY, contact_options="70 12 34 56", now=NOW, today=TODAY) == []
    )


@pytest.mark.parametrize(
    ("starts_at", "problem"),
    [
        (NOW, SummonsProblem.IN_THE_PAST),
        (NOW - timedelta(minutes=1), SummonsProblem.IN_THE_PAST),
        (NOW + timedelta(days=MAX_DAYS_AHEAD, seconds=1), SummonsProblem.TOO_FAR_AHEAD),
        (datetime(2026, 10, 26, 10, 0), SummonsProblem.NOT_AWARE),
    ],
)
def test_the_time_is_aware_and_in_the_future_within_a_year(
    starts_at: datetime, problem: SummonsProblem
) -> None:
    appointment = replace(MEETING, starts_at=starts_at)
    assert check_appointment(appointment, NOW) == [("starts_at", problem)]


def test_one_minute_ahead_and_a_year_ahead_are_allowed() -> None:
    for starts_at in (NOW + timedelta(minutes=1), NOW + timedelta(days=MAX_DAYS_AHEAD)):
        assert check_appointment(replace(MEETING, starts_at=starts_at), NOW) == []


def test_the_letter_is_not_dated_in_the_future() -> None:
    assert check_letter_date(TODAY, TODAY) == []
    assert check_letter_date(TODAY - timedelta(days=1), TODAY) == []
    assert check_letter_date(TODAY + timedelta(days=1), TODAY) == [
        ("letter_sent_date", SummonsProblem.LETTER_IN_THE_FUTURE)
    ]


@pytest.mark.parametrize(
    ("form", "field", "problem"),
    [
        (InterviewForm.IN_PERSON, "place", SummonsProblem.PLACE_MISSING),
        (InterviewForm.VIDEO, "join_details", SummonsProblem.JOIN_DETAILS_MISSING),
        (InterviewForm.DIGITAL, "join_details", SummonsProblem.JOIN_DETAILS_MISSING),
    ],
)
def test_place_or_how_to_join_is_needed(
    form: InterviewForm, field: str, problem: SummonsProblem
) -> None:
    appointment = Appointment(MEETING.starts_at, form, place=" ", join_details=None)
    assert (field, problem) in check_appointment(appointment, NOW)


def test_a_phone_interview_needs_neither() -> None:
    assert check_appointment(Appointment(MEETING.starts_at, InterviewForm.PHONE), NOW) == []


@pytest.mark.parametrize(("minutes", "ok"), [(5, True), (480, True), (4, False), (481, False)])
def test_duration(minutes: int, ok: bool) -> None:
    problems = check_appointment(replace(MEETING, duration_minutes=minutes), NOW)
    assert (problems == []) is ok


def test_a_move_needs_a_new_future_time_and_an_open_summons() -> None:
    later = replace(MEETING, starts_at=MEETING.starts_at + timedelta(days=2))
    args = {"now": NOW, "today": TODAY}
    assert check_move(SummonsStatus.ACTIVE, MEETING, later, TODAY, TODAY, **args) == []
    assert check_move(SummonsStatus.MOVED, MEETING, later, TODAY, TODAY, **args) == []
    assert check_move(SummonsStatus.ACTIVE, MEETING, MEETING, TODAY, TODAY, **args) == [
        ("starts_at", SummonsProblem.SAME_TIME)
    ]
    assert check_move(SummonsStatus.CANCELLED, MEETING, later, TODAY, TODAY, **args) == [
        ("summons_id", SummonsProblem.ALREADY_CANCELLED)
    ]
    past = replace(MEETING, starts_at=NOW - timedelta(hours=1))
    assert check_move(SummonsStatus.ACTIVE, MEETING, past, TODAY, TODAY, **args) == [
        ("starts_at", SummonsProblem.IN_THE_PAST)
    ]


def test_a_held_interview_cannot_be_moved_or_cancelled() -> None:
    held = NOW - timedelta(hours=1)
    assert check_change(SummonsStatus.ACTIVE, held, TODAY, TODAY, now=NOW, today=TODAY) == [
        ("summons_id", SummonsProblem.ALREADY_HELD)
    ]


def test_the_change_letter_is_not_before_the_summons_letter_nor_in_the_future() -> None:
    start = MEETING.starts_at
    kwargs = {"now": NOW, "today": TODAY}
    early = TODAY - timedelta(days=1)
    assert check_change(SummonsStatus.ACTIVE, start, early, TODAY, **kwargs) == [
        ("letter_sent_date", SummonsProblem.LETTER_TOO_EARLY)
    ]
    tomorrow = TODAY + timedelta(days=1)
    assert check_change(SummonsStatus.ACTIVE, start, tomorrow, TODAY, **kwargs) == [
        ("letter_sent_date", SummonsProblem.LETTER_IN_THE_FUTURE)
    ]


def test_upcoming_until_the_interview_has_ended() -> None:
    start = NOW - timedelta(minutes=30)
    assert is_upcoming(start, 45, NOW)
    assert not is_upcoming(start, 30, NOW)
