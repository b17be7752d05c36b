"""The letters a person gets from the job centre, and their kinds. A summons, its move and its
cancellation are each recorded the day their letter is sent (§ 27(2)-(3)), so each entry of a
summons' change history is one letter; each version of the plan is one letter too. A booking
request the job centre withdraws before it was booked is a letter on the day it is withdrawn
(the person was asked to book; now they are told they need not): withdrawn once booked, the
summons' cancellation is the letter."""

from __future__ import annotations

from enum import StrEnum

from jobnet.domain.summons import ChangeKind


class LetterKind(StrEnum):
    SUMMONS = "summons"
    SUMMONS_MOVED = "summons_moved"
    SUMMONS_CANCELLED = "summons_cancelled"
    PLAN = "plan"
    PLAN_REVISED = "plan_revised"
    BOOKING_WITHDRAWN = "booking_withdrawn"


_OF_CHANGE = {
    ChangeKind.CREATED: LetterKind.SUMMONS,
    ChangeKind.MOVED: LetterKind.SUMMONS_MOVED,
    ChangeKind.CANCELLED: LetterKind.SUMMONS_CANCELLED,
}


def summons_letter_kind(change_kind: str) -> LetterKind:
    """The letter a change of a summons was sent as."""
    try:
        return _OF_CHANGE[ChangeKind(change_kind)]
    except (ValueError, KeyError):
        return LetterKind.SUMMONS


def plan_letter_kind(version_number: int) -> LetterKind:
    """Version 1 is the plan as made; every later one a revision."""
    return LetterKind.PLAN if version_number == 1 else LetterKind.PLAN_REVISED
