"""Request and response bodies for job plans and summons (pydantic v2; also the OpenAPI schemas)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from jobnet.dfdg.schemas import ActorOut, Reference, RequestBody, ResponseBody
from jobnet.domain.plans import MeasureType
from jobnet.domain.summons import (
    DEFAULT_DURATION_MINUTES,
    ChangeKind,
    InterviewForm,
    InterviewType,
    SummonsStatus,
)

ShortText = Annotated[str, Field(max_length=200)]
LongText = Annotated[str, Field(max_length=2000)]
MeasureKey = Annotated[str, Field(min_length=1, max_length=36)]


class OrganisationRef(ResponseBody):
    cvr: str = Field(description="The job centre's CVR number")
    name: str | None = Field(description="The job centre's name, when registered")


# --- job plans --------------------------------------------------------------------------------


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


# --- summons ----------------------------------------------------------------------------------


class SummonsRequest(RequestBody):
    """A summons to an interview, recorded the day the letter is sent."""

    starts_at: AwareDatetime = Field(
        description="Date and time with its UTC offset, e.g. 2026-10-26T10:00:00+01:00; "
        "in the future, at most a year ahead"
    )
    duration_minutes: int = Field(default=DEFAULT_DURATION_MINUTES, description="5 to 480")
    form: InterviewForm
    type: InterviewType
    place: LongText | None = Field(default=None, description="Required in person")
    join_details: LongText | None = Field(
        default=None, description="How to join: required for video and digital"
    )
    contact_options: LongText | None = Field(
        default=None,
        description="How the person can contact the job centre about it: required (§ 27; "
        "a missing or blank one is refused with `contact_options_missing`)",
    )
    bring: LongText | None = Field(default=None, description="What to bring")
    letter_sent_date: date = Field(description="The day the letter is sent: not in the future")
    reference: Reference | None = None


class SummonsMoveRequest(RequestBody):
    """Move a summons that is neither cancelled nor held; fields left out keep their value."""

    starts_at: AwareDatetime
    duration_minutes: int | None = None
    form: InterviewForm | None = None
    place: LongText | None = None
    join_details: LongText | None = None
    letter_sent_date: date = Field(description="The day the letter about the move is sent")
    reason: LongText | None = None
    reference: Reference | None = None


class SummonsCancellationRequest(RequestBody):
    letter_sent_date: date = Field(description="The day the cancellation letter is sent")
    reason: LongText | None = None
    reference: Reference | None = None


class SummonsChangeOut(ResponseBody):
    number: int = Field(description="1 is the summons as created")
    kind: ChangeKind
    at: datetime
    letter_sent_date: date
    starts_at: datetime
    previous_starts_at: datetime | None = Field(description="For a move: the earlier time")
    duration_minutes: int
    form: InterviewForm
    place: str | None
    join_details: str | None
    reason: str | None
    made_by: ActorOut


class SummonsOut(ResponseBody):
    id: str
    person_id: str
    status: SummonsStatus
    sequence: int = Field(description="0 as created; one more for each move or cancellation")
    starts_at: datetime = Field(description="In UTC")
    ends_at: datetime
    duration_minutes: int
    form: InterviewForm
    type: InterviewType
    place: str | None
    join_details: str | None
    contact_options: str | None
    bring: str | None
    letter_sent_date: date = Field(description="The day the latest letter was sent")
    organisation: OrganisationRef
    created_at: datetime
    created_by: ActorOut
    changes: list[SummonsChangeOut] = Field(description="Oldest first")
    is_new: bool = Field(
        default=False,
        description="Created, moved or cancelled since the person last read it themself "
        "(reading the one summons as the person marks it read)",
    )
    seen_at: datetime | None = Field(
        default=None, description="When the person last read it themself"
    )


class SummonsListResponse(ResponseBody):
    person_id: str
    now: datetime
    upcoming: list[SummonsOut] = Field(description="Not cancelled and not yet ended, soonest first")
    past: list[SummonsOut] = Field(description="Ended, newest first")
    cancelled: list[SummonsOut] = Field(
        default_factory=list,
        description="Cancelled, with a time that has not passed, soonest first",
    )
    unseen_plan_version: int | None = Field(
        default=None,
        description="The number of the job plan's current version when the person has not "
        "read it yet (for the same 'new' marker as the summons); null otherwise",
    )


class DaySummonsOut(ResponseBody):
    given_name: str
    family_name: str
    summons: SummonsOut


class OrganisationSummonsResponse(ResponseBody):
    cvr: str
    day: date
    summons: list[DaySummonsOut] = Field(description="The day's interviews, earliest first")


class DayQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    day: date | None = Field(
        default=None,
        alias="date",
        description="The Danish day, YYYY-MM-DD; DFDG's today if left out",
    )
