"""Bodies of the booking endpoints (issue 22): the job centre's slots, a booking request for a
person, the person's booking or move, and the job centre's list of who has (not) booked."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from jobnet.dfdg.schemas.base import LongText, Reference, RequestBody, ResponseBody
from jobnet.dfdg.schemas.plans import OrganisationRef
from jobnet.domain.booking import MAX_CAPACITY, MAX_OFFERED, BookingStatus
from jobnet.domain.summons import DEFAULT_DURATION_MINUTES, InterviewForm, InterviewType

SlotId = Annotated[str, Field(min_length=1, max_length=36)]


class SlotRequest(RequestBody):
    """A slot of the job centre's list."""

    starts_at: AwareDatetime = Field(
        description="Date and time with its UTC offset; in the future, at most a year ahead"
    )
    duration_minutes: int = Field(default=DEFAULT_DURATION_MINUTES, description="5 to 480")
    form: InterviewForm
    place: LongText | None = Field(default=None, description="Required in person")
    join_details: LongText | None = Field(
        default=None, description="How to join: required for video and digital"
    )
    capacity: int = Field(default=1, description=f"How many people it takes: 1 to {MAX_CAPACITY}")
    reference: Reference | None = None


class SlotOut(ResponseBody):
    id: str
    starts_at: datetime = Field(description="UTC")
    ends_at: datetime
    duration_minutes: int
    form: InterviewForm
    place: str | None
    join_details: str | None
    capacity: int
    booked: int = Field(description="Places taken")
    free: int = Field(description="Places left")
    cutoff_at: datetime = Field(description="The last moment it may be booked or moved from")
    bookable: bool = Field(description="A place is free and the cut-off has not come")


class SlotsResponse(ResponseBody):
    cvr: str
    slots: list[SlotOut]


class BookingOpenRequest(RequestBody):
    """The job centre asks the person to book an interview among the offered slots."""

    type: InterviewType
    form: InterviewForm
    deadline: date = Field(description="The last day to book: today to 90 days ahead")
    slot_ids: list[SlotId] = Field(
        max_length=MAX_OFFERED, description="The job centre's slots offered (of the same form)"
    )
    contact_options: LongText | None = Field(
        default=None,
        description="How the person can contact the job centre about it: required (§ 27), "
        "written into the summons the booking makes",
    )
    bring: LongText | None = Field(default=None, description="What to bring")
    reference: Reference | None = None


class BookRequest(RequestBody):
    """The person books an offered slot, or moves their booking to another."""

    slot_id: SlotId
    reference: Reference | None = None


class WithdrawalRequest(RequestBody):
    """The job centre withdraws its booking request; a booked one's summons is cancelled."""

    reason: Annotated[str, Field(min_length=1, max_length=500)] = Field(
        description="Why it is withdrawn: the person sees it (and, once booked, the summons' "
        "cancellation gives it)"
    )
    letter_sent_date: date | None = Field(
        default=None,
        description="Once booked: the day the letter cancelling the summons is sent (today or "
        "yesterday, § 27(2)); not needed before",
    )
    reference: Reference | None = None


class SlotRemovalRequest(RequestBody):
    reference: Reference | None = None


class BookingOut(ResponseBody):
    id: str
    person_id: str
    status: BookingStatus
    type: InterviewType
    form: InterviewForm
    deadline: date = Field(description="The last day to book (Danish date)")
    overdue: bool = Field(description="Not booked, and the deadline has passed")
    organisation: OrganisationRef
    slot: SlotOut | None = Field(description="The slot booked")
    summons_id: str | None = Field(description="The summons the booking made")
    booked_at: datetime | None
    may_move: bool = Field(description="Booked, and the booked slot's cut-off has not come")
    offered: list[SlotOut] = Field(description="The slots offered, soonest first")
    contact_options: str | None
    bring: str | None
    created_at: datetime
    withdrawn_at: datetime | None = Field(
        default=None, description="When the job centre withdrew it"
    )
    withdrawal_reason: str | None = None


class BookingsResponse(ResponseBody):
    person_id: str
    bookings: list[BookingOut]


class JobcentreBookingOut(BookingOut):
    given_name: str
    family_name: str


class JobcentreBookingsResponse(ResponseBody):
    cvr: str
    show: str
    bookings: list[JobcentreBookingOut]


class BookingListQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    show: Literal["not_booked", "booked", "all"] = Field(
        default="not_booked",
        description="not_booked: open requests (overdue ones first); booked; all but cancelled",
    )
