"""The acting user, taken only from a verified end-user assertion (X-Actor-Assertion).

A call without an assertion is the connected system acting as itself (actor type system),
which its registry entry limits to a few endpoints (`jobnet.dfdg.scope`). The former
X-Actor-* headers are refused: no header lets a system say who acts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask import g, request

from jobnet.dfdg.assertion import InvalidAssertion
from jobnet.dfdg.context import assertion_verifier, connected_system, current_system
from jobnet.dfdg.problems import ProblemError, field_error, validation_problem
from jobnet.dfdg.schemas.base import FieldError
from jobnet.domain import actor_assertion as claim
from jobnet.domain.codes import ActorType, Channel
from jobnet.domain.cpr import InvalidCpr, normalise_cpr

_CVR = re.compile(r"\d{8}")
_LIMITS = {claim.NAME: 200, claim.ON_BEHALF_OF: 200, claim.PURPOSE: 500, "sub": 200}
_CHANNELS = [member.value for member in Channel]
REFUSED_HEADERS = (
    "X-Actor-Type",
    "X-Actor-Id",
    "X-Actor-Name",
    "X-Actor-Organisation",
    "X-On-Behalf-Of",
    "X-Purpose",
    "X-Channel",
)

ACTOR_HEADERS: dict[str, str] = {
    claim.HEADER: "Who acts: a signed JWT made by the calling system (Ed25519 or ES256, a key "
    "registered for it, `iss` = the system, `aud` = DFDG, lifetime of minutes) naming the "
    "citizen or caseworker (`sub`, `actor_type`, `org`, `purpose`, `on_behalf_of`, `channel`, "
    "`auth_time`, `acr`). Without it the system acts as itself, which few systems may. See "
    "docs/security.md."
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
    auth_time: int | None = None
    level: str | None = None
    # Only a citizen logging in, before DFDG knows their person id: the CPR the login proved.
    cpr: str | None = None


def _field(name: str) -> str:
    return f"{claim.HEADER}.{name}"


class _ClaimReader:
    def __init__(self, claims: Mapping[str, Any]) -> None:
        self.claims = claims
        self.errors: list[FieldError] = []

    def text(self, name: str) -> str | None:
        raw = self.claims.get(name)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        if not isinstance(raw, str):
            self.fail(name, "invalid", "Must be a string")
            return None
        value = raw.strip()
        if len(value) > _LIMITS.get(name, 200) or "\x00" in value:
            self.fail(name, "too_long", f"At most {_LIMITS.get(name, 200)} characters, no NUL")
            return None
        return value

    def fail(self, name: str, code: str, message: str) -> None:
        self.errors.append(field_error(_field(name), code, message))


def _refuse_bare_headers() -> None:
    sent = [name for name in REFUSED_HEADERS if name in request.headers]
    if sent:
        raise validation_problem(
            [
                field_error(name, "not_accepted", f"Send who acts in {claim.HEADER} instead")
                for name in sent
            ],
            "Who acts is taken only from a signed assertion",
        )


def _invalid(reason: str) -> ProblemError:
    return ProblemError(
        401,
        "invalid-assertion",
        f"The {claim.HEADER} is not valid: {reason}",
        headers={"WWW-Authenticate": 'Bearer realm="dfdg", error="invalid_token"'},
    )


def _from_claims(claims: Mapping[str, Any], *, person_route: bool) -> ActorContext:
    reader = _ClaimReader(claims)
    actor_type = str(claims[claim.ACTOR_TYPE])
    actor_id = reader.text("sub")
    organisation = reader.text(claim.ORGANISATION)
    if organisation is not None and not _CVR.fullmatch(organisation):
        reader.fail(claim.ORGANISATION, "invalid", "Must be a CVR number of eight digits")
    if actor_type == ActorType.CASEWORKER:
        if actor_id is None:
            reader.fail("sub", "missing", "A caseworker must be named by id")
        if organisation is None and claim.ORGANISATION not in claims:
            reader.fail(claim.ORGANISATION, "missing", "A caseworker acts for an organisation")
    if actor_type == ActorType.CITIZEN and person_route and actor_id is None:
        # A citizen reaches only their own data, so DFDG must know who the citizen is.
        reader.fail("sub", "missing", "A citizen must be named by their person id")
    cpr = None
    if actor_type == ActorType.CITIZEN and isinstance(claims.get(claim.CPR), str):
        # Compared with the body's CPR number once the body is valid; a malformed one matches
        # no person, and the body's own errors are the ones named.
        try:
            cpr = normalise_cpr(claims[claim.CPR])
        except InvalidCpr:
            cpr = claims[claim.CPR][:20]
    channel = reader.text(claim.CHANNEL)
    if channel is not None and channel not in _CHANNELS:
        reader.fail(claim.CHANNEL, "invalid", f"Must be one of {', '.join(_CHANNELS)}")
    auth_time = claims.get(claim.AUTH_TIME)
    if auth_time is not None and not isinstance(auth_time, int):
        reader.fail(claim.AUTH_TIME, "invalid", "Must be whole seconds since the epoch")
    if reader.errors:
        raise validation_problem(reader.errors, "The acting user's assertion is invalid")
    return ActorContext(
        type=actor_type,
        id=actor_id,
        name=reader.text(claim.NAME),
        organisation=organisation,
        on_behalf_of=reader.text(claim.ON_BEHALF_OF),
        purpose=reader.text(claim.PURPOSE),
        channel=channel or Channel.API.value,
        auth_time=auth_time,
        level=reader.text(claim.LEVEL),
        cpr=cpr,
    )


def system_actor() -> ActorContext:
    """The connected system acting as itself (no assertion)."""
    return ActorContext(
        type=ActorType.SYSTEM.value,
        id=current_system(),
        name=None,
        organisation=None,
        on_behalf_of=None,
        purpose=None,
        channel=Channel.SYSTEM.value,
    )


def _read_actor(*, person_route: bool) -> ActorContext:
    _refuse_bare_headers()
    token = request.headers.get(claim.HEADER, "").strip()
    if not token:
        return system_actor()
    try:
        claims = assertion_verifier().verify(token, connected_system())
    except InvalidAssertion as error:
        raise _invalid(str(error)) from None
    return _from_claims(claims, person_route=person_route)


def load_actor(*, person_route: bool = False) -> ActorContext:
    """Verify and remember the request's actor: 401 for an assertion that is not valid, 422
    naming each bad claim (or each refused X-Actor-* header).

    `person_route`: the request reaches one person's data by id (a citizen must then be named
    by their person id in `sub`)."""
    actor = _read_actor(person_route=person_route)
    g.dfdg_actor = actor
    return actor


def current_actor() -> ActorContext:
    return g.dfdg_actor
