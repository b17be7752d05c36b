"""OpenID Connect relying party: the login core, independent of Flask and its sessions.

`OidcRelyingParty` speaks to one provider for one client (citizens or caseworkers), with
Authlib's httpx client. The same code reaches the embedded MitID simulator in-process (pass
`httpx.WSGITransport(app=web_app)`) or a real MitID broker over HTTP (no transport).

The flow:
    redirect = rp.begin_login()          # store redirect.pending (e.g. in the session) and
                                         # send the browser to redirect.url
    identity = rp.complete_login(request.args, pending)   # on the callback
    url = rp.end_session_url()                            # logout at the provider
    logout = verify_logout_token(rp, token)               # back-channel logout (backchannel.py)

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
from typing import Any

import httpx
from authlib.common.security import generate_token
from authlib.common.urls import add_params_to_uri
from authlib.oidc.core import CodeIDToken
from joserfc import jwt
from joserfc.errors import ClaimError, InvalidKeyIdError, JoseError
from joserfc.jwk import KeySet
from joserfc.jws import JWSRegistry

from jobnet.web.auth.oidc_identity import (
    CaseworkerIdentity,
    CitizenIdentity,
    Identity,
    LoginFailed,
    LoginFailure,
    LoginRedirect,
    PendingLogin,
    caseworker_identity,
    citizen_identity,
    level_name,
)
from jobnet.web.auth.oidc_settings import (
    DEFAULT_POST_LOGOUT_PATH,
    LEVEL_ORDER,
    NSIS_SUBSTANTIAL,
    ClaimNames,
    ClientKind,
    OidcSettings,
    config_defaults,
)

with warnings.catch_warnings():
    # Authlib's httpx integration now prefers the "httpx2" fork and warns when it falls back to
    # httpx. This project uses httpx (its WSGITransport reaches the simulator in-process).
    warnings.simplefilter("ignore", DeprecationWarning)
    from authlib.integrations.httpx_client import OAuth2Client, OAuthError

log = logging.getLogger(__name__)

# The names callers import from here (the settings and identities live in their own modules).
__all__ = [
    "ASYMMETRIC_ALGORITHMS",
    "DEFAULT_POST_LOGOUT_PATH",
    "LEVEL_ORDER",
    "NSIS_SUBSTANTIAL",
    "CaseworkerIdentity",
    "CitizenIdentity",
    "ClaimNames",
    "ClientKind",
    "Identity",
    "LoginFailed",
    "LoginFailure",
    "LoginRedirect",
    "OidcRelyingParty",
    "OidcSettings",
    "PendingLogin",
    "config_defaults",
    "level_name",
]

#: Asymmetric signature algorithms accepted for ID tokens ("none" and HMAC never are).
ASYMMETRIC_ALGORITHMS: tuple[str, ...] = (
    "ES256", "ES384", "ES512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "EdDSA",
)  # fmt: skip


def _kind_of(error: BaseException) -> str:
    """An exception's class name: safe to log, unlike its message."""
    return type(error).__name__


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
        level = level_name(raw, self.settings.level_uris)
        minimum = LEVEL_ORDER[self.settings.min_level.lower()]
        if level is None or LEVEL_ORDER[level.lower()] < minimum:
            raise LoginFailed(LoginFailure.INSUFFICIENT_LEVEL)
        return level

    # -- identities ------------------------------------------------------------------------

    def _identity(self, claims: Mapping[str, Any], level: str, id_token: str) -> Identity:
        if self.settings.kind == "caseworker":
            return caseworker_identity(claims, self.settings.claims, level, id_token)
        return citizen_identity(claims, self.settings.claims, level, id_token)

    # -- logout ----------------------------------------------------------------------------

    def end_session_url(
        self, state: str | None = None, ui_locales: str | None = None
    ) -> str | None:
        """The provider's end-session URL with client_id, post_logout_redirect_uri and state
        (OpenID RP-Initiated Logout 1.0 section 2); None when the provider has no end-session
        endpoint or cannot be reached (the caller then only ends the local session).

        No id_token_hint: a MitID broker's ID token carries the CPR number, which must never be
        put into a URL (browser history, the provider's access log). The spec lets client_id
        identify the relying party instead; the provider then asks the user to confirm."""
        try:
            endpoint = self.metadata().get("end_session_endpoint")
        except LoginFailed:
            return None
        if not isinstance(endpoint, str) or not endpoint:
            return None
        params: dict[str, str] = {"client_id": self.settings.client_id}
        if self.settings.post_logout_redirect_uri:
            params["post_logout_redirect_uri"] = self.settings.post_logout_redirect_uri
            params["state"] = state or secrets.token_urlsafe(16)
        if ui_locales:
            params["ui_locales"] = ui_locales
        return str(add_params_to_uri(endpoint, params))

    def decode_signed(self, token: str) -> jwt.Token:
        """A JWT signed by the provider (checked against its JWKS with the ID token's
        algorithms); raises joserfc's errors or LoginFailed(provider_unavailable)."""
        return self._decode(token)
