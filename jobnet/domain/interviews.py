"""Held interviews (§ 14): recorded at most 7 days back, never ahead; the match group, for the
contact groups that have one, takes effect from the interview's date."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from jobnet.domain.codes import has_match_group

MAX_DAYS_BACK = 7
MAX_AGREEMENT_LENGTH = 2000


class InterviewProblem(StrEnum):
    IN_THE_FUTURE = "interview_in_the_future"
    TOO_FAR_BACK = "interview_too_far_back"
    NOT_IN_A_CONTACT_GROUP = "not_in_a_contact_group"
    BEFORE_CONTACT_GROUP = "interview_before_contact_group"
    MATCH_GROUP_MISSING = "match_group_missing"
    MATCH_GROUP_NOT_ALLOWED = "match_group_not_allowed"
    AGREEMENT_MISSING = "agreement_missing"
    AGREEMENT_TOO_LONG = "agreement_too_long"


def earliest_interview_date(today: date) -> date:
    return today - timedelta(days=MAX_DAYS_BACK)


def check_interview_date(held_on: date, today: date) -> InterviewProblem | None:
    if held_on > today:
        return InterviewProblem.IN_THE_FUTURE
    if held_on < earliest_interview_date(today):
        return InterviewProblem.TOO_FAR_BACK
    return None


def check_within_contact_group(held_on: date, group_since: date | None) -> InterviewProblem | None:
    """§ 13-14: an interview is recorded for a person in a contact group, so it cannot be dated
    before the day their current contact group began (`group_since`; None: in no group)."""
    if group_since is None:
        return InterviewProblem.NOT_IN_A_CONTACT_GROUP
    if held_on < group_since:
        return InterviewProblem.BEFORE_CONTACT_GROUP
    return None


def check_match_group(
    contact_group: int | None, match_group: int | None
) -> InterviewProblem | None:
    if contact_group is None:
        return InterviewProblem.NOT_IN_A_CONTACT_GROUP
    if has_match_group(contact_group) and match_group is None:
        return InterviewProblem.MATCH_GROUP_MISSING
    if not has_match_group(contact_group) and match_group is not None:
        return InterviewProblem.MATCH_GROUP_NOT_ALLOWED
    return None


def check_agreement(agreement: str | None) -> InterviewProblem | None:
    if not agreement or not agreement.strip():
        return InterviewProblem.AGREEMENT_MISSING
    if len(agreement) > MAX_AGREEMENT_LENGTH:
        return InterviewProblem.AGREEMENT_TOO_LONG
    return None


def check_held_interview(
    held_on: date,
    today: date,
    *,
    contact_group: int | None,
    group_since: date | None,
    match_group: int | None,
    agreement: str | None,
) -> InterviewProblem | None:
    return (
        check_interview_date(held_on, today)
        or check_within_contact_group(held_on, group_since if contact_group else None)
        or check_match_group(contact_group, match_group)
        or check_agreement(agreement)
    )
