"""Bodies of the job plan endpoints."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import Field

from jobnet.dfdg.schemas.base import (
    ActorOut,
    LongText,
    MeasureKey,
    Reference,
    RequestBody,
    ResponseBody,
    ShortText,
)
from jobnet.domain.plans import CopiesPeriod, MeasureType


class OrganisationRef(ResponseBody):
    cvr: str = Field(description="The job centre's CVR number")
    name: str | None = Field(description="The job centre's name, when registered")


class MeasureRequest(RequestBody):
    """A measure or activity. Company-based ones (wage_subsidy, company_internship) need the
    provider's CVR number (8 digits) and P-number (10 digits) and the occupation."""

    key: MeasureKey | None = Field(
        default=None,
        description="On a revision: the key of a measure of the current version to keep it "
        "under the same key; leave out for a new measure",
    )
    type: MeasureType
    start_date: date
    end_date: date = Field(description="On or after the start date")
    weekly_hours: float = Field(description="Average hours a week, 0 to 37")
    provider_cvr: ShortText | None = None
    provider_p_number: ShortText | None = None
    provider_name: ShortText | None = None
    occupation: ShortText | None = None


class PlanRequest(RequestBody):
    """A plan (or its revision) as agreed with the caseworker's job centre."""

    targets: list[LongText] = Field(
        max_length=50, description="Employment targets: one to ten, each at most 500 characters"
    )
    applications_per_week: int = Field(
        description="The job-search requirement: applications a week, 0 to 30"
    )
    copies_per_week: int = Field(
        default=0,
        description="Of those applications, how many the person uploads a copy of in each "
        "`copies_period`: a week's 0 to applications_per_week, a month's 0 to four times it "
        "(`copies_out_of_range`)",
    )
    copies_period: CopiesPeriod = Field(
        default=CopiesPeriod.WEEK,
        description="What copies_per_week counts: a week (Monday to Sunday) or a calendar month",
    )
    measures: list[MeasureRequest] = Field(default_factory=list, max_length=100)
    reference: Reference | None = None


class MeasureOut(ResponseBody):
    key: str = Field(description="The measure's unique key, kept across revisions")
    type: MeasureType
    start_date: date
    end_date: date
    weekly_hours: float
    provider_cvr: str | None
    provider_p_number: str | None
    provider_name: str | None
    occupation: str | None


class PlanRevisionSummary(ResponseBody):
    number: int = Field(description="1 is the plan as created; each revision adds one")
    revision_date: date
    created_at: datetime
    made_by: ActorOut


class PlanVersionOut(ResponseBody):
    plan_id: str
    person_id: str
    number: int
    is_current: bool
    revision_date: date = Field(description="The day this version was made")
    targets: list[str]
    applications_per_week: int
    copies_per_week: int = 0
    copies_period: CopiesPeriod = CopiesPeriod.WEEK
    agreed_with: OrganisationRef
    made_by: ActorOut
    created_at: datetime
    source_reference: str | None
    measures: list[MeasureOut]
    seen_at: datetime | None = Field(
        default=None, description="When the person first read this version themself"
    )


class PlanOut(ResponseBody):
    id: str = Field(description="The plan's unique key")
    person_id: str
    created_date: date
    revision_date: date = Field(description="The day of the newest version")
    current: PlanVersionOut
    revisions: list[PlanRevisionSummary] = Field(description="Every version, newest first")
    is_new: bool = Field(
        default=False,
        description="The person has not read the current version themself yet (reading the "
        "plan as the person marks it read)",
    )


class PlanResponse(ResponseBody):
    person_id: str
    plan: PlanOut | None = Field(description="The current plan, or null when there is none")
