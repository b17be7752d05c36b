"""Response bodies for a person's duties (pydantic v2; also the OpenAPI schemas)."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from jobnet.dfdg.schemas.base import ResponseBody
from jobnet.domain.duties import CvProblem, Duties, Duty, DutyState
from jobnet.domain.duty_rules import ACTIONS, Consequence, DutyAction, DutyKind, DutyRule


class DutyRuleOut(ResponseBody):
    """The rule a duty comes from: a dated row, with its source in the law or the plan."""

    id: str = Field(description="The rule's stable key (a change of law is a new key)")
    source: str = Field(description="Where the rule comes from: the law, the guidance, the plan")
    effective_from: date
    effective_until: date | None
    days: int | None = Field(description="The deadline's length in days, where the rule sets one")
    contact_groups: list[int] | None = Field(
        description="The contact groups the rule binds; null binds everyone"
    )


class DutyOut(ResponseBody):
    key: str = Field(description="Stable within the person: e.g. cv, joblog:2026-W49, plan:2")
    kind: DutyKind
    state: DutyState
    deadline: date | None = Field(
        description="The last day in time (Danish date); null: at once, or a standing duty"
    )
    due_at: datetime | None = Field(description="For an interview: when it starts (UTC)")
    begins: date = Field(description="The day the duty began or begins")
    standing: bool = Field(description="Always applies, with no deadline (holidays)")
    action: DutyAction = Field(description="What the person does to meet it")
    consequence: Consequence = Field(description="What may happen if it is missed")
    rule: DutyRuleOut
    cv_problem: CvProblem | None = None
    awaiting_approval: bool = Field(
        default=False, description="CV: searchable, waiting for the job centre's approval"
    )
    week_year: int | None = Field(default=None, description="Job log: the ISO week's year")
    week_number: int | None = Field(default=None, description="Job log: the ISO week")
    required: int | None = Field(
        default=None, description="Job log: applications the plan version in force requires"
    )
    applications: int | None = Field(default=None, description="Job log: applications sent")
    copies_required: int | None = Field(
        default=None,
        description="Job log: applications with a copy uploaded that the plan version requires",
    )
    copies: int | None = Field(
        default=None, description="Job log: applications with a copy uploaded (when required)"
    )
    month: date | None = Field(
        default=None,
        description="Job log, copies agreed a calendar month: the month's first day (the "
        "deadline is its last)",
    )
    plan_version: int | None = Field(
        default=None,
        description="Plan: the version to read; job log by the month: the version judging it",
    )
    summons_id: str | None = Field(default=None, description="Interview: the summons")
    cannot_come: bool = Field(
        default=False, description="Interview: the person has told they cannot come at this time"
    )
    fund_told: bool = Field(
        default=False,
        description="Interview missed (state `missed`): the no-show event about it went to the "
        "person's unemployment insurance fund (§ 60)",
    )
    holiday_id: str | None = None
    holiday_first_day: date | None = None
    booking_id: str | None = Field(default=None, description="Booking: the booking request")


class DutiesOut(ResponseBody):
    """The person's duties: overdue first, then soonest first; done ones last."""

    person_id: str
    today: date
    duties: list[DutyOut]
    next_begins: date | None = Field(
        description="The first day after today a new duty begins (e.g. next week's job log)"
    )


def rule_out(rule: DutyRule) -> DutyRuleOut:
    return DutyRuleOut(
        id=rule.id,
        source=rule.source,
        effective_from=rule.effective_from,
        effective_until=rule.effective_until,
        days=rule.days,
        contact_groups=sorted(rule.contact_groups) if rule.contact_groups is not None else None,
    )


def duty_out(duty: Duty) -> DutyOut:
    return DutyOut(
        key=duty.key,
        kind=duty.kind,
        state=duty.state,
        deadline=duty.deadline,
        due_at=duty.due_at,
        begins=duty.begins,
        standing=duty.standing,
        action=ACTIONS[duty.kind],
        consequence=duty.rule.consequence,
        rule=rule_out(duty.rule),
        cv_problem=duty.cv_problem,
        awaiting_approval=duty.awaiting_approval,
        week_year=duty.week_year,
        week_number=duty.week_number,
        required=duty.required,
        applications=duty.applications,
        copies_required=duty.copies_required,
        copies=duty.copies,
        plan_version=duty.plan_version,
        month=duty.month,
        summons_id=duty.summons_id,
        cannot_come=duty.cannot_come,
        fund_told=duty.fund_told,
        holiday_id=duty.holiday_id,
        holiday_first_day=duty.holiday_first_day,
        booking_id=duty.booking_id,
    )


def duties_out(person_id: str, today: date, duties: Duties) -> DutiesOut:
    return DutiesOut(
        person_id=person_id,
        today=today,
        duties=[duty_out(duty) for duty in duties.items],
        next_begins=duties.next_begins,
    )


class DutyOverviewQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: DutyKind | None = Field(
        default=None, description="Only duties of this kind (cv, joblog, interview, plan)"
    )


class PersonDutiesOut(ResponseBody):
    person_id: str
    given_name: str
    family_name: str
    overdue: int = Field(description="How many of the duties listed are overdue")
    duties: list[DutyOut] = Field(
        description="The duties overdue or due within a week, and summons the person cannot "
        "come to, in the order the person sees them"
    )


class DutyOverviewOut(ResponseBody):
    """A job centre's citizens whose duties need attention."""

    cvr: str
    today: date
    until: date = Field(description="The last day a deadline counts as due soon")
    kind: DutyKind | None
    total: int = Field(description="How many persons need attention in all")
    persons: list[PersonDutiesOut] = Field(
        description="Overdue first, then the soonest deadline; at most 200"
    )
