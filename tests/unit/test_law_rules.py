"""Issue 20, defects 1-7: the domain rules the law sets (jobnet.domain), one test per rule."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from jobnet.domain.appointment_time import repeated_hour
from jobnet.domain.interviews import InterviewProblem, check_held_interview
from jobnet.domain.joblog import Requirement, weekly_overview
from jobnet.domain.standing import (
    AfterDeregistration,
    CoverageProblem,
    GroupPeriod,
    absence_after_deregistration,
    check_absence_coverage,
    contact_group_since,
    is_registered_on,
    last_covered_day,
    period_covers,
    period_end_for_deregistration,
)
from jobnet.domain.summons import (
    Appointment,
    InterviewForm,
    SummonsProblem,
    SummonsStatus,
    check_letter_date,
    check_new_summons,
    is_cancelled_ahead,
    is_upcoming,
)

TODAY = date(2026, 12, 2)  # a Wednesday
CPH = ZoneInfo("Europe/Copenhagen")
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)


# -- 4: the deregistration day -------------------------------------------------------------------


def test_on_the_deregistration_day_the_person_is_no_longer_registered() -> None:
    start = date(2026, 11, 1)
    assert is_registered_on(TODAY - timedelta(days=1), start, TODAY)
    assert not is_registered_on(TODAY, start, TODAY)
    assert is_registered_on(TODAY, start, None)
    assert not is_registered_on(start - timedelta(days=1), start, None)


def test_the_contact_group_ends_the_day_before_or_is_withdrawn_on_its_first_day() -> None:
    start = date(2026, 11, 1)
    assert period_end_for_deregistration(start, TODAY) == TODAY - timedelta(days=1)
    assert period_end_for_deregistration(TODAY, TODAY) == TODAY
    assert not period_covers(TODAY, TODAY, TODAY, deregistered_from=TODAY)
    assert period_covers(TODAY, start, None)


# -- 1: absences within the registration and contact group ---------------------------------------


def test_the_last_covered_day_is_the_earlier_of_deregistration_and_group_end() -> None:
    assert last_covered_day(None, None) is None
    assert last_covered_day(TODAY, None) == TODAY - timedelta(days=1)
    assert last_covered_day(TODAY, date(2026, 11, 20)) == date(2026, 11, 20)


@pytest.mark.parametrize(
    ("first", "last", "problem"),
    [
        (date(2027, 1, 4), date(2027, 1, 8), CoverageProblem.AFTER_REGISTRATION),
        (date(2026, 12, 20), date(2027, 1, 1), CoverageProblem.AFTER_REGISTRATION),
        (date(2026, 12, 20), date(2026, 12, 31), None),
        (date(2026, 10, 20), date(2026, 10, 24), CoverageProblem.BEFORE_REGISTRATION),
    ],
)
def test_an_absence_lies_within_the_registration(
    first: date, last: date, problem: CoverageProblem | None
) -> None:
    # Registered from 1 November, deregistered from 1 January.
    covered = last_covered_day(date(2027, 1, 1), None)
    found = check_absence_coverage(
        first, last, registered_since=date(2026, 11, 1), covered_until=covered
    )
    assert found == problem


def test_deregistering_today_refuses_a_holiday_next_month() -> None:
    covered = last_covered_day(TODAY, None)
    problem = check_absence_coverage(
        date(2027, 1, 4), date(2027, 1, 8), registered_since=TODAY, covered_until=covered
    )
    assert problem == CoverageProblem.AFTER_REGISTRATION


@pytest.mark.parametrize(
    ("first", "last", "effect"),
    [
        (date(2026, 12, 10), date(2026, 12, 20), AfterDeregistration.KEEP),
        (date(2026, 12, 20), date(2027, 1, 5), AfterDeregistration.SHORTEN),
        (date(2027, 1, 1), date(2027, 1, 5), AfterDeregistration.END),
        (date(2027, 1, 10), date(2027, 1, 15), AfterDeregistration.END),
    ],
)
def test_a_deregistration_ends_the_absences_reaching_past_it(
    first: date, last: date, effect: AfterDeregistration
) -> None:
    assert absence_after_deregistration(first, last, date(2027, 1, 1)) == effect


# -- 3: a held interview within the current contact group ----------------------------------------


def test_a_new_match_group_does_not_begin_a_new_contact_group() -> None:
    periods = [
        GroupPeriod(8, date(2026, 1, 1), date(2026, 10, 31)),
        GroupPeriod(2, date(2026, 11, 1), date(2026, 11, 29)),
        GroupPeriod(2, date(2026, 11, 30), None),
    ]
    assert contact_group_since(periods, TODAY) == date(2026, 11, 1)
    assert contact_group_since(periods, date(2026, 6, 1)) == date(2026, 1, 1)
    assert contact_group_since([], TODAY) is None


def test_an_interview_before_the_contact_group_began_is_refused_as_such() -> None:
    def check(held_on: date, since: date | None, group: int | None = 1) -> object:
        return check_held_interview(
            held_on, TODAY, contact_group=group, group_since=since, match_group=None, agreement="x"
        )

    assert check(TODAY - timedelta(days=3), TODAY) == InterviewProblem.BEFORE_CONTACT_GROUP
    assert check(TODAY, TODAY) is None
    assert check(TODAY, None, None) == InterviewProblem.NOT_IN_A_CONTACT_GROUP


# -- 2: the summons letter date and contact options (§ 27) ---------------------------------------

MEETING = Appointment(
    datetime(2026, 12, 10, 10, 0, tzinfo=CPH), InterviewForm.IN_PERSON, 45, place="Jobcentret"
)


@pytest.mark.parametrize(
    ("letter", "problem"),
    [
        (date(1900, 1, 1), SummonsProblem.LETTER_TOO_FAR_BACK),
        (TODAY - timedelta(days=2), SummonsProblem.LETTER_TOO_FAR_BACK),
        (TODAY + timedelta(days=1), SummonsProblem.LETTER_IN_THE_FUTURE),
    ],
)
def test_the_letter_is_dated_the_day_it_is_recorded(letter: date, problem: str) -> None:
    assert check_letter_date(letter, TODAY) == [("letter_sent_date", problem)]


def test_today_and_yesterday_are_letter_dates() -> None:
    assert check_letter_date(TODAY, TODAY) == []
    assert check_letter_date(TODAY - timedelta(days=1), TODAY) == []


@pytest.mark.parametrize("contact", [None, "", "   "])
def test_a_summons_needs_the_contact_options(contact: str | None) -> None:
    problems = check_new_summons(MEETING, TODAY, contact_options=contact, now=NOW, today=TODAY)
    assert problems == [("contact_options", SummonsProblem.CONTACT_OPTIONS_MISSING)]


def test_a_summons_with_contact_options_and_todays_letter_is_valid() -> None:
    assert (
        check_new_summons(MEETING, TODAY, contact_options="70 12 34 56", now=NOW, today=TODAY) == []
    )


# -- 6: cancelled interviews are never upcoming --------------------------------------------------


def test_a_cancelled_interview_is_not_upcoming() -> None:
    starts = NOW + timedelta(days=3)
    assert is_upcoming(starts, 30, NOW, SummonsStatus.ACTIVE)
    assert not is_upcoming(starts, 30, NOW, SummonsStatus.CANCELLED)
    assert is_cancelled_ahead(starts, 30, NOW, SummonsStatus.CANCELLED)
    assert not is_cancelled_ahead(NOW - timedelta(days=3), 30, NOW, SummonsStatus.CANCELLED)
    assert not is_upcoming(NOW - timedelta(hours=1), 30, NOW, SummonsStatus.ACTIVE)


# -- 5: each week judged by the plan version in force then ---------------------------------------


def test_each_week_is_judged_by_the_version_in_force_on_its_monday() -> None:
    requirements = [Requirement(date(2026, 11, 10), 1), Requirement(date(2026, 11, 23), 3)]
    days = [date(2026, 11, 18), date(2026, 11, 25), date(2026, 11, 26), date(2026, 12, 1)]
    weeks = weekly_overview(days, TODAY, requirements=requirements, weeks=5)
    by_monday = {week.first_day: week for week in weeks}
    # Before the plan existed (and the week it was made on a Tuesday): no requirement.
    assert by_monday[date(2026, 11, 2)].required is None
    assert by_monday[date(2026, 11, 9)].required is None
    assert by_monday[date(2026, 11, 9)].met is None
    # Version 1 (one a week) judged the week of 16 November: met with one application.
    assert (by_monday[date(2026, 11, 16)].required, by_monday[date(2026, 11, 16)].met) == (1, True)
    # Version 2 (three a week) from 23 November: two are not enough.
    assert (by_monday[date(2026, 11, 23)].required, by_monday[date(2026, 11, 23)].met) == (3, False)


def test_the_current_week_says_how_many_are_still_needed() -> None:
    weeks = weekly_overview([TODAY], TODAY, requirements=[Requirement(date(2026, 1, 1), 3)])
    this = weeks[0]
    assert this.current
    assert this.met is None
    assert this.still_needed == 2
    done = weekly_overview([TODAY] * 3, TODAY, requirements=[Requirement(date(2026, 1, 1), 3)])
    assert (done[0].met, done[0].still_needed) == (True, 0)


# -- 7: the hour that happens twice ------------------------------------------------------------


def test_the_repeated_hour_is_told_apart() -> None:
    first = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 summer time
    second = first + timedelta(hours=1)  # 02:30 winter time
    assert (repeated_hour(first), repeated_hour(second)) == (1, 2)
    assert repeated_hour(first - timedelta(hours=1)) is None
    assert repeated_hour(NOW) is None
