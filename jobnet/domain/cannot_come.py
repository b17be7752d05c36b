""" "I can't come": the person tells the job centre, before the interview starts, that they
cannot come to a summons, with a lawful reason and a note.

A notice belongs to the summons as it stands (its `sequence`): once given it is not given again
for the same time; when the job centre moves the summons, the person may give one for the new
time. Pure functions: no Flask, no database.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

MAX_NOTE_LENGTH = 500


class CannotComeReason(StrEnum):
    """Lawful reasons not to come to an interview (the common ones; "other" needs a note)."""

    SICKNESS = "sickness"
    JOB_INTERVIEW = "job_interview"
    WORK = "work"
    SICK_CHILD = "sick_child"
    OTHER = "other"


class CannotComeProblem(StrEnum):
    INTERVIEW_STARTED = "interview_started"
    SUMMONS_CANCELLED = "summons_cancelled"
    ALREADY_TOLD = "already_told"
    NOTE_TOO_LONG = "note_too_long"
    NOTE_REQUIRED = "note_required"


def check_cannot_come(
    *,
    reason: CannotComeReason,
    note: str | None,
    starts_at: datetime,
    now: datetime,
    cancelled: bool,
    told_for_this_time: bool,
) -> list[tuple[str, CannotComeProblem]]:
    """Every rule the notice breaks, as (field, problem); empty when it may be given."""
    problems: list[tuple[str, CannotComeProblem]] = []
    if cancelled:
        problems.append(("summons_id", CannotComeProblem.SUMMONS_CANCELLED))
    elif now >= starts_at:
        problems.append(("summons_id", CannotComeProblem.INTERVIEW_STARTED))
    elif told_for_this_time:
        problems.append(("summons_id", CannotComeProblem.ALREADY_TOLD))
    text = (note or "").strip()
    if len(text) > MAX_NOTE_LENGTH:
        problems.append(("note", CannotComeProblem.NOTE_TOO_LONG))
    elif reason == CannotComeReason.OTHER and not text:
        problems.append(("note", CannotComeProblem.NOTE_REQUIRED))
    return problems
