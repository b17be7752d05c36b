"""What a command still in the outbox changes in the situation the forms see."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest

from jobnet.clients.dfdg_client.commands import (
    HOLIDAY_CANCELLATION,
    Command,
    cancel_holiday_command,
    cancelled_absence_id,
    holiday_command,
)
from jobnet.web.journeys.situation import pending_changes


@pytest.mark.parametrize("absence_id", ["a1b2", "with/slash", "æøå"])
def test_a_cancellation_names_the_holiday_it_cancels(absence_id: str) -> None:
    command = cancel_holiday_command("person-1", absence_id, "REF")
    assert cancelled_absence_id(command.path) == absence_id


def test_other_paths_name_no_cancelled_holiday() -> None:
    assert cancelled_absence_id("/persons/p/absences") is None
    assert cancelled_absence_id("/persons/p/registrations/x/cancellation") is None


def _outboxed(command: Command, minutes: int, number: int) -> SimpleNamespace:
    """Stands in for the OutboxCommand row holding `command`."""
    return SimpleNamespace(
        kind=command.kind,
        body=command.body,
        path=command.path,
        created_at=datetime(2026, 12, 1, tzinfo=UTC) + timedelta(minutes=minutes),
        id=number,
    )


def test_changes_are_oldest_first_and_a_cancellation_carries_its_holiday() -> None:
    holiday = holiday_command("person-1", date(2027, 1, 4), date(2027, 1, 8), "R1")
    cancellation = cancel_holiday_command("person-1", "h-9", "R2")
    newer, older = _outboxed(cancellation, 5, 2), _outboxed(holiday, 1, 1)

    changes = pending_changes([newer, older])  # type: ignore[list-item]

    assert [kind for kind, _ in changes] == [holiday.kind, HOLIDAY_CANCELLATION]
    assert changes[1][1]["absence_id"] == "h-9"
    assert "absence_id" not in cancellation.body  # what DFDG is sent is unchanged
