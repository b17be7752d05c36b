"""The rules of § 8 and Annex 1 at their edges."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from jobnet.domain.absences import (
    AbsenceProblem,
    AbsenceReason,
    Period,
    check_holiday,
    check_recovery,
    check_sickness,
    holiday_can_be_cancelled,
    reason_allowed,
)
from jobnet.domain.clock import today_in_denmark
from jobnet.domain.jobseeker import (
    DeregistrationReason,
    RegistrationProblem,
    UnemploymentDegree,
    check_deregistration_date,
    check_job_titles,
    check_other_reason,
    check_weekly_hours,
    clean_job_titles,
)

TODAY = date(2026, 11, 22)
LONG_AGO = date(2025, 1, 1)


@pytest.mark.parametrize(
    ("days_ahead", "problem"),
    [
        (-1, RegistrationProblem.DATE_IN_THE_PAST),
        (0, None),
        (1, None),
        (90, None),
        (91, RegistrationProblem.DATE_TOO_FAR_AHEAD),
    ],
)
def test_deregistration_window(days_ahead: int, problem: RegistrationProblem | None) -> None:
    when = TODAY + timedelta(days=days_ahead)
    assert check_deregistration_date(when, TODAY, LONG_AGO) == problem


def test_deregistration_needs_a_registration_and_not_before_it() -> None:
    assert check_deregistration_date(TODAY, TODAY, None) == RegistrationProblem.NOT_REGISTERED
    future_start = TODAY + timedelta(days=10)
    assert (
        check_deregistration_date(TODAY + timedelta(days=5), TODAY, future_start)
        == RegistrationProblem.BEFORE_REGISTRATION
    )


def test_other_reason_needs_text() -> None:
    assert (
        check_other_reason(DeregistrationReason.OTHER, " ")
        == RegistrationProblem.OTHER_REASON_MISSING
    )
    assert (
        check_other_reason(DeregistrationReason.OTHER, "x" * 501)
        == RegistrationProblem.OTHER_REASON_TOO_LONG
    )
    assert check_other_reason(DeregistrationReason.OTHER, "Flytter til Grønland") is None
    assert check_other_reason(DeregistrationReason.EDUCATION, None) is None


def test_job_titles_one_to_five_without_repeats() -> None:
    assert clean_job_titles([" Tømrer ", "tømrer", "", "Murer"]) == ["Tømrer", "Murer"]
    assert check_job_titles([]) == RegistrationProblem.NO_JOB_TITLES
    assert check_job_titles(["a"] * 5) is None
    assert check_job_titles([str(i) for i in range(6)]) == RegistrationProblem.TOO_MANY_JOB_TITLES
    assert check_job_titles(["x" * 101]) == RegistrationProblem.JOB_TITLE_TOO_LONG


@pytest.mark.parametrize(
    ("degree", "hours", "problem"),
    [
        (UnemploymentDegree.FULL_TIME, None, None),
        (UnemploymentDegree.PART_TIME, None, RegistrationProblem.HOURS_MISSING),
        (UnemploymentDegree.PART_TIME, 0, RegistrationProblem.HOURS_OUT_OF_RANGE),
        (UnemploymentDegree.PART_TIME, 1, None),
        (UnemploymentDegree.PART_TIME, 36, None),
        (UnemploymentDegree.PART_TIME, 37, RegistrationProblem.HOURS_OUT_OF_RANGE),
    ],
)
def test_weekly_hours(degree, hours, problem) -> None:  # type: ignore[no-untyped-def]
    assert check_weekly_hours(degree, hours) == problem


# Annex 1: (reason, contact group, match group) -> allowed
ANNEX_CASES = [
    *[
        (AbsenceReason.SICKNESS, g, m, True)
        for g, m in [
            (1, None),
            (2, 1),
            (2, 2),
            (2, 3),
            (3, 1),
            (3, 3),
            (4, None),
            (5, None),
            (7, None),
            (8, None),
        ]
    ],
    (AbsenceReason.SICKNESS, 6, None, False),
    *[
        (AbsenceReason.HOLIDAY, g, m, True)
        for g, m in [(1, None), (2, 1), (2, 2), (2, 3), (3, 1), (7, None), (8, None)]
    ],
    (AbsenceReason.HOLIDAY, 3, 2, False),
    (AbsenceReason.HOLIDAY, 3, 3, False),
    (AbsenceReason.HOLIDAY, 4, None, False),
    (AbsenceReason.HOLIDAY, 5, None, False),
    (AbsenceReason.HOLIDAY, 6, None, False),
    *[(AbsenceReason.CIVIC_DUTY, g, (1 if g in (2, 3) else None), True) for g in range(1, 9)],
    (AbsenceReason.TEMPORARY_WORK, 2, 1, True),
    (AbsenceReason.TEMPORARY_WORK, 2, 2, False),
    (AbsenceReason.TEMPORARY_WORK, 8, None, False),
    (AbsenceReason.OLDER_WORKER_JOB, 8, None, True),
    (AbsenceReason.OLDER_WORKER_JOB, 1, None, False),
    (AbsenceReason.MILITARY_SERVICE, 2, 3, False),
    (AbsenceReason.MILITARY_SERVICE, 7, None, True),
    (AbsenceReason.SICKNESS, None, None, False),
]


@pytest.mark.parametrize(("reason", "group", "match", "allowed"), ANNEX_CASES)
def test_annex_1(
    reason: AbsenceReason, group: int | None, match: int | None, allowed: bool
) -> None:
    assert reason_allowed(reason, group, match) is allowed


def _sickness(
    first_day: date, group: int = 1, match: int | None = None, open_sickness: bool = False
):  # type: ignore[no-untyped-def]
    return check_sickness(
        first_day,
        TODAY,
        contact_group=group,
        match_group=match,
        registered_since=date(2026, 10, 1),
        open_sickness=open_sickness,
    )


def test_sickness_edges() -> None:
    assert _sickness(TODAY) is None
    assert _sickness(TODAY - timedelta(days=1)) is None
    assert _sickness(TODAY + timedelta(days=1)) == AbsenceProblem.IN_THE_FUTURE
    assert _sickness(date(2026, 10, 1)) is None
    assert _sickness(date(2026, 9, 30)) == AbsenceProblem.BEFORE_REGISTRATION
    assert _sickness(TODAY, group=6) == AbsenceProblem.SICKNESS_BENEFIT_RECIPIENT
    assert _sickness(TODAY, open_sickness=True) == AbsenceProblem.ALREADY_SICK
    assert (
        check_sickness(
            TODAY,
            TODAY,
            contact_group=None,
            match_group=None,
            registered_since=None,
            open_sickness=False,
        )
        == AbsenceProblem.NOT_REGISTERED
    )


def test_recovery_edges() -> None:
    sick = date(2026, 11, 10)
    assert check_recovery(sick, TODAY, sick_since=sick) is None
    assert check_recovery(TODAY, TODAY, sick_since=sick) is None
    assert (
        check_recovery(sick - timedelta(days=1), TODAY, sick_since=sick)
        == AbsenceProblem.BEFORE_SICKNESS
    )
    assert (
        check_recovery(TODAY + timedelta(days=1), TODAY, sick_since=sick)
        == AbsenceProblem.IN_THE_FUTURE
    )
    assert check_recovery(TODAY, TODAY, sick_since=None) == AbsenceProblem.NOT_SICK


def _holiday(
    first: date,
    last: date,
    others: list[Period] | None = None,
    group: int = 1,
    match: int | None = None,
):  # type: ignore[no-untyped-def]
    return check_holiday(
        first,
        last,
        TODAY,
        contact_group=group,
        match_group=match,
        registered_since=date(2026, 1, 1),
        other_absences=others or [],
    )


def test_holiday_edges() -> None:
    tomorrow = TODAY + timedelta(days=1)
    assert _holiday(tomorrow, tomorrow) is None
    assert _holiday(TODAY, tomorrow) == AbsenceProblem.HOLIDAY_STARTED
    assert _holiday(tomorrow + timedelta(days=3), tomorrow) == AbsenceProblem.END_BEFORE_START
    assert _holiday(tomorrow, tomorrow, group=3, match=2) == AbsenceProblem.REASON_NOT_ALLOWED
    assert _holiday(tomorrow, tomorrow, group=4) == AbsenceProblem.REASON_NOT_ALLOWED


@pytest.mark.parametrize(
    ("other", "overlaps"),
    [
        (Period(date(2026, 12, 1), date(2026, 12, 5)), True),  # same days
        (Period(date(2026, 11, 25), date(2026, 12, 1)), True),  # ends on our first day
        (Period(date(2026, 12, 5), date(2026, 12, 9)), True),  # starts on our last day
        (Period(date(2026, 11, 25), None), True),  # open sickness
        (Period(date(2026, 11, 25), date(2026, 11, 30)), False),  # ends the day before
        (Period(date(2026, 12, 6), date(2026, 12, 9)), False),  # starts the day after
    ],
)
def test_holiday_overlaps(other: Period, overlaps: bool) -> None:
    result = _holiday(date(2026, 12, 1), date(2026, 12, 5), [other])
    assert (result == AbsenceProblem.OVERLAPS) is overlaps


def test_holiday_can_be_cancelled_until_it_starts() -> None:
    assert holiday_can_be_cancelled(TODAY + timedelta(days=1), TODAY)
    assert not holiday_can_be_cancelled(TODAY, TODAY)


def test_today_is_the_danish_date() -> None:
    # 23:30 UTC on 22 November is already 23 November in Copenhagen (UTC+1).
    assert today_in_denmark(datetime(2026, 11, 22, 23, 30, tzinfo=UTC)) == date(2026, 11, 23)
