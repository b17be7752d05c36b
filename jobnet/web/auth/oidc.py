"""OpenID Connect relying party: the login core, independent of Flask and its sessions.

`OidcRelyingParty` speaks to one provider for one client (citizens or caseworkers), with
Authlib's httpx client. The same code reaches the embedded MitID simulator in-process (pass
`httpx.WSGITransport(app=web_app)`) or a real MitID broker over HTTP (no transport).

The flow:
    redirect = rp.begin_login()          # store redirect.pending (e.g. in the session) and
                                         # send the browser to redirect.url
    identity = rp.complete_login(request.args, pending)   # on the callback
    url = rp.end_session_url(identity.id_token)           # logout at the provider

`complete_login` returns a `CitizenIdentity` or a `CaseworkerIdentity`, or raises
`LoginFailed` with one `LoginFailure` reason:

    cancelled             the user cancelled at the provider (error=access_denied)
    provider_error        the provider answered with another error, or an unusable answer
    state_mismatch        the callback's state is missing or not the one stored for this login
    invalid_token         the ID token's signature, iss, aud, exp, iat, azp or at_hash is wrong
    nonce_mismatch        the ID token's nonce is missing or not the one sent
    insufficient_level    the assurance level is below the required minimum (or unknown)
    missing_claim         a required identity claim is missing or malformed
    userinfo_mismatch     userinfo's sub differs from the ID token's sub
    replayed              the provider refused the code (already used, expired or not ours)
    provider_unavailable  discovery, JWKS, token or userinfo could not be fetched

Exception messages and log lines carry the reason and error codes only: never claims, CPR
numbers, codes or tokens.
"""

from __future__ import annotations

import hmac
import json
import logging
import re
import secrets
import threading
import time
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar, Literal

import httpx
from authlib.common.security import generate_token
from authlib.common.urls import add_params_to_uri
from authlib.oidc.core import CodeIDToken
from joserfc import jwt
from joserfc.errors import ClaimError, InvalidKeyIdError, JoseError
from joserfc.jwk import KeySet
from joserfc.jws import JWSRegistry

from jobnet.domain.cpr import InvalidCpr, normalise_cpr

with warnings.catch_warnings():
    # Authlib's httpx integration now prefers the "httpx2" fork and warns when it falls back to
    # httpx. This project uses httpx (its WSGITransport reaches the simulator in-process).
    warnings.simplefilter("ignore", DeprecationWarning)
    from authlib.integrations.httpx_client import OAuth2Client, OAuthError

log = logging.getLogger(__name__)

ClientKind = Literal["citizen", "caseworker"]

NSIS_SUBSTANTIAL = "https://data.gov.dk/concept/core/nsis/Substantial"
#: NSIS assurance levels in increasing order; compared by the last path segment of the value.
LEVEL_ORDER: dict[str, int] = {"low": 1, "substantial": 2, "high": 3}
#: Asymmetric signature algorithms accepted for ID tokens ("none" and HMAC never are).
ASYMMETRIC_ALGORITHMS: tuple[str, ...] = (
    "ES256", "ES384", "ES512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "EdDSA",
)  # fmt: skip


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


# --- settings --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimNames:
    """Where the provider puts each identity claim. Defaults: the MitID broker names."""

    cpr: str = "dk.cpr"
    uuid: str = "mitid.uuid"
    loa: str = "loa"
    given_name: str = "given_name"
    family_name: str = "family_name"
    name: str = "name"
    cvr: str = "dk.cvr"
    organisation_name: str = "dk.org_name"
    municipality_code: str = "dk.municipality_code"
    professional_id: str = "mitid.professional_id"
    role: str = "jobnet.role"


_DEFAULT_SCOPES: dict[ClientKind, str] = {
    "citizen": "openid profile ssn mitid",
    "caseworker": "openid profile professional",
}
_DEFAULT_CLIENT_IDS: dict[ClientKind, str] = {
    "citizen": "jobnet-citizen",
    "caseworker": "jobnet-caseworker",
}
_DEFAULT_CALLBACK_PATHS: dict[ClientKind, str] = {
    "citizen": "/auth/callback",
    "caseworker": "/auth/caseworker/callback",
}
_DEFAULT_SECRETS: dict[ClientKind, str] = {
    "citizen": "dev-citizen-secret",
    "caseworker": "dev-caseworker-secret",
}
DEFAULT_POST_LOGOUT_PATH = "/auth/logged-out"


