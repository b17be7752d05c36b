"""The simulator's OpenID provider, built on Authlib's server side.

One `SimulatorProvider` per Flask app (in `app.extensions["mitid_sim"]`) holds the Authlib
authorization server, the signing keys and an in-memory store of authorization codes, access
tokens and seen nonces. The store lives in the process: the simulator is meant for one
process (development, demos, tests).
"""

from __future__ import annotations

import hmac
import json
import logging
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from authlib.common.security import generate_token
from authlib.integrations.flask_oauth2 import AuthorizationServer, ResourceProtector
from authlib.oauth2.rfc6749 import (
    AuthorizationCodeGrant,
    ClientMixin,
    InvalidRequestError,
    InvalidScopeError,
    OAuth2Request,
    TokenMixin,
    list_to_scope,
    scope_to_list,
)
from authlib.oauth2.rfc6750 import BearerTokenGenerator, BearerTokenValidator
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import AuthorizationCodeMixin, OpenIDCode, UserInfo, UserInfoEndpoint
from authlib.oidc.rpinitiated import EndSessionEndpoint, EndSessionRequest
from flask import Flask, current_app
from joserfc.jwk import KeySet, RSAKey

from jobnet.demo_identities import DEMO_ORGANISATIONS, DemoCaseworker
from jobnet.mitid_sim.keys import (
    SIGNING_ALGORITHM,
    SimulatorKeys,
    load_or_create_keys,
    rotate_keys,
)

log = logging.getLogger(__name__)

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


# --- clients ---------------------------------------------------------------------------------


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


# --- users, codes and tokens -----------------------------------------------------------------


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


# --- the Authlib server ----------------------------------------------------------------------


class RequiredS256CodeChallenge(CodeChallenge):
    """PKCE is required of every client, and only with S256."""

    SUPPORTED_CODE_CHALLENGE_METHOD = ["S256"]

    def validate_code_challenge(self, grant: AuthorizationCodeGrant, redirect_uri: str) -> None:
        data = grant.request.payload.data
        if not data.get("code_challenge"):
            raise InvalidRequestError("Missing 'code_challenge'")
        if data.get("code_challenge_method") != "S256":
            raise InvalidRequestError("'code_challenge_method' must be S256")
        super().validate_code_challenge(grant, redirect_uri)


class SimAuthorizationCodeGrant(AuthorizationCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]

    server: SimAuthorizationServer

    def validate_authorization_request(self) -> str:
        if not self.request.payload.redirect_uri:
            raise InvalidRequestError("Missing 'redirect_uri' in request.")
        redirect_uri: str = super().validate_authorization_request()
        if "openid" not in scope_to_list(self.request.payload.scope or ""):
            raise InvalidScopeError("The 'openid' scope is required.", redirect_uri=redirect_uri)
        return redirect_uri

    def save_authorization_code(self, code: str, request: OAuth2Request) -> None:
        data = request.payload.data
        now = time.time()
        record = SimAuthorizationCode(
            code=code,
            client_id=request.client.get_client_id(),
            redirect_uri=request.payload.redirect_uri,
            scope=request.scope,
            user=request.user,
            nonce=data.get("nonce"),
            code_challenge=data.get("code_challenge"),
            code_challenge_method=data.get("code_challenge_method"),
            auth_time=int(now),
            expires_at=now + CODE_LIFETIME_SECONDS,
        )
        self.server.provider.store.save_code(record)

    def query_authorization_code(self, code: str, client: SimClient) -> SimAuthorizationCode | None:
        return self.server.provider.store.take_code(code, client.client_id)

    def delete_authorization_code(self, authorization_code: SimAuthorizationCode) -> None:
        """Nothing left to do: take_code removed the code when it was looked up."""

    def authenticate_user(self, authorization_code: SimAuthorizationCode) -> SimUser:
        return authorization_code.user


class SimOpenIDCode(OpenIDCode):
    """Adds the signed ID token to the token response."""

    def __init__(self, provider: SimulatorProvider) -> None:
        super().__init__(require_nonce=True)
        self.provider = provider

    def exists_nonce(self, nonce: str, request: OAuth2Request) -> bool:
        return self.provider.store.nonce_seen(request.payload.client_id, nonce)

    def resolve_client_private_key(self, client: SimClient) -> RSAKey:
        return self.provider.keys().current

    def get_client_algorithm(self, client: SimClient) -> str:
        return SIGNING_ALGORITHM

    def get_encode_header(self, client: SimClient) -> dict[str, str]:
        return {"alg": SIGNING_ALGORITHM, "kid": self.provider.keys().kid}

    def get_client_claims(self, client: SimClient) -> dict[str, Any]:
        now = int(time.time())
        return {
            "iss": self.provider.issuer(),
            "aud": client.client_id,
            "iat": now,
            "exp": now + ID_TOKEN_LIFETIME_SECONDS,
        }

    def generate_user_info(self, user: SimUser, scope: str) -> UserInfo:
        return UserInfo(released_claims(user, scope))


class SimUserInfoEndpoint(UserInfoEndpoint):
    def __init__(self, provider: SimulatorProvider, resource_protector: ResourceProtector):
        super().__init__(resource_protector=resource_protector)
        self.provider = provider

    def generate_user_info(self, user: SimUser, scope: str) -> UserInfo:
        return UserInfo(released_claims(user, scope))

    def get_issuer(self) -> str:
        return self.provider.issuer()

    def resolve_private_key(self) -> RSAKey:
        return self.provider.keys().current


