"""Bodies of the summons endpoints (a person's, and a job centre's day)."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from jobnet.dfdg.schemas.base import (
    ActorOut,
    LongText,
    Reference,
    RequestBody,
    ResponseBody,
)
from jobnet.dfdg.schemas.plans import OrganisationRef
from jobnet.domain.summons import (
    DEFAULT_DURATION_MINUTES,
    ChangeKind,
    InterviewForm,
    InterviewType,
    SummonsStatus,
)


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
        default=None, description="How the person can contact the job centre about it"
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
    upcoming: list[SummonsOut] = Field(description="Not yet ended, soonest first")
    past: list[SummonsOut] = Field(description="Ended, newest first")
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
