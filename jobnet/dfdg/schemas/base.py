"""What every body of the DFDG API stands on (pydantic v2): strict request bodies, problem
documents, shared field types. The OpenAPI document's schemas are generated from these models."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator
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


class FieldError(ResponseBody):
    field: str = Field(description="The body field, query parameter or header that is wrong")
    code: str = Field(description="A stable machine-readable reason, e.g. cpr_date or missing")
    message: str
    rules: str | None = Field(
        default=None,
        description="The rule set the code belongs to (registration, absence, interview, "
        "summons, plan, field, dfdg): with the code it names one rule",
    )


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


class Health(ResponseBody):
    status: Literal["ok", "unavailable"]
    database: Literal["ok", "unavailable"]


class Liveness(ResponseBody):
    status: Literal["ok"]


Reference = Annotated[
    str,
    Field(
        min_length=1,
        max_length=100,
        description="The sending system's receipt reference (e.g. Jobnet's JN-4F7K-Q2XM)",
    ),
]


class ActorOut(ResponseBody):
    """Who created or ended a record."""

    type: str = Field(description="citizen, caseworker or system")
    name: str | None
    organisation: str | None = Field(description="The organisation's CVR number")
    organisation_name: str | None = Field(description="The organisation's name, when known")


ShortText = Annotated[str, Field(max_length=200)]


LongText = Annotated[str, Field(max_length=2000)]


MeasureKey = Annotated[str, Field(min_length=1, max_length=36)]
