"""Absences for the other Annex 1 reasons (registered by a job centre)."""

from __future__ import annotations

from datetime import date, timedelta

from jobnet.domain.absences import AbsenceProblem, AbsenceReason, Period, check_other_absence

DAY = date(2026, 3, 2)


def _check(
    reason: AbsenceReason = AbsenceReason.CIVIC_DUTY,
    last: date | None = DAY,
    *,
    group: int | None = 1,
    match: int | None = None,
    others: list[Period] | None = None,
) -> AbsenceProblem | None:
    return check_other_absence(
        reason, DAY, last, contact_group=group, match_group=match, other_absences=others or []
    )


def test_allowed_open_and_closed() -> None:
    assert _check() is None
    assert _check(last=None) is None
    assert _check(group=6) is None  # civic duty applies to sickness-benefit recipients too


def test_group_and_match_group_decide() -> None:
    assert _check(group=None) == AbsenceProblem.NOT_REGISTERED
    assert _check(AbsenceReason.OLDER_WORKER_JOB) == AbsenceProblem.REASON_NOT_ALLOWED
    assert _check(AbsenceReason.TEMPORARY_WORK, group=2, match=1) is None
    assert _check(AbsenceReason.TEMPORARY_WORK, group=2, match=2) == (
        AbsenceProblem.REASON_NOT_ALLOWED
    )


def test_end_before_start() -> None:
    assert _check(last=DAY - timedelta(days=1)) == AbsenceProblem.END_BEFORE_START


def test_short_maternity_is_at_most_14_days() -> None:
    reason = AbsenceReason.MATERNITY_SHORT
    assert _check(reason, DAY + timedelta(days=13)) is None
    assert _check(reason, DAY + timedelta(days=14)) == AbsenceProblem.MATERNITY_TOO_LONG
    assert _check(reason, None) == AbsenceProblem.MATERNITY_TOO_LONG


def test_overlaps_another_absence() -> None:
    open_sickness = Period(DAY - timedelta(days=3), None)
    assert _check(others=[open_sickness]) == AbsenceProblem.OVERLAPS
    earlier = Period(DAY - timedelta(days=3), DAY - timedelta(days=1))
    assert _check(others=[earlier]) is None
