"""What a login gives, or why it failed: the failure reasons, the login under way, and the
citizen's or caseworker's identity built from the provider's claims (personal data kept out of
repr(), exception messages carrying reason codes only)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar

from jobnet.domain.cpr import InvalidCpr, normalise_cpr
from jobnet.web.auth.oidc_settings import (
    DEFAULT_LEVEL_URIS,
    ClaimNames,
    parse_level_uris,
)


class LoginFailure(StrEnum):
    CANCELLED = "cancelled"
    PROVIDER_ERROR = "provider_error"
    STATE_MISMATCH = "state_mismatch"
    INVALID_TOKEN = "invalid_token"  # noqa: S105 - a reason code, not a secret
    NONCE_MISMATCH = "nonce_mismatch"
    INSUFFICIENT_LEVEL = "insufficient_level"
    MISSING_CLAIM = "missing_claim"
    USERINFO_MISMATCH = "userinfo_mismatch"
    REPLAYED = "replayed"
    PROVIDER_UNAVAILABLE = "provider_unavailable"


class LoginFailed(Exception):
    """A login that did not succeed. `reason` says why; the message is the reason code only."""

    def __init__(self, reason: LoginFailure) -> None:
        super().__init__(reason.value)
        self.reason = reason


@dataclass(frozen=True)
class PendingLogin:
    """What the caller stores between the redirect and the callback (never in a URL)."""

    state: str
    nonce: str
    code_verifier: str

    def to_dict(self) -> dict[str, str]:
        return {"state": self.state, "nonce": self.nonce, "code_verifier": self.code_verifier}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> PendingLogin | None:
        if not data:
            return None
        values = [data.get(key) for key in ("state", "nonce", "code_verifier")]
        if not all(isinstance(value, str) and value for value in values):
            return None
        return cls(*values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class LoginRedirect:
    url: str
    pending: PendingLogin


@dataclass(frozen=True)
class CitizenIdentity:
    """A citizen as the provider vouches for them. Personal data is kept out of repr()."""

    kind: ClassVar[str] = "citizen"
    subject: str
    cpr: str = field(repr=False)
    name: str = field(repr=False)
    given_name: str | None = field(repr=False)
    family_name: str | None = field(repr=False)
    mitid_uuid: str | None
    level: str
    issuer: str
    id_token: str = field(repr=False)
    #: The provider's session id (`sid`), for back-channel logout; None if it sends none.
    session_id: str | None = None


@dataclass(frozen=True)
class CaseworkerIdentity:
    """An employee identity with organisation claims."""

    kind: ClassVar[str] = "caseworker"
    subject: str
    name: str = field(repr=False)
    professional_id: str
    cvr: str
    organisation_name: str | None
    municipality_code: str | None
    role: str | None
    level: str
    issuer: str
    id_token: str = field(repr=False)
    session_id: str | None = None


Identity = CitizenIdentity | CaseworkerIdentity


def level_name(value: object, level_uris: str = DEFAULT_LEVEL_URIS) -> str | None:
    """The NSIS level name ("Low", "Substantial", "High") of a claim value: the level whose
    configured URI it is exactly; None for anything else (https://evil/Substantial too)."""
    if not isinstance(value, str):
        return None
    return parse_level_uris(level_uris).get(value)


def citizen_identity(
    claims: Mapping[str, Any], names: ClaimNames, level: str, id_token: str
) -> CitizenIdentity:
    try:
        cpr = normalise_cpr(_required(claims, names.cpr))
    except InvalidCpr:
        raise LoginFailed(LoginFailure.MISSING_CLAIM) from None
    given_name = _optional(claims, names.given_name)
    family_name = _optional(claims, names.family_name)
    return CitizenIdentity(
        subject=_required(claims, "sub"),
        cpr=cpr,
        name=_full_name(claims, names.name, given_name, family_name),
        given_name=given_name,
        family_name=family_name,
        mitid_uuid=_optional(claims, names.uuid),
        level=level,
        issuer=_required(claims, "iss"),
        id_token=id_token,
        session_id=_optional(claims, "sid"),
    )


def caseworker_identity(
    claims: Mapping[str, Any], names: ClaimNames, level: str, id_token: str
) -> CaseworkerIdentity:
    cvr = _required(claims, names.cvr)
    if not re.fullmatch(r"\d{8}", cvr):
        raise LoginFailed(LoginFailure.MISSING_CLAIM)
    return CaseworkerIdentity(
        subject=_required(claims, "sub"),
        name=_full_name(
            claims,
            names.name,
            _optional(claims, names.given_name),
            _optional(claims, names.family_name),
        ),
        professional_id=_required(claims, names.professional_id),
        cvr=cvr,
        organisation_name=_optional(claims, names.organisation_name),
        municipality_code=_optional(claims, names.municipality_code),
        role=_optional(claims, names.role),
        level=level,
        issuer=_required(claims, "iss"),
        id_token=id_token,
        session_id=_optional(claims, "sid"),
    )


def _optional(claims: Mapping[str, Any], name: str) -> str | None:
    value = claims.get(name)
    if value is None:
        return None
    if not isinstance(value, str | int):
        raise LoginFailed(LoginFailure.MISSING_CLAIM)
    text = str(value).strip()
    return text or None


def _required(claims: Mapping[str, Any], name: str) -> str:
    value = _optional(claims, name)
    if value is None:
        raise LoginFailed(LoginFailure.MISSING_CLAIM)
    return value


def _full_name(
    claims: Mapping[str, Any], name_claim: str, given_name: str | None, family_name: str | None
) -> str:
    name = _optional(claims, name_claim)
    if name:
        return name
    parts = [part for part in (given_name, family_name) if part]
    if not parts:
        raise LoginFailed(LoginFailure.MISSING_CLAIM)
    return " ".join(parts)
