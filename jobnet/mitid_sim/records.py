"""What the simulated MitID provider keeps: its registered clients, the users who log in, and
the authorization codes and tokens it issues (in memory: a development tool)."""

from __future__ import annotations

import hmac
import json
import logging
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from authlib.oauth2.rfc6749 import (
    ClientMixin,
    TokenMixin,
    list_to_scope,
    scope_to_list,
)
from authlib.oidc.core import AuthorizationCodeMixin

from jobnet.demo_identities import DEMO_ORGANISATIONS, DemoCaseworker
from jobnet.mitid_sim.keys import (
    SimulatorKeys,
)

ClientKind = Literal["citizen", "caseworker"]


NSIS_PREFIX = "https://data.gov.dk/concept/core/nsis/"


LEVELS: tuple[str, ...] = ("Low", "Substantial", "High")


DEFAULT_LEVEL = "Substantial"


CODE_LIFETIME_SECONDS = 120


ACCESS_TOKEN_LIFETIME_SECONDS = 600


ID_TOKEN_LIFETIME_SECONDS = 600


NONCE_MEMORY_SECONDS = 3600


#: Which identity claims each scope releases. `sub` and the assurance level always go out.
SCOPE_CLAIMS: dict[str, tuple[str, ...]] = {
    "openid": ("sub",),
    "profile": ("name", "given_name", "family_name"),
    "ssn": ("dk.cpr",),
    "mitid": ("mitid.uuid",),
    "professional": (
        "email",
        "dk.cvr",
        "dk.org_name",
        "dk.municipality_code",
        "mitid.professional_id",
        "jobnet.role",
    ),
}


ALWAYS_RELEASED = ("sub", "loa")


DEFAULT_SCOPES: dict[ClientKind, str] = {
    "citizen": "openid profile ssn mitid",
    "caseworker": "openid profile professional",
}


#: Authentication method references (RFC 8176 values) the simulator reports per level.
AMR_BY_LEVEL: dict[str, list[str]] = {
    "Low": ["pwd"],
    "Substantial": ["mfa", "swk"],
    "High": ["mfa", "hwk"],
}


def level_uri(level: str) -> str:
    """The NSIS URI of an assurance level name ("Substantial" → https://…/nsis/Substantial)."""
    return NSIS_PREFIX + level


log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SimClient(ClientMixin):
    """A registered relying party (confidential: client_secret_basic or client_secret_post)."""

    client_id: str
    client_secret: str
    kind: ClientKind
    redirect_uris: tuple[str, ...]
    post_logout_redirect_uris: tuple[str, ...]
    scope: str

    @property
    def client_metadata(self) -> dict[str, Any]:
        return {"post_logout_redirect_uris": list(self.post_logout_redirect_uris)}

    def get_client_id(self) -> str:
        return self.client_id

    def get_default_redirect_uri(self) -> str | None:
        return self.redirect_uris[0] if self.redirect_uris else None

    def get_allowed_scope(self, scope: str | None) -> str:
        allowed = set(scope_to_list(self.scope))
        return list_to_scope([s for s in scope_to_list(scope or "") if s in allowed])

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        return redirect_uri in self.redirect_uris

    def check_client_secret(self, client_secret: str) -> bool:
        return hmac.compare_digest(self.client_secret.encode(), client_secret.encode())

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return method in ("client_secret_basic", "client_secret_post")

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code"

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type == "authorization_code"


def _absolute(uri: str, base_url: str) -> str:
    return base_url.rstrip("/") + uri if uri.startswith("/") else uri


def _default_clients() -> list[dict[str, Any]]:
    return [
        {
            "client_id": "jobnet-citizen",
            "client_secret": "dev-citizen-secret",
            "kind": "citizen",
            "redirect_uris": ["/auth/callback"],
            "post_logout_redirect_uris": ["/auth/logged-out"],
        },
        {
            "client_id": "jobnet-caseworker",
            "client_secret": "dev-caseworker-secret",
            "kind": "caseworker",
            "redirect_uris": ["/auth/caseworker/callback"],
            "post_logout_redirect_uris": ["/auth/logged-out"],
        },
    ]


