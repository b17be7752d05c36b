"""Bodies of the summons endpoints (a person's, and a job centre's day)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from jobnet.dfdg.schemas.base import (
    ActorOut,
    LongText,
    Reference,
    RequestBody,
    ResponseBody,
)
from jobnet.dfdg.schemas.plans import OrganisationRef
from jobnet.domain.cannot_come import CannotComeReason
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


class CannotComeRequest(RequestBody):
    """The person cannot come to the interview: a lawful reason and a note, before it starts."""

    reason: CannotComeReason
    note: str | None = Field(
        default=None, max_length=2000, description="At most 500 characters; needed for other"
    )
    reference: Reference | None = None


class CannotComeOut(ResponseBody):
    reason: CannotComeReason
    note: str | None
    given_at: datetime
    given_by_type: str = Field(description="citizen, or caseworker on the person's behalf")
    for_current_time: bool = Field(
        description="False when the summons has been moved since (the notice was for an earlier "
        "time)"
    )
    reference: str | None


def cannot_come_of(summons: Any) -> CannotComeOut | None:
    """The summons' latest "I can't come" (a `Summons` row), or None."""
    if summons.cannot_come_reason is None or summons.cannot_come_at is None:
        return None
    return CannotComeOut(
        reason=CannotComeReason(summons.cannot_come_reason),
        note=summons.cannot_come_note,
        given_at=summons.cannot_come_at,
        given_by_type=summons.cannot_come_by_type or "citizen",
        for_current_time=summons.cannot_come_sequence == summons.sequence,
        reference=summons.cannot_come_reference,
    )


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


class NotAttendedOut(ResponseBody):
    at: datetime = Field(description="When the job centre marked it")
    by: ActorOut


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
    ended: bool = Field(
        default=False,
        description="The interview's time has passed (at DFDG's now when answered): a past "
        "interview is no longer booked, and no calendar file is offered for it",
    )
    cannot_come: CannotComeOut | None = Field(
        default=None, description="The person's latest \"I can't come\", if any"
    )
    not_attended: NotAttendedOut | None = Field(
        default=None,
        description="The job centre marked that the person did not attend (issue 24); null: not "
        "marked",
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
