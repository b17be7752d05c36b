"""The job plan (My Plan) and its versions; the commands that create and revise it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from jobnet.clients.dfdg_client.calls import Calls
from jobnet.clients.dfdg_client.commands import Command
from jobnet.clients.dfdg_client.values import (
    Actor,
    RecordedBy,
    Value,
    json_object,
    parse,
    person_path,
    without_none,
)


@dataclass(frozen=True)
class AgreedWith:
    """The job centre a plan was agreed with (a summons' job centre too). A dataclass, which
    pydantic reads in `PlanVersion`, because the summons Min side reads are built by hand."""

    cvr: str
    name: str | None = None


class Measure(Value):
    key: str
    type: str  # jobnet.domain.plans.MeasureType
    start_date: date
    end_date: date
    weekly_hours: float
    provider_cvr: str | None = None
    provider_p_number: str | None = None
    provider_name: str | None = None
    occupation: str | None = None


class PlanVersion(Value):
    """One version of a plan: number 1 is the plan as created."""

    plan_id: str
    person_id: str
    number: int
    is_current: bool
    revision_date: date
    targets: tuple[str, ...]
    applications_per_week: int
    agreed_with: AgreedWith
    made_by: RecordedBy
    created_at: datetime
    measures: tuple[Measure, ...]
    copies_per_week: int = 0  # of the applications, how many the person uploads a copy of
    copies_period: str = "week"  # what copies_per_week counts: "week" or "month"


class PlanRevision(Value):
    number: int
    revision_date: date
    created_at: datetime
    made_by: RecordedBy


class JobPlan(Value):
    """The current plan (its newest version) and the list of every version, newest first."""

    id: str
    person_id: str
    created_date: date
    revision_date: date
    current: PlanVersion
    revisions: tuple[PlanRevision, ...]
    is_new: bool = False  # the person has not read the current version themself yet

    @property
    def applications_per_week(self) -> int:
        """The job-search requirement: applications a week."""
        return self.current.applications_per_week

    @property
    def earlier_revisions(self) -> tuple[PlanRevision, ...]:
        return tuple(item for item in self.revisions if item.number != self.current.number)


class _PlanAnswer(Value):
    plan: JobPlan | None = None


@dataclass(frozen=True)
class MeasureInput:
    type: str
    start_date: date
    end_date: date
    weekly_hours: float
    provider_cvr: str | None = None
    provider_p_number: str | None = None
    provider_name: str | None = None
    occupation: str | None = None
    key: str | None = None


@dataclass(frozen=True)
class PlanInput:
    """A plan, or its revision, as a caseworker agrees it."""

    targets: tuple[str, ...]
    applications_per_week: int
    measures: tuple[MeasureInput, ...] = ()
    reference: str | None = None
    copies_per_week: int = 0
    copies_period: str = "week"


def _agreed_with(data: Mapping[str, Any]) -> AgreedWith:
    """A summons' job centre (`summons.py`)."""
    return AgreedWith(cvr=data["cvr"], name=data.get("name"))


def plan_from_answer(data: Mapping[str, Any]) -> JobPlan | None:
    """The current plan from DFDG's answer to GET /persons/{id}/plan (or the copy kept of it);
    None when there is none."""
    return parse(_PlanAnswer, data).plan


def plan_body(plan: PlanInput) -> dict[str, Any]:
    measures = [
        without_none(
            {
                "key": item.key,
                "type": item.type,
                "start_date": item.start_date.isoformat(),
                "end_date": item.end_date.isoformat(),
                "weekly_hours": item.weekly_hours,
                "provider_cvr": item.provider_cvr,
                "provider_p_number": item.provider_p_number,
                "provider_name": item.provider_name,
                "occupation": item.occupation,
            }
        )
        for item in plan.measures
    ]
    return without_none(
        {
            "targets": list(plan.targets),
            "applications_per_week": plan.applications_per_week,
            "copies_per_week": plan.copies_per_week,
            "copies_period": plan.copies_period,
            "measures": measures,
            "reference": plan.reference,
        }
    )


def create_plan_command(person_id: str, plan: PlanInput) -> Command:
    return Command(PLAN_CREATE, "POST", person_path(person_id, "plans"), plan_body(plan))


def revise_plan_command(person_id: str, plan: PlanInput) -> Command:
    path = person_path(person_id, "plan", "revisions")
    return Command(PLAN_REVISION, "POST", path, plan_body(plan))


class PlanCalls(Calls):
    """The person's job plan."""

    def current_plan(self, person_id: str, actor: Actor) -> JobPlan | None:
        """The person's current job plan with its list of revisions; None when there is none."""
        return plan_from_answer(self.current_plan_answer(person_id, actor))

    def current_plan_answer(self, person_id: str, actor: Actor) -> dict[str, Any]:
        """`current_plan` as DFDG's JSON, for keeping; `plan_from_answer` reads it."""
        return json_object(
            self._request("GET", f"/persons/{quote(person_id, safe='')}/plan", actor=actor)
        )

    def plan_revision(self, person_id: str, number: int, actor: Actor) -> PlanVersion:
        """One version of the plan (1 is the plan as created); DfdgNotFound when none."""
        path = f"/persons/{quote(person_id, safe='')}/plan/revisions/{int(number)}"
        return parse(PlanVersion, self._request("GET", path, actor=actor))


PLAN_CREATE = "plan_create"
PLAN_REVISION = "plan_revision"