@dataclass(frozen=True)
class OidcSettings:
    """One client at one provider."""

    kind: ClientKind
    issuer: str
    client_id: str
    client_secret: str
    redirect_uri: str
    scopes: str
    post_logout_redirect_uri: str | None = None
    acr_values: str | None = NSIS_SUBSTANTIAL
    min_level: str = "Substantial"
    claims: ClaimNames = field(default_factory=ClaimNames)
    token_endpoint_auth_method: str = "client_secret_basic"  # noqa: S105 - a method name
    timeout_seconds: float = 5.0
    leeway_seconds: int = 60
    metadata_max_age_seconds: int = 3600
    jwks_min_refresh_seconds: int = 30

    def __post_init__(self) -> None:
        if self.min_level.lower() not in LEVEL_ORDER:
            raise ValueError(f"unknown assurance level {self.min_level!r}")
        if not self.issuer:
            raise ValueError(f"the {self.kind} OIDC issuer is not configured")

    @classmethod
    def from_config(cls, config: Mapping[str, Any], kind: ClientKind) -> OidcSettings:
        """Read OIDC_<KIND>_* keys (KIND is CITIZEN or CASEWORKER); see `config_defaults`.

        An empty issuer means the embedded MitID simulator when MITID_SIMULATOR_ENABLED is
        true; empty redirect and post-logout URIs are the app's own, under PUBLIC_BASE_URL.
        """
        prefix = f"OIDC_{kind.upper()}_"
        defaults = config_defaults(kind)

        def get(name: str) -> Any:
            value = config.get(prefix + name)
            return defaults[prefix + name] if value is None else value

        base_url = str(config.get("PUBLIC_BASE_URL", "")).rstrip("/")
        issuer = str(get("ISSUER") or "")
        if not issuer and config.get("MITID_SIMULATOR_ENABLED"):
            issuer = str(config.get("MITID_SIM_ISSUER") or f"{base_url}/mitid-sim").rstrip("/")
        claims = ClaimNames(
            **{name: str(get(f"CLAIM_{name.upper()}")) for name in ClaimNames.__dataclass_fields__}
        )
        return cls(
            kind=kind,
            issuer=issuer,
            client_id=str(get("CLIENT_ID")),
            client_secret=str(get("CLIENT_SECRET")),
            redirect_uri=str(get("REDIRECT_URI") or base_url + _DEFAULT_CALLBACK_PATHS[kind]),
            scopes=str(get("SCOPES")),
            post_logout_redirect_uri=str(
                get("POST_LOGOUT_REDIRECT_URI") or base_url + DEFAULT_POST_LOGOUT_PATH
            ),
            acr_values=str(get("ACR_VALUES")) or None,
            min_level=str(get("MIN_LEVEL")),
            claims=claims,
            token_endpoint_auth_method=str(get("TOKEN_AUTH_METHOD")),
            timeout_seconds=float(get("TIMEOUT_SECONDS")),
        )


def config_defaults(kind: ClientKind) -> dict[str, Any]:
    """The OIDC_<KIND>_* configuration keys and their defaults (the embedded simulator's)."""
    prefix = f"OIDC_{kind.upper()}_"
    claim_defaults = {
        f"{prefix}CLAIM_{name.upper()}": value for name, value in ClaimNames().__dict__.items()
    }
    return {
        f"{prefix}ISSUER": "",
        f"{prefix}CLIENT_ID": _DEFAULT_CLIENT_IDS[kind],
        f"{prefix}CLIENT_SECRET": _DEFAULT_SECRETS[kind],
        f"{prefix}SCOPES": _DEFAULT_SCOPES[kind],
        f"{prefix}REDIRECT_URI": "",
        f"{prefix}POST_LOGOUT_REDIRECT_URI": "",
        f"{prefix}ACR_VALUES": NSIS_SUBSTANTIAL,
        f"{prefix}MIN_LEVEL": "Substantial",
        f"{prefix}TOKEN_AUTH_METHOD": "client_secret_basic",
        f"{prefix}TIMEOUT_SECONDS": 5.0,
        **claim_defaults,
    }


# --- what a login gives ----------------------------------------------------------------------


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


Identity = CitizenIdentity | CaseworkerIdentity


def level_name(value: object) -> str | None:
    """The NSIS level name ("Low", "Substantial", "High") of a claim value, compared by its
    last path segment; None when it is not one of them."""
    if not isinstance(value, str):
        return None
    segment = re.split(r"[/:#]", value.strip().rstrip("/"))[-1].lower()
    return segment.capitalize() if segment in LEVEL_ORDER else None


