"""Bodies of registration, deregistration, absence and status endpoints."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from jobnet.dfdg.schemas.base import ActorOut, Reference, RequestBody, ResponseBody
from jobnet.dfdg.schemas.persons import ContactGroupPeriodOut
from jobnet.domain.absences import AbsenceReason
from jobnet.domain.jobseeker import DeregistrationReason, RegistrationCategory, UnemploymentDegree


class RegistrationRequest(RequestBody):
    """Register as a jobseeker (§ 8). Rules are checked by DFDG and named by `code`."""

    category: RegistrationCategory
    start_date: date = Field(description="Today up to 90 days ahead")
    degree: UnemploymentDegree
    weekly_hours: int | None = Field(
        default=None, description="Hours a week sought (1-36); required for part time"
    )
    job_titles: list[Annotated[str, Field(max_length=1000)]] = Field(
        max_length=50, description="The job titles sought: one to five"
    )
    reference: Reference | None = None


class DeregistrationRequest(RequestBody):
    when: date = Field(
        alias="date", description="Today up to 90 days ahead; the registration ends this day"
    )
    reason: DeregistrationReason
    other_reason: Annotated[str, Field(max_length=2000)] | None = Field(
        default=None, description="Required when reason is other (at most 500 characters)"
    )
    reference: Reference | None = None


class AbsenceRequest(RequestBody):
    """Report an absence. A citizen may report sickness and holiday; the other Annex 1 reasons
    are registered by a caseworker."""

    reason: AbsenceReason
    first_day: date
    last_day: date | None = Field(
        default=None,
        description="Required for a holiday; none for a sickness (a recovery ends it)",
    )
    reference: Reference | None = None


class RecoveryRequest(RequestBody):
    fit_day: date = Field(
        description="The first day the person is fit again; the sickness's last day is the day "
        "before (or the first sick day when fit on it)"
    )
    reference: Reference | None = None


class CancellationRequest(RequestBody):
    reference: Reference | None = None


class RegistrationOut(ResponseBody):
    id: str
    person_id: str
    category: RegistrationCategory
    start_date: date
    degree: UnemploymentDegree
    weekly_hours: int | None
    job_titles: list[str]
    registered_at: datetime
    created_by: ActorOut
    source_reference: str | None
    end_date: date | None
    deregistration_reason: DeregistrationReason | None
    deregistration_other_text: str | None
    deregistered_at: datetime | None
    deregistered_by: ActorOut | None
    deregistration_reference: str | None


class AbsenceOut(ResponseBody):
    id: str
    person_id: str
    reason: AbsenceReason
    first_day: date
    last_day: date | None = Field(description="None while a sickness is open")
    fit_day: date | None = Field(description="The day the person reported fit again")
    status: Literal["active", "cancelled"]
    created_at: datetime
    created_by: ActorOut
    source_reference: str | None
    ended_at: datetime | None = Field(description="When a recovery or a cancellation was made")
    cancelled_at: datetime | None
    ended_by: ActorOut | None
    end_reference: str | None


class RegistrationsResponse(ResponseBody):
    person_id: str
    registrations: list[RegistrationOut] = Field(description="Newest first")


class AbsencesResponse(ResponseBody):
    person_id: str
    absences: list[AbsenceOut] = Field(description="Newest first")


class StatusCounts(ResponseBody):
    registrations: int = Field(description="Registrations ever made")
    absences: int = Field(description="Absences ever reported, cancelled ones included")
    upcoming_holidays: int = Field(description="Active holidays not yet over")


class StatusQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    counts: bool = Field(
        default=True,
        description="Count the person's records (one more read); `false` answers `counts: null`",
    )


class StatusOut(ResponseBody):
    """What the citizen's front page shows."""

    person_id: str
    given_name: str
    family_name: str
    today: date = Field(description="DFDG's today (Danish date) the answer was made for")
    contact_group: ContactGroupPeriodOut | None = Field(
        description="The contact-group period covering today"
    )
    registration: RegistrationOut | None = Field(
        description="The registration not yet ended (end date none or today or later)"
    )
    sickness: AbsenceOut | None = Field(description="The open sickness")
    holidays: list[AbsenceOut] = Field(description="Current and coming holidays, soonest first")
    absences: list[AbsenceOut] = Field(
        description="Every active absence not over before today, whatever its reason (the open "
        "sickness and the holidays too, and what a job centre registered: maternity leave, civic "
        "duty, military service …), soonest first; a new holiday must not overlap any of them",
    )
    counts: StatusCounts | None = Field(
        default=None, description="How many records the person has (not on the front page)"
    )
