"""A person's duties, at every boundary: the day before, on and after each deadline; each
contact group; a plan revised in the middle of a week; a rule changed by a new dated row."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from jobnet.domain.duties import (
    BookingFact,
    CvFact,
    CvProblem,
    DutyFacts,
    DutyState,
    HolidayFact,
    PlanVersionFact,
    SummonsFact,
    compute,
    version_in_force,
)
from jobnet.domain.duty_rules import RULES, Consequence, DutyKind, DutyRule, rule_for

REGISTERED = date(2026, 11, 2)  # a Monday (ISO week 45)
CV_DEADLINE = date(2026, 11, 16)  # two weeks later


def _noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 11, 0, tzinfo=UTC)  # 12:00 in Denmark


def facts(today: date, **overrides: object) -> DutyFacts:
    values: dict[str, object] = {
        "today": today,
        "now": _noon(today),
        "contact_group": 1,
        "registered_since": REGISTERED,
        "group_since": REGISTERED,
    }
    values.update(overrides)
    return DutyFacts(**values)  # type: ignore[arg-type]


def _of(kind: DutyKind, found: DutyFacts) -> list:
    return [duty for duty in compute(found).items if duty.kind == kind]


def _cv(today: date, cv: CvFact | None = None, **overrides: object):
    [duty] = _of(DutyKind.CV, facts(today, cv=cv, **overrides))
    return duty


# --- CV -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (CV_DEADLINE - timedelta(days=1), DutyState.TO_DO),
        (CV_DEADLINE, DutyState.TO_DO),
        (CV_DEADLINE + timedelta(days=1), DutyState.OVERDUE),
    ],
)
def test_the_cv_is_due_two_weeks_after_the_registration(today: date, state: DutyState) -> None:
    duty = _cv(today)
    assert (duty.state, duty.deadline, duty.cv_problem) == (state, CV_DEADLINE, CvProblem.NO_CV)
    assert duty.begins == REGISTERED
    assert duty.rule.consequence == Consequence.BENEFIT_STOPPED


def test_a_searchable_cv_is_done_and_waits_for_the_approval() -> None:
    waiting = _cv(CV_DEADLINE + timedelta(days=1), CvFact(True, "not_assessed"))
    assert (waiting.state, waiting.awaiting_approval, waiting.cv_problem) == (
        DutyState.DONE,
        True,
        None,
    )
    approved = _cv(CV_DEADLINE + timedelta(days=1), CvFact(True, "approved"))
    assert (approved.state, approved.awaiting_approval) == (DutyState.DONE, False)


def test_a_cv_not_searchable_is_to_do_until_the_deadline() -> None:
    duty = _cv(CV_DEADLINE, CvFact(False, "not_assessed"))
    assert (duty.state, duty.cv_problem) == (DutyState.TO_DO, CvProblem.NOT_SEARCHABLE)


def test_an_approved_cv_taken_off_the_search_is_a_duty_again_and_overdue_after_the_deadline() -> (
    None
):
    duty = _cv(CV_DEADLINE + timedelta(days=30), CvFact(False, "approved"))
    assert (duty.state, duty.cv_problem) == (DutyState.OVERDUE, CvProblem.NOT_SEARCHABLE)


def test_a_cv_not_approved_is_a_duty_even_when_searchable() -> None:
    duty = _cv(CV_DEADLINE, CvFact(True, "not_approved"))
    assert (duty.state, duty.cv_problem) == (DutyState.TO_DO, CvProblem.NOT_APPROVED)


def test_no_cv_duty_without_a_registration() -> None:
    assert _of(DutyKind.CV, facts(CV_DEADLINE, registered_since=None)) == []


# --- contact groups -------------------------------------------------------------------------


def _kinds(found: DutyFacts) -> set[DutyKind]:
    return {duty.kind for duty in compute(found).items}


ALL_KINDS = set(DutyKind)
PLAN = (PlanVersionFact(1, REGISTERED, 3, seen=False),)
SUMMONS = (SummonsFact("s1", _noon(date(2026, 11, 20)), 30),)
BOOKINGS = (BookingFact("b1", date(2026, 11, 10), date(2026, 11, 13), booked=False),)


@pytest.mark.parametrize(
    ("group", "match", "kinds"),
    [
        (1, None, ALL_KINDS),
        (2, 1, {DutyKind.INTERVIEW, DutyKind.PLAN, DutyKind.HOLIDAY, DutyKind.BOOKING}),
        (2, 3, {DutyKind.INTERVIEW, DutyKind.PLAN, DutyKind.HOLIDAY, DutyKind.BOOKING}),
        (3, 1, {DutyKind.INTERVIEW, DutyKind.PLAN, DutyKind.HOLIDAY, DutyKind.BOOKING}),
        (3, 2, {DutyKind.INTERVIEW, DutyKind.PLAN, DutyKind.BOOKING}),
        (4, None, {DutyKind.INTERVIEW, DutyKind.PLAN, DutyKind.BOOKING}),
        (5, None, {DutyKind.INTERVIEW, DutyKind.PLAN, DutyKind.BOOKING}),
        (6, None, {DutyKind.INTERVIEW, DutyKind.PLAN, DutyKind.BOOKING}),
        (7, None, {DutyKind.INTERVIEW, DutyKind.PLAN, DutyKind.HOLIDAY, DutyKind.BOOKING}),
        (8, None, {DutyKind.INTERVIEW, DutyKind.PLAN, DutyKind.HOLIDAY, DutyKind.BOOKING}),
    ],
)
def test_which_duties_each_contact_group_has(
    group: int, match: int | None, kinds: set[DutyKind]
) -> None:
    found = facts(
        date(2026, 11, 11),
        contact_group=group,
        match_group=match,
        plan_versions=PLAN,
        summons=SUMMONS,
        bookings=BOOKINGS,
    )
    assert _kinds(found) == kinds


def test_a_person_with_no_contact_group_and_no_registration_still_attends_a_summons() -> None:
    found = facts(
        date(2026, 11, 11),
        contact_group=None,
        registered_since=None,
        group_since=None,
        summons=SUMMONS,
    )
    assert _kinds(found) == {DutyKind.INTERVIEW}
    assert compute(found).next_begins is None


# --- job log --------------------------------------------------------------------------------


def _weeks(today: date, **overrides: object) -> dict[int, object]:
    found = facts(today, **{"plan_versions": PLAN, **overrides})
    return {duty.week_number: duty for duty in _of(DutyKind.JOBLOG, found)}


SUNDAY_45 = date(2026, 11, 8)


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (SUNDAY_45 - timedelta(days=1), DutyState.TO_DO),
        (SUNDAY_45, DutyState.TO_DO),
        (SUNDAY_45 + timedelta(days=1), DutyState.OVERDUE),
    ],
)
def test_a_week_is_in_time_until_its_sunday(today: date, state: DutyState) -> None:
    week = _weeks(today, applications={REGISTERED: 2})[45]
    assert (week.state, week.deadline, week.required, week.applications) == (
        state,
        SUNDAY_45,
        3,
        2,
    )


def test_applications_count_in_the_week_they_were_sent() -> None:
    sent = {SUNDAY_45: 3, SUNDAY_45 + timedelta(days=1): 1}
    weeks = _weeks(date(2026, 11, 10), applications=sent)
    assert (weeks[45].state, weeks[45].applications) == (DutyState.DONE, 3)
    assert (weeks[46].state, weeks[46].applications) == (DutyState.TO_DO, 1)


def test_a_plan_revised_in_the_middle_of_a_week_counts_from_the_next_monday() -> None:
    wednesday_46 = date(2026, 11, 11)
    versions = (
        PlanVersionFact(1, REGISTERED, 3, seen=True),
        PlanVersionFact(2, wednesday_46, 5, seen=False),
    )
    weeks = _weeks(date(2026, 11, 18), plan_versions=versions)
    assert (weeks[45].required, weeks[46].required, weeks[47].required) == (3, 3, 5)


def test_a_revision_on_a_monday_judges_that_week() -> None:
    monday_46 = date(2026, 11, 9)
    versions = (
        PlanVersionFact(1, REGISTERED, 3, seen=True),
        PlanVersionFact(2, monday_46, 1, seen=True),
    )
    weeks = _weeks(date(2026, 11, 10), plan_versions=versions, applications={monday_46: 1})
    assert (weeks[45].required, weeks[46].required, weeks[46].state) == (3, 1, DutyState.DONE)


def test_a_plan_lowered_to_no_applications_in_mid_week_still_judges_the_week_by_the_old() -> None:
    versions = (
        PlanVersionFact(1, REGISTERED, 3, seen=True),
        PlanVersionFact(2, date(2026, 11, 4), 0, seen=True),
    )
    weeks = _weeks(date(2026, 11, 10), plan_versions=versions)
    assert (weeks[45].state, weeks[46].state) == (DutyState.OVERDUE, DutyState.NOT_REQUIRED)


def test_without_a_plan_no_week_is_required_and_nothing_new_begins() -> None:
    found = facts(date(2026, 11, 10), plan_versions=())
    weeks = _of(DutyKind.JOBLOG, found)
    assert {week.state for week in weeks} == {DutyState.NOT_REQUIRED}
    assert compute(found).next_begins is None


def test_the_week_of_a_registration_after_its_monday_is_not_judged() -> None:
    wednesday = date(2026, 11, 4)
    weeks = _weeks(
        date(2026, 11, 10),
        registered_since=wednesday,
        group_since=wednesday,
        plan_versions=(PlanVersionFact(1, wednesday, 3, seen=True),),
    )
    assert sorted(weeks) == [46]


def test_only_the_last_twelve_weeks_are_judged() -> None:
    weeks = _weeks(date(2027, 3, 1))
    assert len(weeks) == 12


def test_when_this_week_is_done_the_next_begins_next_monday() -> None:
    found = facts(date(2026, 11, 4), plan_versions=PLAN, applications={REGISTERED: 3})
    duties = compute(found)
    assert duties.next_begins == date(2026, 11, 9)


def test_the_plan_version_in_force_is_the_newest_revised_on_or_before_the_day() -> None:
    versions = (
        PlanVersionFact(1, date(2026, 1, 5), 1, seen=True),
        PlanVersionFact(2, date(2026, 1, 7), 2, seen=True),
    )
    assert version_in_force(versions, date(2026, 1, 4)) is None
    assert version_in_force(versions, date(2026, 1, 6)).number == 1  # type: ignore[union-attr]
    assert version_in_force(versions, date(2026, 1, 7)).number == 2  # type: ignore[union-attr]


# --- interviews, plan, holidays -------------------------------------------------------------


INTERVIEW_AT = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)  # 10:00 in Denmark


@pytest.mark.parametrize(
    ("now", "held", "state"),
    [
        (INTERVIEW_AT - timedelta(days=1), False, DutyState.TO_DO),
        (INTERVIEW_AT - timedelta(seconds=1), False, DutyState.TO_DO),
        (INTERVIEW_AT + timedelta(minutes=29), False, DutyState.TO_DO),
        (INTERVIEW_AT + timedelta(minutes=30), False, DutyState.NOT_REQUIRED),
        (INTERVIEW_AT + timedelta(days=1), True, DutyState.DONE),
    ],
)
def test_a_summons_is_to_do_until_the_interview_ends(
    now: datetime, held: bool, state: DutyState
) -> None:
    summons = (SummonsFact("s1", INTERVIEW_AT, 30, held=held),)
    found = facts(now.date(), now=now, summons=summons)
    [duty] = _of(DutyKind.INTERVIEW, found)
    assert (duty.state, duty.deadline, duty.due_at, duty.summons_id) == (
        state,
        date(2026, 11, 20),
        INTERVIEW_AT,
        "s1",
    )


def test_a_new_plan_version_is_to_be_read_at_once_and_is_done_when_read() -> None:
    versions = (
        PlanVersionFact(1, REGISTERED, 3, seen=True),
        PlanVersionFact(2, date(2026, 11, 11), 3, seen=False),
    )
    [duty] = _of(DutyKind.PLAN, facts(date(2026, 11, 12), plan_versions=versions))
    assert (duty.state, duty.deadline, duty.plan_version) == (DutyState.TO_DO, None, 2)
    read = (versions[0], replace(versions[1], seen=True))
    [duty] = _of(DutyKind.PLAN, facts(date(2026, 11, 12), plan_versions=read))
    assert duty.state == DutyState.DONE


def test_holidays_are_reported_before_they_start() -> None:
    holidays = (
        HolidayFact("past", date(2026, 11, 3), date(2026, 11, 4)),
        HolidayFact("coming", date(2026, 12, 21), date(2026, 12, 31)),
    )
    found = _of(DutyKind.HOLIDAY, facts(date(2026, 11, 12), holidays=holidays))
    standing = next(duty for duty in found if duty.standing)
    assert (standing.state, standing.deadline) == (DutyState.TO_DO, None)
    reported = [duty for duty in found if not duty.standing]
    assert [(d.holiday_id, d.state, d.deadline) for d in reported] == [
        ("coming", DutyState.DONE, date(2026, 12, 20))
    ]


# --- order, rules as data --------------------------------------------------------------------


def test_overdue_first_then_at_once_then_soonest_and_standing_duties_are_not_open() -> None:
    found = facts(
        date(2026, 11, 17),
        plan_versions=(PlanVersionFact(1, REGISTERED, 1, seen=False),),
        applications={date(2026, 11, 10): 1},
        summons=(SummonsFact("s1", INTERVIEW_AT, 30),),
    )
    duties = compute(found)
    assert [duty.key for duty in duties.open] == [
        "joblog:2026-W45",  # overdue since Monday 9 November
        "cv",  # overdue since today
        "plan:1",  # at once
        "interview:s1",  # Friday 20 November
        "joblog:2026-W47",  # Sunday 22 November
    ]
    to_do = [duty.key for duty in duties.items if duty.state == DutyState.TO_DO]
    assert to_do[-1] == "holiday"  # standing: after every dated one
    assert duties.items[-1].state == DutyState.DONE


def test_a_change_of_law_is_a_new_row() -> None:
    old = next(rule for rule in RULES if rule.kind == DutyKind.CV)
    changed = date(2027, 1, 1)
    rules = (
        replace(old, effective_until=changed - timedelta(days=1)),
        DutyRule(
            id="cv_searchable_2027",
            kind=DutyKind.CV,
            contact_groups=frozenset({1}),
            effective_from=changed,
            days=21,
            consequence=Consequence.BENEFIT_STOPPED,
            source="A new rule",
        ),
    )
    before = compute(facts(date(2026, 12, 31), registered_since=date(2026, 12, 31)), rules)
    after = compute(facts(changed, registered_since=changed, group_since=changed), rules)
    assert before.items[0].deadline == date(2027, 1, 14)
    assert before.items[0].rule.id == "cv_searchable"
    assert after.items[0].deadline == date(2027, 1, 22)
    assert after.items[0].rule.id == "cv_searchable_2027"


def test_no_rule_before_its_first_day() -> None:
    assert rule_for(DutyKind.CV, date(2019, 12, 31), 1, None) is None
    assert rule_for(DutyKind.CV, date(2020, 1, 1), 1, None) is not None
    assert rule_for(DutyKind.INTERVIEW, date(2020, 1, 1), None, None) is not None


def test_the_duties_a_registration_starts_depend_on_the_contact_group() -> None:
    from jobnet.domain.duties import starting

    benefit = starting(1, None, REGISTERED)
    # A booking duty arises only when the job centre asks (issue 22), never with a registration.
    assert [duty.kind for duty in benefit] == [k for k in DutyKind if k != DutyKind.BOOKING]
    assert benefit[0].deadline == CV_DEADLINE
    assert all(duty.deadline is None for duty in benefit[1:])
    without = starting(8, None, REGISTERED)
    assert [duty.kind for duty in without] == [
        DutyKind.INTERVIEW,
        DutyKind.PLAN,
        DutyKind.HOLIDAY,
    ]
    assert [duty.kind for duty in starting(3, 2, REGISTERED)] == [
        DutyKind.INTERVIEW,
        DutyKind.PLAN,
    ]


def test_telling_the_job_centre_you_cannot_come_meets_the_summons() -> None:
    summons = (SummonsFact("s1", INTERVIEW_AT, 30, cannot_come=True),)
    found = facts(date(2026, 11, 18), summons=summons)
    [duty] = _of(DutyKind.INTERVIEW, found)
    assert (duty.state, duty.cannot_come) == (DutyState.DONE, True)
