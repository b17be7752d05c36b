from datetime import date, timedelta

import pytest

from jobnet.domain.interviews import InterviewProblem, check_held_interview

TODAY = date(2026, 11, 22)
GROUP_SINCE = TODAY - timedelta(days=30)


@pytest.mark.parametrize(
    ("days_back", "problem"),
    [
        (-1, InterviewProblem.IN_THE_FUTURE),
        (0, None),
        (7, None),
        (8, InterviewProblem.TOO_FAR_BACK),
    ],
)
def test_interview_date_window(days_back: int, problem: InterviewProblem | None) -> None:
    held_on = TODAY - timedelta(days=days_back)
    result = check_held_interview(
        held_on, TODAY, contact_group=1, group_since=GROUP_SINCE, match_group=None, agreement="x"
    )
    assert result == problem


@pytest.mark.parametrize(
    ("group", "match", "problem"),
    [
        (2, None, InterviewProblem.MATCH_GROUP_MISSING),
        (2, 3, None),
        (3, 1, None),
        (1, 2, InterviewProblem.MATCH_GROUP_NOT_ALLOWED),
        (None, None, InterviewProblem.NOT_IN_A_CONTACT_GROUP),
    ],
)
def test_match_group_only_for_groups_2_and_3(
    group: int | None, match: int | None, problem: InterviewProblem | None
) -> None:
    result = check_held_interview(
        TODAY, TODAY, contact_group=group, group_since=GROUP_SINCE, match_group=match, agreement="x"
    )
    assert result == problem


def test_agreement_is_required_and_bounded() -> None:
    check = check_held_interview
    assert (
        check(
            TODAY, TODAY, contact_group=1, group_since=GROUP_SINCE, match_group=None, agreement=" "
        )
        == InterviewProblem.AGREEMENT_MISSING
    )
    assert (
        check(
            TODAY,
            TODAY,
            contact_group=1,
            group_since=GROUP_SINCE,
            match_group=None,
            agreement="x" * 2001,
        )
        == InterviewProblem.AGREEMENT_TOO_LONG
    )