def _client_from_dict(item: Mapping[str, Any], base_url: str) -> SimClient:
    kind = item.get("kind", "citizen")
    if kind not in DEFAULT_SCOPES:
        raise ValueError(f"MITID_SIM_CLIENTS: unknown client kind {kind!r}")
    return SimClient(
        client_id=str(item["client_id"]),
        client_secret=str(item["client_secret"]),
        kind=kind,
        redirect_uris=tuple(_absolute(u, base_url) for u in item.get("redirect_uris", ())),
        post_logout_redirect_uris=tuple(
            _absolute(u, base_url) for u in item.get("post_logout_redirect_uris", ())
        ),
        scope=str(item.get("scope") or DEFAULT_SCOPES[kind]),
    )


def configured_clients(config: Mapping[str, Any]) -> dict[str, SimClient]:
    """The registered clients: MITID_SIM_CLIENTS (a list of dicts or its JSON text), else the
    two defaults. A URI starting with "/" is relative to PUBLIC_BASE_URL."""
    raw = config.get("MITID_SIM_CLIENTS") or _default_clients()
    items: Iterable[Mapping[str, Any]] = json.loads(raw) if isinstance(raw, str) else raw
    base_url = str(config.get("PUBLIC_BASE_URL", ""))
    clients = [_client_from_dict(item, base_url) for item in items]
    return {client.client_id: client for client in clients}


def simulator_issuer(config: Mapping[str, Any]) -> str:
    """MITID_SIM_ISSUER if set, else PUBLIC_BASE_URL + "/mitid-sim"."""
    override = config.get("MITID_SIM_ISSUER")
    if override:
        return str(override).rstrip("/")
    return str(config.get("PUBLIC_BASE_URL", "")).rstrip("/") + "/mitid-sim"


@dataclass(frozen=True)
class SimUser:
    """The identity a tester chose on the login page, as claims, and the assurance level."""

    claims: Mapping[str, Any]
    level: str

    @property
    def sub(self) -> str:
        return str(self.claims["sub"])


def released_claims(user: SimUser, scope: str) -> dict[str, Any]:
    """The identity claims `scope` releases, plus `sub` and `loa`."""
    names = set(ALWAYS_RELEASED)
    for part in scope_to_list(scope or ""):
        names.update(SCOPE_CLAIMS.get(part, ()))
    claims = {name: value for name, value in user.claims.items() if name in names}
    claims["loa"] = level_uri(user.level)
    return claims


@dataclass
class SimAuthorizationCode(AuthorizationCodeMixin):
    code: str
    client_id: str
    redirect_uri: str
    scope: str
    user: SimUser
    nonce: str | None
    code_challenge: str | None
    code_challenge_method: str | None
    auth_time: int
    expires_at: float

    def get_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_scope(self) -> str:
        return self.scope

    def get_nonce(self) -> str | None:
        return self.nonce

    def get_auth_time(self) -> int:
        return self.auth_time

    def get_acr(self) -> str:
        return level_uri(self.user.level)

    def get_amr(self) -> list[str]:
        return list(AMR_BY_LEVEL[self.user.level])


@dataclass
class SimToken(TokenMixin):
    access_token: str
    client: SimClient
    scope: str
    user: SimUser
    issued_at: float
    expires_in: int
    code: str | None = None
    revoked: bool = False

    def check_client(self, client: ClientMixin) -> bool:
        return client.get_client_id() == self.client.client_id

    def get_scope(self) -> str:
        return self.scope

    def get_expires_in(self) -> int:
        return self.expires_in

    def is_expired(self) -> bool:
        return time.time() >= self.issued_at + self.expires_in

    def is_revoked(self) -> bool:
        return self.revoked

    def get_user(self) -> SimUser:
        return self.user

    def get_client(self) -> SimClient:
        return self.client


