"""Each change of a summons was a letter of its own kind; plan version 1 is the plan as made."""

from __future__ import annotations

from jobnet.domain.letters import LetterKind, plan_letter_kind, summons_letter_kind


def test_a_summons_change_is_a_letter_of_its_kind() -> None:
    assert summons_letter_kind("created") is LetterKind.SUMMONS
    assert summons_letter_kind("moved") is LetterKind.SUMMONS_MOVED
    assert summons_letter_kind("cancelled") is LetterKind.SUMMONS_CANCELLED
    assert summons_letter_kind("something new") is LetterKind.SUMMONS


def test_the_first_plan_version_is_the_plan_and_later_ones_revisions() -> None:
    assert plan_letter_kind(1) is LetterKind.PLAN
    assert plan_letter_kind(2) is LetterKind.PLAN_REVISED
    assert plan_letter_kind(7) is LetterKind.PLAN_REVISED
