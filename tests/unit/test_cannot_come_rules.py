"""The rules of "I can't come": before the interview starts, once for each time, a note for
"other" and at most 500 characters."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from jobnet.domain.cannot_come import (
    MAX_NOTE_LENGTH,
    CannotComeProblem,
    CannotComeReason,
    check_cannot_come,
)

STARTS = datetime(2026, 12, 10, 9, 0, tzinfo=UTC)


def _check(**overrides: object) -> list[tuple[str, CannotComeProblem]]:
    values: dict[str, object] = {
        "reason": CannotComeReason.SICKNESS,
        "note": None,
        "starts_at": STARTS,
        "now": STARTS - timedelta(days=1),
        "cancelled": False,
        "told_for_this_time": False,
    }
    values.update(overrides)
    return check_cannot_come(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("now", "problems"),
    [
        (STARTS - timedelta(seconds=1), []),
        (STARTS, [("summons_id", CannotComeProblem.INTERVIEW_STARTED)]),
        (STARTS + timedelta(minutes=5), [("summons_id", CannotComeProblem.INTERVIEW_STARTED)]),
    ],
)
def test_only_before_the_interview_starts(now: datetime, problems: list[object]) -> None:
    assert _check(now=now) == problems


def test_not_for_a_cancelled_summons_and_once_for_each_time() -> None:
    assert _check(cancelled=True) == [("summons_id", CannotComeProblem.SUMMONS_CANCELLED)]
    assert _check(told_for_this_time=True) == [("summons_id", CannotComeProblem.ALREADY_TOLD)]


def test_the_note() -> None:
    assert _check(reason=CannotComeReason.OTHER) == [("note", CannotComeProblem.NOTE_REQUIRED)]
    assert _check(reason=CannotComeReason.OTHER, note="  ") == [
        ("note", CannotComeProblem.NOTE_REQUIRED)
    ]
    assert _check(reason=CannotComeReason.OTHER, note="Begravelse") == []
    assert _check(note="n" * MAX_NOTE_LENGTH) == []
    assert _check(note="n" * (MAX_NOTE_LENGTH + 1)) == [("note", CannotComeProblem.NOTE_TOO_LONG)]
