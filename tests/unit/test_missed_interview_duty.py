"""A summons the job centre marked not attended is missed (issue 22 gap 1): at the boundaries of
its time, attended, not attended, cancelled; never "to do"; listed with the overdue ones; the
fund told only when DFDG sent it the no-show event; not in the job centre's attention list or
the open list."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from jobnet.domain.duties import (
    DutyFacts,
    DutyState,
    PlanVersionFact,
    SummonsFact,
    compute,
)
from jobnet.domain.duty_overview import attention
from jobnet.domain.duty_rules import DutyKind

REGISTERED = date(2026, 11, 2)
INTERVIEW_AT = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)  # 10:00 in Denmark, 30 minutes


def _facts(now: datetime, summons: tuple[SummonsFact, ...], group: int = 1) -> DutyFacts:
    return DutyFacts(
        today=now.date(),
        now=now,
        contact_group=group,
        registered_since=REGISTERED,
        group_since=REGISTERED,
        plan_versions=(PlanVersionFact(1, REGISTERED, 0, seen=True),),
        summons=summons,
    )


def _interview(now: datetime, group: int = 1, **fact: bool):
    found = compute(_facts(now, (SummonsFact("s1", INTERVIEW_AT, 30, **fact),), group))
    [duty] = [duty for duty in found.items if duty.kind == DutyKind.INTERVIEW]
    return duty, found


@pytest.mark.parametrize(
    ("now", "fact", "state"),
    [
        # Before its time: to do; marked not attended only once it has begun.
        (INTERVIEW_AT - timedelta(seconds=1), {}, DutyState.TO_DO),
        (INTERVIEW_AT + timedelta(minutes=29), {}, DutyState.TO_DO),
        # Marked while the interview's time still runs: missed at once.
        (INTERVIEW_AT + timedelta(minutes=5), {"not_attended": True}, DutyState.MISSED),
        # After its time: not marked, nothing more asked; marked, missed.
        (INTERVIEW_AT + timedelta(minutes=30), {}, DutyState.NOT_REQUIRED),
        (INTERVIEW_AT + timedelta(minutes=30), {"not_attended": True}, DutyState.MISSED),
        (INTERVIEW_AT + timedelta(days=30), {"not_attended": True}, DutyState.MISSED),
        # Attended (a held interview recorded that day) wins over a mark.
        (INTERVIEW_AT + timedelta(days=1), {"held": True}, DutyState.DONE),
        (INTERVIEW_AT + timedelta(days=1), {"held": True, "not_attended": True}, DutyState.DONE),
        # "I can't come" meets it, unless the job centre marked it not attended after all.
        (INTERVIEW_AT + timedelta(days=1), {"cannot_come": True}, DutyState.DONE),
        (
            INTERVIEW_AT + timedelta(days=1),
            {"cannot_come": True, "not_attended": True},
            DutyState.MISSED,
        ),
    ],
)
def test_a_summons_marked_not_attended_is_missed(
    now: datetime, fact: dict[str, bool], state: DutyState
) -> None:
    duty, _ = _interview(now, **fact)
    assert duty.state == state
    if state == DutyState.MISSED:
        assert not duty.cannot_come


def test_a_missed_interview_is_never_to_do_and_needs_no_attention() -> None:
    later = INTERVIEW_AT + timedelta(days=3)
    duty, found = _interview(later, not_attended=True)
    assert duty not in found.open
    assert attention(found, later.date(), later, kinds=(DutyKind.INTERVIEW,)) == []


def test_a_missed_interview_is_listed_with_the_overdue_ones() -> None:
    later = INTERVIEW_AT + timedelta(days=3)
    found = compute(
        _facts(
            later,
            (
                SummonsFact("coming", INTERVIEW_AT + timedelta(days=10), 30),
                SummonsFact("missed", INTERVIEW_AT, 30, not_attended=True),
            ),
        )
    )
    interviews = [duty.summons_id for duty in found.items if duty.kind == DutyKind.INTERVIEW]
    assert interviews == ["missed", "coming"]
    states = [duty.state for duty in found.items]
    # With the overdue (the CV here), before anything to do.
    assert states.index(DutyState.MISSED) < states.index(DutyState.TO_DO)
    assert set(states[: states.index(DutyState.MISSED)]) <= {DutyState.OVERDUE}


@pytest.mark.parametrize(
    ("group", "sent", "told"),
    [
        (1, True, True),
        # Contact group 1 but no fund's member when marked: no event, no fund told.
        (1, False, False),
        # The group changed since the interview: the event sent then still counts.
        (2, True, True),
        (None, False, False),
    ],
)
def test_the_fund_is_told_only_when_the_event_was_sent(
    group: int | None, sent: bool, told: bool
) -> None:
    later = INTERVIEW_AT + timedelta(days=1)
    duty, _ = _interview(later, group, not_attended=True, fund_told=sent)  # type: ignore[arg-type]
    assert (duty.state, duty.fund_told) == (DutyState.MISSED, told)


def test_an_attended_interview_never_says_the_fund_was_told() -> None:
    duty, _ = _interview(INTERVIEW_AT + timedelta(days=1), 1, held=True, fund_told=True)
    assert (duty.state, duty.fund_told) == (DutyState.DONE, False)


def test_a_cancelled_summons_is_no_duty() -> None:
    # DFDG passes no cancelled summons (the query leaves them out): none, no duty.
    found = compute(_facts(INTERVIEW_AT + timedelta(days=1), ()))
    assert [duty for duty in found.items if duty.kind == DutyKind.INTERVIEW] == []
