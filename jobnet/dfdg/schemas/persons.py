"""Bodies of the person, contact-group, audit-log and organisation endpoints."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from jobnet.dfdg.schemas.base import Cpr, FourDigits, Name, RequestBody, ResponseBody


class PersonLookupRequest(RequestBody):
    cpr: Cpr


class PersonIdResponse(ResponseBody):
    person_id: str


class PersonCreateRequest(RequestBody):
    """Claims about a person as the CPR register states them."""

    cpr: Cpr
    given_name: Name
    family_name: Name
    street: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    postcode: FourDigits | None = None
    city: Annotated[str, Field(min_length=1, max_length=100)] | None = None
    municipality_code: FourDigits | None = None


class ContactGroupPeriodOut(ResponseBody):
    contact_group: int = Field(ge=1, le=8)
    match_group: int | None = Field(default=None, ge=1, le=3)
    start_date: date
    end_date: date | None = None


class PersonOut(ResponseBody):
    person_id: str
    cpr: str
    birth_date: date
    given_name: str
    family_name: str
    street: str | None
    postcode: str | None
    city: str | None
    municipality_code: str | None
    address_protected: bool
    created_at: datetime
    current_contact_group: ContactGroupPeriodOut | None = Field(
        description="The open contact-group period today, or null when not registered"
    )


class ContactGroupsResponse(ResponseBody):
    person_id: str
    periods: list[ContactGroupPeriodOut]


class AuditEntryOut(ResponseBody):
    id: int
    at: datetime
    action: str
    outcome: str
    actor_type: str
    actor_id: str | None
    actor_name: str | None
    organisation: str | None = Field(description="The CVR number of the actor's organisation")
    organisation_name: str | None = Field(
        default=None, description="The name of the actor's organisation, e.g. Jobcenter Aarhus"
    )
    on_behalf_of: str | None
    purpose: str | None
    channel: str
    system: str


class AuditLogResponse(ResponseBody):
    person_id: str
    oldest_day: date | None = Field(
        default=None, description="The log is shown from this day: two years back at most"
    )
    entries: list[AuditEntryOut] = Field(description="Newest first")


class OrganisationOut(ResponseBody):
    id: str
    kind: Literal["jobcentre", "akasse"]
    name: str
    cvr: str
    municipality_code: str | None


class OrganisationsResponse(ResponseBody):
    organisations: list[OrganisationOut]


class AuditLogQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    date_from: date | None = Field(
        default=None, alias="from", description="Entries on or after this day (Danish time)"
    )
    date_to: date | None = Field(
        default=None, alias="to", description="Entries on or before this day (Danish time)"
    )
    actor_type: Literal["citizen", "caseworker", "system"] | None = Field(
        default=None, description="Only entries by this kind of actor"
    )
    limit: int = Field(default=500, ge=1, le=1000, description="At most this many entries")
