"""The acting user, asserted by the connected system in X-Actor-* headers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from flask import g, request

from jobnet.dfdg.problems import field_error, validation_problem
from jobnet.dfdg.schemas.base import FieldError
from jobnet.domain.codes import ActorType, Channel

_CVR = re.compile(r"\d{8}")
_LIMITS = {"X-Actor-Id": 200, "X-Actor-Name": 200, "X-On-Behalf-Of": 200, "X-Purpose": 500}
_ACTOR_TYPES = [member.value for member in ActorType]
_CHANNELS = [member.value for member in Channel]

ACTOR_HEADERS: dict[str, str] = {
    "X-Actor-Type": "Who acts: citizen, caseworker or system (required on person calls)",
    "X-Actor-Id": "The actor's id: person id, professional id (RID) or system name; "
    "required for caseworkers, and for citizens on every route under /persons/{person_id}",
    "X-Actor-Name": "The actor's name, percent-encoded UTF-8",
    "X-Actor-Organisation": "The CVR number of the actor's organisation; required for caseworkers",
    "X-On-Behalf-Of": "The person id the actor acts on behalf of",
    "X-Purpose": "Why the data is used, percent-encoded UTF-8",
    "X-Channel": "web, api or system (default api)",
}


@dataclass(frozen=True)
class ActorContext:
    type: str
    id: str | None
    name: str | None
    organisation: str | None
    on_behalf_of: str | None
    purpose: str | None
    channel: str


class _HeaderReader:
    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def text(self, header: str, *, encoded: bool = False) -> str | None:
        raw = request.headers.get(header)
        if raw is None or not raw.strip():
            return None
        value = raw.strip()
        if encoded:
            try:
                value = unquote(value, encoding="utf-8", errors="strict")
            except UnicodeDecodeError:
                self.fail(header, "encoding", "Must be percent-encoded UTF-8")
                return None
        if len(value) > _LIMITS.get(header, 200):
            self.fail(header, "too_long", f"At most {_LIMITS.get(header, 200)} characters")
            return None
        return value

    def choice(self, header: str, allowed: list[str]) -> str | None:
        value = self.text(header)
        if value is not None and value not in allowed:
            self.fail(header, "invalid", f"Must be one of {', '.join(allowed)}")
            return None
        return value

    def fail(self, header: str, code: str, message: str) -> None:
        self.errors.append(field_error(header, code, message))


def _read_actor(*, person_route: bool) -> ActorContext:
    reader = _HeaderReader()
    actor_type = reader.choice("X-Actor-Type", _ACTOR_TYPES)
    if actor_type is None and not reader.errors:
        reader.fail("X-Actor-Type", "missing", "The acting user's type is required")
    actor_id = reader.text("X-Actor-Id")
    name = reader.text("X-Actor-Name", encoded=True)
    organisation = reader.text("X-Actor-Organisation")
    if organisation is not None and not _CVR.fullmatch(organisation):
        reader.fail("X-Actor-Organisation", "invalid", "Must be a CVR number of eight digits")
    if actor_type == ActorType.CASEWORKER:
        if actor_id is None:
            reader.fail("X-Actor-Id", "missing", "A caseworker must be named by id")
        if organisation is None and "X-Actor-Organisation" not in request.headers:
            reader.fail("X-Actor-Organisation", "missing", "A caseworker acts for an organisation")
    if actor_type == ActorType.CITIZEN and person_route and actor_id is None:
        # A citizen reaches only their own data, so DFDG must know who the citizen is.
        reader.fail("X-Actor-Id", "missing", "A citizen must be named by their person id")
    on_behalf_of = reader.text("X-On-Behalf-Of")
    purpose = reader.text("X-Purpose", encoded=True)
    channel = reader.choice("X-Channel", _CHANNELS)
    if reader.errors:
        raise validation_problem(reader.errors, "The acting user's headers are invalid")
    return ActorContext(
        type=str(actor_type),
        id=actor_id,
        name=name,
        organisation=organisation,
        on_behalf_of=on_behalf_of,
        purpose=purpose,
        channel=channel or Channel.API.value,
    )


def load_actor(*, person_route: bool = False) -> ActorContext:
    """Parse and remember the request's actor; a 422 problem names each bad header.

    `person_route`: the request reaches one person's data by id (a citizen must then name
    themself in X-Actor-Id)."""
    actor = _read_actor(person_route=person_route)
    g.dfdg_actor = actor
    return actor


def current_actor() -> ActorContext:
    return g.dfdg_actor
