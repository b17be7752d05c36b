"""Which duties need the job centre's attention, at every boundary: a deadline eight, seven and
zero days ahead, overdue; at once; standing; "I can't come" before and after the interview;
narrowed by kind; the order of persons and the bound on how many are listed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from jobnet.domain.duties import (
    CvFact,
    DutyFacts,
    DutyState,
    PlanVersionFact,
    SummonsFact,
    compute,
)
from jobnet.domain.duty_overview import (
    MAX_LISTED,
    PersonAttention,
    attention,
    attention_until,
    listed,
)
from jobnet.domain.duty_rules import DutyKind

REGISTERED = date(2026, 11, 2)  # a Monday; the CV's deadline is 16 November
CV_DEADLINE = date(2026, 11, 16)


def _noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 11, 0, tzinfo=UTC)


def _facts(today: date, **overrides: object) -> DutyFacts:
    values: dict[str, object] = {
        "today": today,
        "now": _noon(today),
        "contact_group": 1,
        "registered_since": REGISTERED,
        "group_since": REGISTERED,
        # A plan read, asking for no applications: only what a test adds is due.
        "plan_versions": (PlanVersionFact(1, REGISTERED, 0, seen=True),),
    }
    values.update(overrides)
    return DutyFacts(**values)  # type: ignore[arg-type]


def _keys(today: date, kinds: tuple[DutyKind, ...] = (), **overrides: object) -> list[str]:
    found = _facts(today, **overrides)
    return [duty.key for duty in attention(compute(found), today, found.now, kinds)]


@pytest.mark.parametrize(
    ("days_before", "listed_"),
    [(8, False), (7, True), (1, True), (0, True), (-1, True)],
)
def test_a_deadline_within_seven_days_or_overdue_needs_attention(
    days_before: int, listed_: bool
) -> None:
    today = CV_DEADLINE - timedelta(days=days_before)
    assert ("cv" in _keys(today)) is listed_
    assert attention_until(today) == today + timedelta(days=7)


def test_done_and_standing_duties_never_need_attention() -> None:
    searchable = CvFact(searchable=True, approval_status="approved")
    assert _keys(CV_DEADLINE, cv=searchable) == []  # the holiday duty is standing


def test_a_new_plan_to_read_needs_attention_at_once() -> None:
    unread = (PlanVersionFact(2, REGISTERED, 0, seen=False),)
    assert _keys(REGISTERED, plan_versions=unread) == ["plan:2"]


def test_a_job_log_week_short_of_applications_is_due_by_its_sunday_then_overdue() -> None:
    plan = (PlanVersionFact(1, REGISTERED, 2, seen=True),)
    cv = CvFact(searchable=True, approval_status="approved")
    monday = REGISTERED + timedelta(weeks=2)
    assert _keys(monday, plan_versions=plan, cv=cv)[-1] == "joblog:2026-W47"
    overdue = _keys(monday, plan_versions=plan, cv=cv)[:2]
    assert overdue == ["joblog:2026-W45", "joblog:2026-W46"]


def _summons(day: date, *, cannot_come: bool) -> tuple[SummonsFact, ...]:
    starts = datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC)
    return (SummonsFact("s1", starts, 30, cannot_come=cannot_come),)


def test_an_interview_within_a_week_needs_attention_one_further_off_does_not() -> None:
    cv = CvFact(searchable=True, approval_status="approved")
    today = date(2026, 11, 20)
    assert _keys(today, cv=cv, summons=_summons(today + timedelta(days=7), cannot_come=False))
    assert not _keys(today, cv=cv, summons=_summons(today + timedelta(days=8), cannot_come=False))


def test_i_cant_come_needs_attention_whatever_the_date_until_the_interview_starts() -> None:
    cv = CvFact(searchable=True, approval_status="approved")
    today = date(2026, 11, 20)
    far = today + timedelta(days=30)
    assert _keys(today, cv=cv, summons=_summons(far, cannot_come=True)) == ["interview:s1"]
    found = _facts(far, cv=cv, summons=_summons(far, cannot_come=True))
    after = datetime(far.year, far.month, far.day, 9, 1, tzinfo=UTC)
    assert attention(compute(found), far, after) == []


def test_narrowed_by_kind() -> None:
    unread = (PlanVersionFact(2, REGISTERED, 0, seen=False),)
    both = _keys(CV_DEADLINE, plan_versions=unread)
    assert set(both) == {"cv", "plan:2"}
    assert _keys(CV_DEADLINE, (DutyKind.PLAN,), plan_versions=unread) == ["plan:2"]
    assert _keys(CV_DEADLINE, (DutyKind.JOBLOG,), plan_versions=unread) == []


def _person(person_id: str, today: date, **overrides: object) -> PersonAttention:
    found = _facts(today, **overrides)
    duties = tuple(attention(compute(found), today, found.now))
    return PersonAttention(person_id, "Hansen", person_id, duties)


def test_overdue_persons_first_then_the_soonest_deadline_and_at_most_max_listed() -> None:
    today = CV_DEADLINE + timedelta(days=1)
    overdue = _person("a-overdue", today)
    assert overdue.overdue == 1 and overdue.duties[0].state == DutyState.OVERDUE
    soon = _person("b-soon", today, registered_since=today - timedelta(days=10))
    nothing = PersonAttention("c-nothing", "Hansen", "c", ())
    persons, total = listed([soon, nothing, overdue])
    assert [item.person_id for item in persons] == ["a-overdue", "b-soon"] and total == 2
    many = [_person(f"p{n:03d}", today) for n in range(MAX_LISTED + 5)]
    persons, total = listed(many)
    assert len(persons) == MAX_LISTED and total == MAX_LISTED + 5
