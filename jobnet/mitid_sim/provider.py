"""The simulator's OpenID provider, built on Authlib's server side.

One `SimulatorProvider` per Flask app (in `app.extensions["mitid_sim"]`) holds the Authlib
authorization server, the signing keys and an in-memory store of authorization codes, access
tokens and seen nonces. The store lives in the process, unless MITID_SIM_STORE_PATH names a
SQLite file that every process shares (several web workers: see `shared_store`)."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any

from authlib.common.security import generate_token
from authlib.integrations.flask_oauth2 import AuthorizationServer, ResourceProtector
from authlib.oauth2.rfc6749 import (
    AuthorizationCodeGrant,
    InvalidRequestError,
    InvalidScopeError,
    OAuth2Request,
    scope_to_list,
)
from authlib.oauth2.rfc6750 import BearerTokenGenerator, BearerTokenValidator
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import OpenIDCode, UserInfo, UserInfoEndpoint
from authlib.oidc.rpinitiated import EndSessionEndpoint, EndSessionRequest
from flask import Flask, current_app
from joserfc.jwk import KeySet, RSAKey

from jobnet.mitid_sim.keys import (
    SIGNING_ALGORITHM,
    SimulatorKeys,
    load_or_create_keys,
    rotate_keys,
)
from jobnet.mitid_sim.records import (
    ACCESS_TOKEN_LIFETIME_SECONDS,
    CODE_LIFETIME_SECONDS,
    ID_TOKEN_LIFETIME_SECONDS,
    LEVELS,
    SCOPE_CLAIMS,
    SimAuthorizationCode,
    SimClient,
    SimToken,
    SimulatorStore,
    SimUser,
    configured_clients,
    level_uri,
    released_claims,
    simulator_issuer,
)
from jobnet.mitid_sim.shared_store import SharedSimulatorStore

log = logging.getLogger(__name__)


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

    def __init__(self, store_path: str = "") -> None:
        self.store: SimulatorStore | SharedSimulatorStore = (
            SharedSimulatorStore(store_path) if store_path else SimulatorStore()
        )
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
        store_path = str(app.config.get("MITID_SIM_STORE_PATH") or "")
        provider = app.extensions.setdefault("mitid_sim", SimulatorProvider(store_path))
    return provider


def current_provider() -> SimulatorProvider:
    return provider_for(current_app._get_current_object())  # type: ignore[attr-defined]