class SimEndSessionEndpoint(EndSessionEndpoint):
    def __init__(self, provider: SimulatorProvider) -> None:
        super().__init__()
        self.provider = provider

    def get_server_jwks(self) -> KeySet:
        return self.provider.keys().public_key_set()

    def get_algorithms(self) -> list[str]:
        return [SIGNING_ALGORITHM]

    def is_post_logout_redirect_uri_legitimate(
        self, request: Any, post_logout_redirect_uri: str, client: Any, logout_hint: str | None
    ) -> bool:
        """A relying party that names itself by client_id (instead of an ID token hint, which
        would put the person's CPR number into the URL) is sent back to a post-logout URI it
        registered: Authlib has already checked that the URI is one of the client's. The
        simulator keeps no login session, so there is nothing to confirm."""
        return client is not None

    def end_session(self, end_session_request: EndSessionRequest) -> None:
        claims = end_session_request.id_token_claims
        client = end_session_request.client
        if claims and client is not None and isinstance(claims.get("sub"), str):
            self.provider.store.revoke_tokens(client.get_client_id(), claims["sub"])


class SimBearerTokenValidator(BearerTokenValidator):
    def __init__(self, provider: SimulatorProvider) -> None:
        super().__init__()
        self.provider = provider

    def authenticate_token(self, token_string: str) -> SimToken | None:
        return self.provider.store.find_token(token_string)


class SimAuthorizationServer(AuthorizationServer):
    """Authlib's Flask authorization server, with the simulator's clients and store."""

    def __init__(self, provider: SimulatorProvider) -> None:
        super().__init__()
        self.provider = provider
        self.scopes_supported = sorted(SCOPE_CLAIMS)
        self.register_token_generator(
            "default",
            BearerTokenGenerator(
                access_token_generator=lambda **_: generate_token(42),
                expires_generator=ACCESS_TOKEN_LIFETIME_SECONDS,
            ),
        )

    def query_client(self, client_id: str) -> SimClient | None:
        return self.provider.clients().get(client_id)

    def save_token(self, token: dict[str, Any], request: OAuth2Request) -> None:
        code = request.authorization_code
        self.provider.store.save_token(
            SimToken(
                access_token=token["access_token"],
                client=request.client,
                scope=token.get("scope", ""),
                user=request.user,
                issued_at=time.time(),
                expires_in=int(token.get("expires_in", ACCESS_TOKEN_LIFETIME_SECONDS)),
                code=code.code if code is not None else None,
            )
        )


class SimulatorProvider:
    """The simulator of one Flask app: server, keys (loaded on first use) and store."""

    def __init__(self) -> None:
        self.store = SimulatorStore()
        self._keys: SimulatorKeys | None = None
        self._keys_lock = threading.Lock()
        self.server = SimAuthorizationServer(self)
        self.server.register_grant(
            SimAuthorizationCodeGrant,
            [RequiredS256CodeChallenge(required=True), SimOpenIDCode(self)],
        )
        protector = ResourceProtector()
        protector.register_token_validator(SimBearerTokenValidator(self))
        self.server.register_endpoint(SimUserInfoEndpoint(self, protector))
        self.server.register_endpoint(SimEndSessionEndpoint(self))

    @staticmethod
    def key_path() -> Path:
        configured = current_app.config.get("MITID_SIM_KEY_PATH")
        if configured:
            return Path(configured)
        return Path(current_app.instance_path) / "mitid-sim-key.json"

    def keys(self) -> SimulatorKeys:
        with self._keys_lock:
            if self._keys is None:
                self._keys = load_or_create_keys(self.key_path())
            return self._keys

    def rotate_keys(self) -> SimulatorKeys:
        """Start signing with a new key; the previous key stays in the JWKS."""
        with self._keys_lock:
            self._keys = rotate_keys(self.key_path())
            return self._keys

    @staticmethod
    def issuer() -> str:
        return simulator_issuer(current_app.config)

    @staticmethod
    def clients() -> dict[str, SimClient]:
        return configured_clients(current_app.config)

    def discovery_document(self) -> dict[str, Any]:
        issuer = self.issuer()
        claims = sorted({name for names in SCOPE_CLAIMS.values() for name in names})
        return {
            "issuer": issuer,
            "authorization_endpoint": f"{issuer}/authorize",
            "token_endpoint": f"{issuer}/token",
            "userinfo_endpoint": f"{issuer}/userinfo",
            "jwks_uri": f"{issuer}/jwks",
            "end_session_endpoint": f"{issuer}/logout",
            "scopes_supported": sorted(SCOPE_CLAIMS),
            "response_types_supported": ["code"],
            "response_modes_supported": ["query"],
            "grant_types_supported": ["authorization_code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": [SIGNING_ALGORITHM],
            "token_endpoint_auth_methods_supported": [
                "client_secret_basic",
                "client_secret_post",
            ],
            "code_challenge_methods_supported": ["S256"],
            "acr_values_supported": [level_uri(level) for level in LEVELS],
            "claims_supported": sorted({*claims, "loa", "acr", "amr", "auth_time", "nonce"}),
            "claims_parameter_supported": False,
            "request_parameter_supported": False,
            "ui_locales_supported": ["da", "en"],
        }


def provider_for(app: Flask) -> SimulatorProvider:
    """The app's simulator, made on first use."""
    provider = app.extensions.get("mitid_sim")
    if provider is None:
        provider = app.extensions.setdefault("mitid_sim", SimulatorProvider())
    return provider


def current_provider() -> SimulatorProvider:
    return provider_for(current_app._get_current_object())  # type: ignore[attr-defined]


# --- identities chosen on the login page -----------------------------------------------------


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
