"""Request and response bodies of the DFDG API (pydantic v2).

The OpenAPI document's schemas are generated from these same models.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from jobnet.domain.absences import AbsenceReason
from jobnet.domain.cpr import InvalidCpr, normalise_cpr
from jobnet.domain.jobseeker import DeregistrationReason, RegistrationCategory, UnemploymentDegree


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

    @field_validator("*", mode="before")
    @classmethod
    def _no_nul_characters(cls, value: Any) -> Any:
        """No text may hold the NUL character: PostgreSQL cannot store it; no person types it."""
        if _holds_nul(value):
            raise PydanticCustomError("nul_character", "Text must not contain the NUL character")
        return value


def _holds_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, list | tuple):
        return any(_holds_nul(item) for item in value)
    if isinstance(value, dict):
        return any(_holds_nul(k) or _holds_nul(v) for k, v in value.items())
    return False


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
    code: str | None = Field(
        default=None,
        description="For a broken rule: its stable code, e.g. already_registered or overlaps",
    )
    errors: list[FieldError] | None = Field(
        default=None, description="For validation problems: each bad field"
    )


# --- health -----------------------------------------------------------------------------------


class Health(ResponseBody):
    status: Literal["ok", "unavailable"]
    database: Literal["ok", "unavailable"]


class Liveness(ResponseBody):
    status: Literal["ok"]


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


# --- registrations and absences -------------------------------------------------------------

Reference = Annotated[
    str,
    Field(
        min_length=1,
        max_length=100,
        description="The sending system's receipt reference (e.g. Jobnet's JN-4F7K-Q2XM)",
    ),
]


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


class ActorOut(ResponseBody):
    """Who created or ended a record."""

    type: str = Field(description="citizen, caseworker or system")
    name: str | None
    organisation: str | None = Field(description="The organisation's CVR number")
    organisation_name: str | None = Field(description="The organisation's name, when known")


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
    end_cause: Literal["deregistration"] | None = Field(
        default=None,
        description="`deregistration` when the person's deregistration shortened the absence "
        "(to end the day before it) or ended it (status `cancelled`): the law ends an absence "
        "with the registration",
    )
    reported_last_day: date | None = Field(
        default=None, description="The last day as reported, when a deregistration shortened it"
    )


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
