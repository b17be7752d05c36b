"""Copies of applications (issue 22): the week's job log duty counts them where the plan
version in force on its Monday asks for them, at every boundary; a copy is judged by its
content and size; My Plan's copies a week are at most its applications."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from jobnet.domain.duties import DutyState, PlanVersionFact
from jobnet.domain.duty_rules import DutyKind
from jobnet.domain.joblog import Requirement, weekly_overview
from jobnet.domain.joblog_copies import MAX_COPIES, CopyProblem, check_copies
from jobnet.domain.messages import MAX_ATTACHMENT_BYTES, AttachmentFacts
from jobnet.domain.plans import PlanDraft, PlanProblem, check_plan
from tests.unit.test_duty_rules import REGISTERED, SUNDAY_45, _of, facts

COPIES = (PlanVersionFact(1, REGISTERED, 3, seen=True, copies_per_week=2),)
PDF_HEAD = b"%PDF-1.4\n"


def _week45(today: date, applications: int, copies: int, versions=COPIES):
    found = facts(
        today,
        plan_versions=versions,
        applications={REGISTERED: applications},
        copies={REGISTERED: copies} if copies else {},
    )
    return {d.week_number: d for d in _of(DutyKind.JOBLOG, found)}[45]


@pytest.mark.parametrize(
    ("today", "copies", "state"),
    [
        (SUNDAY_45 - timedelta(days=1), 1, DutyState.TO_DO),
        (SUNDAY_45, 1, DutyState.TO_DO),
        (SUNDAY_45 + timedelta(days=1), 1, DutyState.OVERDUE),
        (SUNDAY_45, 2, DutyState.DONE),
        (SUNDAY_45 + timedelta(days=1), 3, DutyState.DONE),
    ],
)
def test_a_week_with_enough_applications_needs_its_copies_too(
    today: date, copies: int, state: DutyState
) -> None:
    week = _week45(today, applications=3, copies=copies)
    assert (week.state, week.copies_required, week.copies) == (state, 2, copies)


def test_copies_without_enough_applications_do_not_make_the_week_done() -> None:
    week = _week45(SUNDAY_45 + timedelta(days=1), applications=2, copies=2)
    assert week.state == DutyState.OVERDUE


def test_a_plan_asking_no_copies_judges_applications_only() -> None:
    versions = (PlanVersionFact(1, REGISTERED, 3, seen=True),)
    week = _week45(SUNDAY_45, applications=3, copies=0, versions=versions)
    assert (week.state, week.copies_required, week.copies) == (DutyState.DONE, None, None)


def test_copies_asked_for_in_the_middle_of_a_week_count_from_the_next_monday() -> None:
    wednesday_45 = REGISTERED + timedelta(days=2)
    monday_46 = REGISTERED + timedelta(weeks=1)
    versions = (
        PlanVersionFact(1, REGISTERED, 3, seen=True),
        PlanVersionFact(2, wednesday_45, 3, seen=True, copies_per_week=1),
    )
    found = facts(
        monday_46 + timedelta(days=7),
        plan_versions=versions,
        applications={REGISTERED: 3, monday_46: 3},
    )
    weeks = {d.week_number: d for d in _of(DutyKind.JOBLOG, found)}
    assert (weeks[45].state, weeks[45].copies_required) == (DutyState.DONE, None)
    assert (weeks[46].state, weeks[46].copies_required) == (DutyState.OVERDUE, 1)


def _file(size: int, head: bytes = PDF_HEAD) -> AttachmentFacts:
    return AttachmentFacts(size=size, head=head)


def test_a_copy_is_judged_by_its_content_and_size() -> None:
    assert check_copies(0, [_file(MAX_ATTACHMENT_BYTES)]) == []
    assert check_copies(0, [_file(MAX_ATTACHMENT_BYTES + 1)]) == [
        ("copies.0", CopyProblem.COPY_TOO_BIG)
    ]
    assert check_copies(0, [_file(100, b"<html>")]) == [("copies.0", CopyProblem.COPY_KIND)]
    assert check_copies(0, [_file(0)]) == [("copies.0", CopyProblem.COPY_EMPTY)]


def test_an_entry_holds_at_most_five_copies() -> None:
    assert check_copies(MAX_COPIES - 1, [_file(10)]) == []
    assert ("copies", CopyProblem.TOO_MANY_COPIES) in check_copies(MAX_COPIES, [_file(10)])


@pytest.mark.parametrize(("copies", "ok"), [(0, True), (3, True), (4, False), (-1, False)])
def test_the_plans_copies_a_week_are_at_most_its_applications(copies: int, ok: bool) -> None:
    problems = check_plan(PlanDraft(("Job",), 3, copies_per_week=copies))
    assert (problems == []) is ok
    if not ok:
        assert problems == [("copies_per_week", PlanProblem.COPIES_OUT_OF_RANGE)]


def test_the_week_overview_counts_copies_where_the_plan_asks_for_them() -> None:
    today = SUNDAY_45 + timedelta(days=8)  # a Monday two weeks on
    requirements = [Requirement(REGISTERED, 1, copies_per_week=1)]
    weeks = {
        w.number: w
        for w in weekly_overview(
            [REGISTERED, REGISTERED + timedelta(weeks=1)],
            today,
            requirements=requirements,
            copy_days=[REGISTERED],
        )
    }
    assert (weeks[45].copies, weeks[45].copies_required, weeks[45].met) == (1, 1, True)
    assert (weeks[46].copies, weeks[46].met) == (0, False)
    without = weekly_overview([REGISTERED], today, requirements=[Requirement(REGISTERED, 1)])
    assert without[-1].copies_required is None
