"""Request and response bodies of the DFDG API (pydantic v2).

The OpenAPI document's schemas are generated from these same models.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from jobnet.domain.cpr import InvalidCpr, normalise_cpr


def _valid_cpr(value: str) -> str:
    try:
        return normalise_cpr(value)
    except InvalidCpr as exc:
        raise PydanticCustomError(f"cpr_{exc.code}", exc.message) from None


Cpr = Annotated[
    str,
    Field(
        description="CPR number: ten digits, a hyphen after the sixth is tolerated; "
        "the first six must be a real date",
        examples=["0101901234"],
        json_schema_extra={"pattern": r"^\s*[0-9]{6}-?[0-9]{4}\s*$"},
    ),
    AfterValidator(_valid_cpr),
]
FourDigits = Annotated[str, Field(pattern=r"^[0-9]{4}$")]
Name = Annotated[str, Field(min_length=1, max_length=200)]


class RequestBody(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ResponseBody(BaseModel):
    model_config = ConfigDict(from_attributes=True)


# --- problems ---------------------------------------------------------------------------------


class FieldError(ResponseBody):
    field: str = Field(description="The body field, query parameter or header that is wrong")
    code: str = Field(description="A stable machine-readable reason, e.g. cpr_date or missing")
    message: str


class Problem(ResponseBody):
    """RFC 9457 problem details."""

    type: str = Field(description="A URI naming the kind of problem")
    title: str
    status: int
    detail: str | None = None
    errors: list[FieldError] | None = Field(
        default=None, description="For validation problems: each bad field"
    )


# --- health -----------------------------------------------------------------------------------


class Health(ResponseBody):
    status: Literal["ok", "unavailable"]
    database: Literal["ok", "unavailable"]


# --- persons ----------------------------------------------------------------------------------


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
    organisation: str | None
    on_behalf_of: str | None
    purpose: str | None
    channel: str
    system: str


class AuditLogResponse(ResponseBody):
    person_id: str
    entries: list[AuditEntryOut] = Field(description="Newest first")


# --- organisations ----------------------------------------------------------------------------


class OrganisationOut(ResponseBody):
    id: str
    kind: Literal["jobcentre", "akasse"]
    name: str
    cvr: str
    municipality_code: str | None


class OrganisationsResponse(ResponseBody):
    organisations: list[OrganisationOut]


# --- query strings ----------------------------------------------------------------------------


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
