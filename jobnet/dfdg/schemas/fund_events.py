"""Bodies of the fund-event endpoints: what the job centre reports, and what the fund reads."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from pydantic import Field

from jobnet.dfdg.schemas.base import ActorOut, Reference, RequestBody, ResponseBody
from jobnet.dfdg.schemas.summons import NotAttendedOut
from jobnet.domain.fund_events import (
    MAX_CAUSE_LENGTH,
    MAX_COMMENT_LENGTH,
    MAX_COMPANY_NAME_LENGTH,
    EventSource,
    FundEventType,
    OfferStatus,
)

# A feed page holds at most this many events; the fund asks again with the last cursor.
FEED_PAGE_MAX = 500


class FundEventRequest(RequestBody):
    type: FundEventType
    event_date: date | None = Field(
        default=None,
        description="The day of the event (for an offer's change: the day the job centre "
        "learnt of it). An offer's start or end is dated by its start or end date.",
    )
    cause: str | None = Field(default=None, max_length=MAX_CAUSE_LENGTH * 2)
    comment: str | None = Field(default=None, max_length=MAX_COMMENT_LENGTH * 2)
    company_cvr: str | None = Field(default=None, max_length=20)
    company_name: str | None = Field(default=None, max_length=MAX_COMPANY_NAME_LENGTH)
    status: OfferStatus | None = None
    granted_on: date | None = None
    start_date: date | None = None
    end_date: date | None = None
    weekly_hours: Decimal | None = Field(default=None, ge=0, le=168, decimal_places=1)
    reference: Reference | None = None


class NoShowRequest(RequestBody):
    comment: str | None = Field(
        default=None,
        max_length=MAX_COMMENT_LENGTH * 2,
        description="For the fund, with the no-show event (§ 63(1): a free-text comment)",
    )
    reference: Reference | None = None


class OfferOut(ResponseBody):
    company_cvr: str | None
    company_name: str | None
    status: OfferStatus | None
    granted_on: date | None
    start_date: date | None
    end_date: date | None
    weekly_hours: float | None


class FundOut(ResponseBody):
    cvr: str
    name: str


class FundEventOut(ResponseBody):
    id: str
    person_id: str
    type: FundEventType
    source: EventSource
    event_date: date
    municipality_code: str | None
    cause: str | None
    comment: str | None
    offer: OfferOut | None
    summons_id: str | None
    booking_request_id: str | None = Field(
        default=None, description="For booking_deadline_missed: the booking request not booked"
    )
    recorded_at: datetime
    recorded_by: ActorOut
    fund: FundOut = Field(description="The fund the event was sent to")
    delivered_at: datetime | None = Field(
        description="When the fund's system first had it (null: not yet)"
    )
    delivered_via: str | None = Field(description="feed or webhook")


class NoShowOut(ResponseBody):
    summons_id: str
    not_attended: NotAttendedOut
    fund_event: FundEventOut | None = Field(
        description="The no_show event sent to the person's fund; null when the person is not "
        "a fund member in contact group 1 (§ 60)"
    )


class FundEventsResponse(ResponseBody):
    events: list[FundEventOut]


class FeedEventOut(ResponseBody):
    cursor: str = Field(description="Ask for events after this to continue from here")
    event: FundEventOut


class FeedResponse(ResponseBody):
    fund: FundOut
    events: list[FeedEventOut]
    cursor: str = Field(description="The cursor to ask from next (unchanged when empty)")


class FeedQuery(RequestBody):
    after: str | None = Field(
        default=None,
        pattern=r"^[0-9]{1,12}$",
        description="The cursor of the last event the fund has (none or 0: from the start). "
        "Asking after a cursor acknowledges every event up to it.",
    )
    limit: int = Field(default=100, ge=1, le=FEED_PAGE_MAX)
