"""Bodies of the insight endpoints: master data, requests for access, record history."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import Field

from jobnet.dfdg.schemas.base import ActorOut, Reference, RequestBody, ResponseBody
from jobnet.domain.insight import NOTE_MAX_LENGTH, RECEIVED_MAX_DAYS_BACK

EXPORT_FORMAT = "dfdg.person-export"


EXPORT_VERSION = "1.0"


class MasterDataOut(ResponseBody):
    """CPR master data. A protected address is given only to the citizen themself."""

    person_id: str
    cpr: str
    birth_date: date
    given_name: str
    family_name: str
    street: str | None = Field(description="Omitted (null) for others when address_protected")
    postcode: str | None = Field(description="Omitted (null) for others when address_protected")
    city: str | None = Field(description="Omitted (null) for others when address_protected")
    municipality_code: str | None
    address_protected: bool
    created_at: datetime


class InsightRequestIn(RequestBody):
    """A formal request for access (GDPR art. 15)."""

    note: Annotated[str, Field(max_length=NOTE_MAX_LENGTH)] | None = Field(
        default=None, description="What the person wants to know more about (optional)"
    )
    received_on: date | None = Field(
        default=None,
        description="The day the sending system received the request (default: today); not "
        f"in the future and at most {RECEIVED_MAX_DAYS_BACK} days back",
    )
    reference: Reference | None = None


class InsightRequestOut(ResponseBody):
    id: str
    person_id: str
    reference: str = Field(description="DFDG's reference of the request, e.g. IND-4F7K-Q2XM")
    received_on: date = Field(description="The Danish day DFDG received the request")
    deadline: date = Field(
        description="The last day of the answer: the same day next month, or that month's "
        "last day when it is shorter"
    )
    note: str | None
    source_reference: str | None = Field(description="The sending system's receipt reference")
    created_at: datetime
    created_by: ActorOut


class InsightRequestsResponse(ResponseBody):
    person_id: str
    requests: list[InsightRequestOut] = Field(description="Newest first")


class RecordVersion(ResponseBody):
    """One version of a record: what it held after a change, and who made the change."""

    version: int = Field(ge=1, description="1 is the record as first registered")
    change: Literal[
        "created",
        "updated",
        "deregistered",
        "recovered",
        "cancelled",
        "ended",
        "deleted",
        "removed",
        "assessed",
        "revised",
        "ended_by_deregistration",
        "delivered",
    ] = Field(
        description="removed: a CV entry taken off the CV (its values as it stood); assessed: "
        "the job centre's CV approval; revised: a new version of the plan; "
        "ended_by_deregistration: an absence the person's deregistration shortened or ended"
    )
    at: datetime
    by: ActorOut
    reference: str | None = Field(description="The sending system's reference of the change")
    channel: str | None = Field(description="web, api or system, from the audit log")
    system: str | None = Field(description="The connected system, from the audit log")
    purpose: str | None = Field(description="The stated purpose, from the audit log")
    values: dict[str, Any] = Field(description="The record's fields as of this version")


class CvRemovedEntryOut(ResponseBody):
    """A CV list entry taken off the CV: DFDG keeps it, with who removed it and when."""

    id: str = Field(description="The entry's id (its history: record type cv_entry)")
    section: str = Field(description="experience, education, courses, skills or languages")
    data: dict[str, Any] = Field(description="The entry's fields as they stood when removed")
    removed_at: datetime
    removed_by: ActorOut
    reference: str | None = Field(description="The sending system's reference of the removal")


class RecordHistoryOut(ResponseBody):
    person_id: str
    record_type: str
    record_id: str
    versions: list[RecordVersion] = Field(description="Oldest first")