class _NonClosingTransport(httpx.BaseTransport):
    """Lets short-lived clients share one transport that the relying party owns."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.inner.handle_request(request)

    def close(self) -> None:
        """The relying party closes the inner transport (OidcRelyingParty.close)."""


# --- the relying party -----------------------------------------------------------------------


class OidcRelyingParty:
    """Login and logout with one OpenID provider, for one client."""

    def __init__(
        self,
        settings: OidcSettings,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.settings = settings
        self._transport = transport or httpx.HTTPTransport(retries=1)
        self._shared_transport = _NonClosingTransport(self._transport)
        self._clock = clock
        self._lock = threading.Lock()
        self._metadata: dict[str, Any] | None = None
        self._metadata_fetched_at = 0.0
        self._jwks: KeySet | None = None
        self._jwks_forced_at = float("-inf")

    def close(self) -> None:
        self._transport.close()

    # -- HTTP ------------------------------------------------------------------------------

    def _client(self) -> OAuth2Client:
        s = self.settings
        return OAuth2Client(
            client_id=s.client_id,
            client_secret=s.client_secret,
            token_endpoint_auth_method=s.token_endpoint_auth_method,
            scope=s.scopes,
            redirect_uri=s.redirect_uri,
            code_challenge_method="S256",
            transport=self._shared_transport,
            timeout=s.timeout_seconds,
            follow_redirects=False,
        )

    def _get_json(self, url: str) -> dict[str, Any]:
        with self._client() as client:
            response = client.request(
                "GET", url, withhold_token=True, headers={"Accept": "application/json"}
            )
        response.raise_for_status()
        data = response.json()
        if not isinstance(data, dict):
            raise ValueError("expected a JSON object")
        return data

    # -- discovery and keys ----------------------------------------------------------------

    def metadata(self) -> dict[str, Any]:
        """The provider's discovery document, cached; raises LoginFailed(provider_unavailable)
        when it cannot be fetched and LoginFailed(provider_error) when it is not usable."""
        with self._lock:
            age = self._clock() - self._metadata_fetched_at
            if self._metadata is not None and age < self.settings.metadata_max_age_seconds:
                return self._metadata
        url = self.settings.issuer.rstrip("/") + "/.well-known/openid-configuration"
        try:
            document = self._get_json(url)
        except (httpx.HTTPError, ValueError) as error:
            log.warning("oidc %s: discovery failed: %s", self.settings.kind, _kind_of(error))
            raise LoginFailed(LoginFailure.PROVIDER_UNAVAILABLE) from None
        self._check_metadata(document)
        with self._lock:
            self._metadata = document
            self._metadata_fetched_at = self._clock()
        return document

    def _check_metadata(self, document: Mapping[str, Any]) -> None:
        required = ("authorization_endpoint", "token_endpoint", "jwks_uri")
        if document.get("issuer") != self.settings.issuer or not all(
            isinstance(document.get(key), str) for key in required
        ):
            log.warning("oidc %s: discovery document is not usable", self.settings.kind)
            raise LoginFailed(LoginFailure.PROVIDER_ERROR)

    def _key_set(self, force: bool = False) -> KeySet:
        with self._lock:
            if self._jwks is not None and not force:
                return self._jwks
        try:
            key_set = KeySet.import_key_set(self._get_json(self.metadata()["jwks_uri"]))  # type: ignore[arg-type]
        except (httpx.HTTPError, ValueError, KeyError, TypeError, JoseError) as error:
            log.warning("oidc %s: JWKS fetch failed: %s", self.settings.kind, _kind_of(error))
            raise LoginFailed(LoginFailure.PROVIDER_UNAVAILABLE) from None
        with self._lock:
            self._jwks = key_set
        return key_set

    def _refreshed_key_set(self) -> KeySet | None:
        """A freshly fetched key set for an unknown kid, at most once per minimum interval."""
        with self._lock:
            now = self._clock()
            if now - self._jwks_forced_at < self.settings.jwks_min_refresh_seconds:
                return None
            self._jwks_forced_at = now
        return self._key_set(force=True)

    # -- login -----------------------------------------------------------------------------

    def begin_login(
        self, ui_locales: str | None = None, prompt: str | None = None
    ) -> LoginRedirect:
        """The authorization URL (code flow, PKCE S256, state, nonce, response_mode=query)
        and what must be stored for the callback."""
        endpoint = self.metadata()["authorization_endpoint"]
        pending = PendingLogin(
            state=secrets.token_urlsafe(32),
            nonce=secrets.token_urlsafe(32),
            code_verifier=generate_token(64),
        )
        extra: dict[str, str] = {"nonce": pending.nonce, "response_mode": "query"}
        if self.settings.acr_values:
            extra["acr_values"] = self.settings.acr_values
        if ui_locales:
            extra["ui_locales"] = ui_locales
        if prompt:
            extra["prompt"] = prompt
        with self._client() as client:
            url, _ = client.create_authorization_url(
                endpoint, state=pending.state, code_verifier=pending.code_verifier, **extra
            )
        return LoginRedirect(url=url, pending=pending)

    def complete_login(self, args: Mapping[str, str], pending: PendingLogin | None) -> Identity:
        """Check the callback's query arguments against the stored `pending` login and return
        the identity, or raise LoginFailed."""
        try:
            return self._complete(args, pending)
        except LoginFailed as failure:
            log.info("oidc %s: login refused: %s", self.settings.kind, failure.reason.value)
            raise

    def _complete(self, args: Mapping[str, str], pending: PendingLogin | None) -> Identity:
        state = args.get("state")
        if pending is None or not state or not hmac.compare_digest(state, pending.state):
            raise LoginFailed(LoginFailure.STATE_MISMATCH)
        if args.get("error"):
            self._raise_for_provider_error(str(args["error"]))
        code = args.get("code")
        if not code:
            raise LoginFailed(LoginFailure.PROVIDER_ERROR)
        metadata = self.metadata()
        if args.get("iss") is not None and args.get("iss") != metadata["issuer"]:
            raise LoginFailed(LoginFailure.PROVIDER_ERROR)
        token = self._exchange_code(metadata, code, pending.code_verifier)
        id_token = token.get("id_token")
        access_token = token.get("access_token")
        if not isinstance(id_token, str) or not isinstance(access_token, str):
            raise LoginFailed(LoginFailure.INVALID_TOKEN)
        claims = self._verify_id_token(id_token, pending.nonce, access_token)
        userinfo = self._userinfo(metadata, access_token)
        if userinfo is not None and userinfo.get("sub") != claims["sub"]:
            raise LoginFailed(LoginFailure.USERINFO_MISMATCH)
        merged = {**(userinfo or {}), **claims}
        level = self._checked_level(merged)
        return self._identity(merged, level, id_token)

    def _raise_for_provider_error(self, error: str) -> None:
        code = error if re.fullmatch(r"[a-z_]{1,40}", error) else "unrecognised"
        log.info("oidc %s: the provider answered error=%s", self.settings.kind, code)
        if error == "access_denied":
            raise LoginFailed(LoginFailure.CANCELLED)
        raise LoginFailed(LoginFailure.PROVIDER_ERROR)

    def _exchange_code(
        self, metadata: Mapping[str, Any], code: str, code_verifier: str
    ) -> dict[str, Any]:
        try:
            with self._client() as client:
                token = client.fetch_token(
                    metadata["token_endpoint"],
                    grant_type="authorization_code",
                    code=code,
                    code_verifier=code_verifier,
                )
        except OAuthError as error:
            log.info("oidc %s: token endpoint said %s", self.settings.kind, error.error)
            if error.error == "invalid_grant":
                raise LoginFailed(LoginFailure.REPLAYED) from None
            raise LoginFailed(LoginFailure.PROVIDER_ERROR) from None
        except (httpx.HTTPError, ValueError) as error:
            log.warning("oidc %s: token request failed: %s", self.settings.kind, _kind_of(error))
            raise LoginFailed(LoginFailure.PROVIDER_UNAVAILABLE) from None
        return dict(token)

    def _algorithms(self) -> list[str]:
        advertised = self.metadata().get("id_token_signing_alg_values_supported") or ["RS256"]
        return [alg for alg in ASYMMETRIC_ALGORITHMS if alg in advertised]

    def _decode(self, token: str) -> jwt.Token:
        registry = JWSRegistry(algorithms=self._algorithms(), strict_check_header=False)
        try:
            return jwt.decode(token, self._key_set(), registry=registry)
        except InvalidKeyIdError:
            refreshed = self._refreshed_key_set()
            if refreshed is None:
                raise
            return jwt.decode(token, refreshed, registry=registry)

    def _verify_id_token(self, id_token: str, nonce: str, access_token: str) -> dict[str, Any]:
        s = self.settings
        options = {
            "iss": {"essential": True, "value": self.metadata()["issuer"]},
            "aud": {"essential": True, "value": s.client_id},
            "sub": {"essential": True},
            "exp": {"essential": True},
            "iat": {"essential": True},
        }
        params = {"nonce": nonce, "client_id": s.client_id, "access_token": access_token}
        try:
            token = self._decode(id_token)
            claims = CodeIDToken(token.claims, token.header, options, params)
            claims.validate(now=int(self._clock()), leeway=s.leeway_seconds)
        except ClaimError as error:
            log.info("oidc %s: ID token claim refused: %s", s.kind, error.claim)
            if error.claim == "nonce":
                raise LoginFailed(LoginFailure.NONCE_MISMATCH) from None
            raise LoginFailed(LoginFailure.INVALID_TOKEN) from None
        except (JoseError, ValueError, TypeError) as error:
            log.info("oidc %s: ID token refused: %s", s.kind, _kind_of(error))
            raise LoginFailed(LoginFailure.INVALID_TOKEN) from None
        return dict(claims)

    def _userinfo(self, metadata: Mapping[str, Any], access_token: str) -> dict[str, Any] | None:
        """The userinfo claims (plain JSON, or a signed JWT checked like the ID token's
        signature, iss and aud); None when the provider has no userinfo endpoint."""
        url = metadata.get("userinfo_endpoint")
        if not url:
            return None
        try:
            with self._client() as client:
                response = client.request(
                    "GET",
                    url,
                    withhold_token=True,
                    headers={"Authorization": f"Bearer {access_token}"},
                )
            response.raise_for_status()
            if response.headers.get("content-type", "").startswith("application/jwt"):
                return self._signed_userinfo(response.text)
            data = response.json()
        except (httpx.HTTPError, json.JSONDecodeError) as error:
            log.warning("oidc %s: userinfo failed: %s", self.settings.kind, _kind_of(error))
            raise LoginFailed(LoginFailure.PROVIDER_UNAVAILABLE) from None
        if not isinstance(data, dict):
            raise LoginFailed(LoginFailure.PROVIDER_ERROR)
        return data

    def _signed_userinfo(self, text: str) -> dict[str, Any]:
        try:
            token = self._decode(text.strip())
            registry = jwt.JWTClaimsRegistry(
                now=int(self._clock()),
                leeway=self.settings.leeway_seconds,
                iss={"essential": True, "value": self.metadata()["issuer"]},
                aud={"essential": True, "value": self.settings.client_id},
            )
            registry.validate(token.claims)
        except (JoseError, ValueError, TypeError) as error:
            log.info("oidc %s: signed userinfo refused: %s", self.settings.kind, _kind_of(error))
            raise LoginFailed(LoginFailure.INVALID_TOKEN) from None
        return dict(token.claims)

    def _checked_level(self, claims: Mapping[str, Any]) -> str:
        raw = claims.get(self.settings.claims.loa)
        if raw is None:
            raise LoginFailed(LoginFailure.MISSING_CLAIM)
        level = level_name(raw)
        minimum = LEVEL_ORDER[self.settings.min_level.lower()]
        if level is None or LEVEL_ORDER[level.lower()] < minimum:
            raise LoginFailed(LoginFailure.INSUFFICIENT_LEVEL)
        return level

    # -- identities ------------------------------------------------------------------------

    def _identity(self, claims: Mapping[str, Any], level: str, id_token: str) -> Identity:
        if self.settings.kind == "caseworker":
            return self._caseworker(claims, level, id_token)
        return self._citizen(claims, level, id_token)

    def _citizen(self, claims: Mapping[str, Any], level: str, id_token: str) -> CitizenIdentity:
        names = self.settings.claims
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
        )

    def _caseworker(
        self, claims: Mapping[str, Any], level: str, id_token: str
    ) -> CaseworkerIdentity:
        names = self.settings.claims
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
        )

    # -- logout ----------------------------------------------------------------------------

    def end_session_url(
        self,
        id_token_hint: str | None,
        state: str | None = None,
        ui_locales: str | None = None,
    ) -> str | None:
        """The provider's end-session URL with id_token_hint, post_logout_redirect_uri,
        client_id and state; None when the provider has no end-session endpoint or cannot be
        reached (the caller then only ends the local session)."""
        try:
            endpoint = self.metadata().get("end_session_endpoint")
        except LoginFailed:
            return None
        if not isinstance(endpoint, str) or not endpoint:
            return None
        params: dict[str, str] = {"client_id": self.settings.client_id}
        if id_token_hint:
            params["id_token_hint"] = id_token_hint
        if self.settings.post_logout_redirect_uri:
            params["post_logout_redirect_uri"] = self.settings.post_logout_redirect_uri
            params["state"] = state or secrets.token_urlsafe(16)
        if ui_locales:
            params["ui_locales"] = ui_locales
        return str(add_params_to_uri(endpoint, params))


def _kind_of(error: BaseException) -> str:
    """An exception's class name: safe to log, unlike its message."""
    return type(error).__name__


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
