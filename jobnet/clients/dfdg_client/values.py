"""Values every area of the client shares: who acts, who recorded what, and small parsers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from jobnet.clients.dfdg_client.errors import DfdgError


@dataclass(frozen=True)
class Actor:
    """Who acts, asserted to DFDG with every call and written to its audit log."""

    type: str  # "citizen", "caseworker" or "system"
    id: str | None = None
    name: str | None = None
    organisation: str | None = None  # CVR number
    on_behalf_of: str | None = None  # person id
    purpose: str | None = None
    channel: str = "web"

    def headers(self) -> dict[str, str]:
        headers = {"X-Actor-Type": self.type, "X-Channel": self.channel}
        optional = {
            "X-Actor-Id": self.id,
            "X-Actor-Name": encoded(self.name),
            "X-Actor-Organisation": self.organisation,
            "X-On-Behalf-Of": self.on_behalf_of,
            "X-Purpose": encoded(self.purpose),
        }
        headers.update({name: value for name, value in optional.items() if value})
        return headers


@dataclass(frozen=True)
class Health:
    status: str
    database: str


@dataclass(frozen=True)
class RecordedBy:
    """Who created or ended a record in DFDG: you, a named job centre or a system."""

    type: str  # "citizen", "caseworker" or "system"
    name: str | None
    organisation: str | None  # CVR number
    organisation_name: str | None


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
