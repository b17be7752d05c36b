"""Values every area of the client shares: who acts, who recorded what, and small parsers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar
from urllib.parse import quote

from pydantic import BaseModel, ConfigDict, ValidationError

from jobnet.clients.dfdg_client.errors import DfdgBadAnswer, DfdgError


@dataclass(frozen=True)
class Actor:
    """Who acts: signed into the end-user assertion of every call (`assertion`) and written to
    DFDG's audit log."""

    type: str  # "citizen" or "caseworker"
    id: str | None = None
    name: str | None = None
    organisation: str | None = None  # CVR number
    on_behalf_of: str | None = None  # person id
    purpose: str | None = None
    channel: str = "web"
    auth_time: int | None = None  # when the person logged in (seconds since the epoch)
    level: str | None = None  # the login's level of assurance


@dataclass(frozen=True)
class Health:
    status: str
    database: str


class Value(BaseModel):
    """A value parsed from DFDG's JSON by pydantic: frozen; fields DFDG adds later are ignored."""

    model_config = ConfigDict(frozen=True, extra="ignore")


class Renamed(Value):
    """A value some of whose fields are read from JSON names of DFDG's other than their own
    (`Field(validation_alias=...)`); made by field name too, as in tests."""

    model_config = ConfigDict(
        frozen=True, extra="ignore", validate_by_name=True, validate_by_alias=True
    )


V = TypeVar("V", bound=Value)


def parse(model: type[V], data: Any) -> V:
    """`model` from DFDG's JSON; an answer of the wrong shape is a DfdgBadAnswer (a
    DfdgError), not a crash."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        message = f"DFDG answered a {model.__name__} of the wrong shape"
        raise DfdgBadAnswer(message, status=200) from exc


def json_object(data: Any) -> dict[str, Any]:
    """An answer kept as DFDG's JSON (to be parsed later): an object, else a DfdgBadAnswer."""
    if not isinstance(data, dict):
        raise DfdgBadAnswer("DFDG answered something other than a JSON object", status=200)
    return dict(data)


class RecordedBy(Value):
    """Who created or ended a record in DFDG: you, a named job centre or a system."""

    type: str  # "citizen", "caseworker" or "system"
    name: str | None = None
    organisation: str | None = None  # CVR number
    organisation_name: str | None = None


def encoded(value: str | None) -> str | None:
    return quote(value, safe="") if value else None


def optional_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def optional_datetime(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def recorded_by(data: Mapping[str, Any] | None) -> RecordedBy | None:
    if not data:
        return None
    return RecordedBy(
        type=data["type"],
        name=data.get("name"),
        organisation=data.get("organisation"),
        organisation_name=data.get("organisation_name"),
    )


def created_by(data: Mapping[str, Any]) -> RecordedBy:
    recorded = recorded_by(data)
    if recorded is None:
        raise DfdgError("DFDG answered a record without its creator", status=200)
    return recorded


def instant(value: str) -> datetime:
    return datetime.fromisoformat(value)


def without_none(values: Mapping[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in values.items() if value is not None}


def aware(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("a summons time must be timezone-aware")
    return value.isoformat()


def person_path(person_id: str, *parts: str) -> str:
    """The API path of one of the person's resources, each part quoted."""
    return "/persons/" + "/".join(quote(part, safe="") for part in (person_id, *parts))


def json_ready(body: Mapping[str, Any], reference: str | None) -> dict[str, Any]:
    """A command body with dates as ISO strings and the receipt's reference added."""
    ready = {
        name: value.isoformat() if isinstance(value, date) else value
        for name, value in body.items()
    }
    if reference:
        ready["reference"] = reference
    return ready