@dataclass
class SimulatorStore:
    """Codes, tokens and nonces in memory, guarded by one lock. Codes are single-use."""

    codes: dict[str, SimAuthorizationCode] = field(default_factory=dict)
    redeemed_codes: dict[str, tuple[float, str | None]] = field(default_factory=dict)
    tokens: dict[str, SimToken] = field(default_factory=dict)
    nonces: dict[tuple[str, str], float] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def save_code(self, record: SimAuthorizationCode) -> None:
        with self.lock:
            self._purge(time.time())
            self.codes[record.code] = record
            if record.nonce:
                self.nonces[(record.client_id, record.nonce)] = time.time() + NONCE_MEMORY_SECONDS

    def take_code(self, code: str, client_id: str) -> SimAuthorizationCode | None:
        """Remove and return a live code issued to `client_id`. A code seen before is refused
        and the token issued for it is revoked (RFC 6749 section 4.1.2)."""
        with self.lock:
            if code in self.redeemed_codes:
                _, access_token = self.redeemed_codes[code]
                if access_token and access_token in self.tokens:
                    self.tokens[access_token].revoked = True
                log.info("mitid-sim: refused a replayed authorization code")
                return None
            record = self.codes.pop(code, None)
            if record is None:
                return None
            self.redeemed_codes[code] = (record.expires_at + NONCE_MEMORY_SECONDS, None)
            if record.client_id != client_id or record.expires_at < time.time():
                return None
            return record

    def save_token(self, token: SimToken) -> None:
        with self.lock:
            self.tokens[token.access_token] = token
            if token.code and token.code in self.redeemed_codes:
                expires, _ = self.redeemed_codes[token.code]
                self.redeemed_codes[token.code] = (expires, token.access_token)

    def find_token(self, access_token: str) -> SimToken | None:
        with self.lock:
            return self.tokens.get(access_token)

    def revoke_tokens(self, client_id: str, sub: str) -> None:
        with self.lock:
            for token in self.tokens.values():
                if token.client.client_id == client_id and token.user.sub == sub:
                    token.revoked = True

    def nonce_seen(self, client_id: str, nonce: str) -> bool:
        with self.lock:
            expires = self.nonces.get((client_id, nonce))
            return expires is not None and expires > time.time()

    def _purge(self, now: float) -> None:
        for code in [c for c, r in self.codes.items() if r.expires_at < now]:
            del self.codes[code]
        for code in [c for c, (exp, _) in self.redeemed_codes.items() if exp < now]:
            del self.redeemed_codes[code]
        for key in [k for k, exp in self.nonces.items() if exp < now]:
            del self.nonces[key]
        for access_token in [t for t, r in self.tokens.items() if r.is_expired()]:
            del self.tokens[access_token]


def citizen_user(
    keys: SimulatorKeys, cpr: str, given_name: str, family_name: str, level: str
) -> SimUser:
    """A citizen identity; `sub` and `mitid.uuid` are stable pseudonyms of the CPR number."""
    claims = {
        "sub": keys.pseudonym("citizen-sub", cpr),
        "dk.cpr": cpr,
        "mitid.uuid": keys.pseudonym("mitid-uuid", cpr),
        "given_name": given_name,
        "family_name": family_name,
        "name": f"{given_name} {family_name}",
    }
    return SimUser(claims, level)


def caseworker_user(keys: SimulatorKeys, caseworker: DemoCaseworker, level: str) -> SimUser:
    """An employee identity with organisation claims, like MitID Erhverv."""
    organisation = next(
        (org for org in DEMO_ORGANISATIONS if org.cvr == caseworker.organisation_cvr), None
    )
    claims: dict[str, Any] = {
        "sub": keys.pseudonym("professional-sub", caseworker.professional_id),
        "given_name": caseworker.given_name,
        "family_name": caseworker.family_name,
        "name": caseworker.full_name,
        "email": caseworker.email,
        "dk.cvr": caseworker.organisation_cvr,
        "mitid.professional_id": caseworker.professional_id,
        "jobnet.role": "caseworker",
    }
    if organisation is not None:
        claims["dk.org_name"] = organisation.name
    if caseworker.municipality_code:
        claims["dk.municipality_code"] = caseworker.municipality_code
    return SimUser(claims, level)
