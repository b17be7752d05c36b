"""The OIDC relying party against a fake provider (httpx.MockTransport, tokens made with joserfc).

Every refusal is a LoginFailed with its reason; nothing else escapes complete_login.
"""

from __future__ import annotations

import base64
import hashlib
import json
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import ECKey, KeySet

from jobnet.web.auth.oidc import (
    CaseworkerIdentity,
    CitizenIdentity,
    LoginFailed,
    LoginFailure,
    OidcRelyingParty,
    OidcSettings,
    PendingLogin,
    config_defaults,
    level_name,
)

ISSUER = "https://op.example"
CLIENT_ID = "jobnet-citizen"
NSIS = "https://data.gov.dk/concept/core/nsis/"
DELETE = object()


def _new_key() -> ECKey:
    return ECKey.generate_key("P-256", auto_kid=True)


class FakeProvider:
    """Just enough of an OpenID provider to exercise the relying party."""

    def __init__(self) -> None:
        self.signing_key = _new_key()
        self.published: list[ECKey] = [self.signing_key]
        self.claim_overrides: dict[str, Any] = {}
        self.header_overrides: dict[str, Any] = {}
        self.userinfo_overrides: dict[str, Any] = {}
        self.token_error: str | None = None
        self.fail_with_status: int | None = None
        self.nonce: str | None = None
        self.used_codes: set[str] = set()
        self.token_requests: list[dict[str, list[str]]] = []
        self.jwks_fetches = 0
        self.discovery: dict[str, Any] = {
            "issuer": ISSUER,
            "authorization_endpoint": f"{ISSUER}/authorize",
            "token_endpoint": f"{ISSUER}/token",
            "userinfo_endpoint": f"{ISSUER}/userinfo",
            "jwks_uri": f"{ISSUER}/jwks",
            "end_session_endpoint": f"{ISSUER}/logout",
            "id_token_signing_alg_values_supported": ["ES256"],
        }

    def identity_claims(self) -> dict[str, Any]:
        return {
            "sub": "6f1c1d0e-0000-4000-8000-000000000001",
            "dk.cpr": "1203851234",
            "mitid.uuid": "0f0e0d0c-0000-4000-8000-000000000002",
            "given_name": "Mette",
            "family_name": "Nielsen",
            "name": "Mette Nielsen",
            "loa": NSIS + "Substantial",
        }

    def id_token(self) -> str:
        now = int(time.time())
        claims = {
            "iss": ISSUER,
            "aud": CLIENT_ID,
            "iat": now,
            "exp": now + 300,
            "nonce": self.nonce,
            **self.identity_claims(),
        }
        _apply(claims, self.claim_overrides)
        header = {"alg": "ES256", "kid": self.signing_key.kid}
        _apply(header, self.header_overrides)
        return jwt.encode(header, claims, self.signing_key, algorithms=["ES256"])

    def handle(self, request: httpx.Request) -> httpx.Response:
        if self.fail_with_status:
            return httpx.Response(self.fail_with_status, text="down")
        path = request.url.path
        if path == "/.well-known/openid-configuration":
            return httpx.Response(200, json=self.discovery)
        if path == "/jwks":
            self.jwks_fetches += 1
            return httpx.Response(200, json=KeySet(self.published).as_dict(private=False))
        if path == "/token":
            return self._token(request)
        if path == "/userinfo":
            assert request.headers["Authorization"] == "Bearer at-1"
            claims = self.identity_claims()
            _apply(claims, self.userinfo_overrides)
            return httpx.Response(200, json=claims)
        return httpx.Response(404)

    def _token(self, request: httpx.Request) -> httpx.Response:
        form = parse_qs(request.content.decode())
        self.token_requests.append(form)
        code = form["code"][0]
        if self.token_error:
            return httpx.Response(400, json={"error": self.token_error})
        if code in self.used_codes:
            return httpx.Response(400, json={"error": "invalid_grant"})
        self.used_codes.add(code)
        return httpx.Response(
            200,
            json={"access_token": "at-1", "token_type": "Bearer", "id_token": self.id_token()},
        )


def _b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def _apply(target: dict[str, Any], overrides: dict[str, Any]) -> None:
    for key, value in overrides.items():
        if value is DELETE:
            target.pop(key, None)
        else:
            target[key] = value


def _settings(**overrides: Any) -> OidcSettings:
    values: dict[str, Any] = {
        "kind": "citizen",
        "issuer": ISSUER,
        "client_id": CLIENT_ID,
        "client_secret": "secret",
        "redirect_uri": "https://rp.example/auth/callback",
        "scopes": "openid profile ssn mitid",
        "post_logout_redirect_uri": "https://rp.example/auth/logged-out",
    }
    values.update(overrides)
    return OidcSettings(**values)


@pytest.fixture
def provider() -> FakeProvider:
    return FakeProvider()


@pytest.fixture
def make_rp(provider: FakeProvider) -> Callable[..., OidcRelyingParty]:
    def make(**overrides: Any) -> OidcRelyingParty:
        return OidcRelyingParty(
            _settings(**overrides), transport=httpx.MockTransport(provider.handle)
        )

    return make


@pytest.fixture
def rp(make_rp: Callable[..., OidcRelyingParty]) -> OidcRelyingParty:
    return make_rp()


def _login(
    rp: OidcRelyingParty, provider: FakeProvider, code: str = "code-1", **arg_overrides: str
) -> CitizenIdentity | CaseworkerIdentity:
    redirect = rp.begin_login()
    provider.nonce = redirect.pending.nonce
    args = {"code": code, "state": redirect.pending.state, **arg_overrides}
    return rp.complete_login(args, redirect.pending)


def _refused(rp: OidcRelyingParty, provider: FakeProvider, **arg_overrides: str) -> LoginFailure:
    with pytest.raises(LoginFailed) as caught:
        _login(rp, provider, **arg_overrides)
    return caught.value.reason


def test_authorization_url_has_code_flow_pkce_state_nonce(
    rp: OidcRelyingParty, provider: FakeProvider
) -> None:
    redirect = rp.begin_login(ui_locales="da")
    parts = urlsplit(redirect.url)
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{ISSUER}/authorize"
    assert query["response_type"] == "code"
    assert query["response_mode"] == "query"
    assert query["client_id"] == CLIENT_ID
    assert query["redirect_uri"] == "https://rp.example/auth/callback"
    assert query["scope"] == "openid profile ssn mitid"
    assert query["state"] == redirect.pending.state
    assert query["nonce"] == redirect.pending.nonce
    assert query["acr_values"] == NSIS + "Substantial"
    assert query["ui_locales"] == "da"
    assert query["code_challenge_method"] == "S256"
    digest = hashlib.sha256(redirect.pending.code_verifier.encode()).digest()
    assert query["code_challenge"] == base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    assert "code_verifier" not in query


def test_a_good_login_gives_the_mapped_citizen(
    rp: OidcRelyingParty, provider: FakeProvider
) -> None:
    identity = _login(rp, provider)
    assert isinstance(identity, CitizenIdentity)
    assert identity.cpr == "1203851234"
    assert identity.subject == "6f1c1d0e-0000-4000-8000-000000000001"
    assert identity.mitid_uuid == "0f0e0d0c-0000-4000-8000-000000000002"
    assert identity.name == "Mette Nielsen"
    assert identity.level == "Substantial"
    assert identity.issuer == ISSUER
    assert identity.id_token.count(".") == 2
    assert "1203851234" not in repr(identity)
    form = provider.token_requests[0]
    assert form["grant_type"] == ["authorization_code"]
    assert len(form["code_verifier"][0]) >= 43


def test_claim_names_are_configuration(
    make_rp: Callable[..., OidcRelyingParty], provider: FakeProvider
) -> None:
    from jobnet.web.auth.oidc import ClaimNames

    provider.claim_overrides = {
        "dk.cpr": DELETE,
        "loa": DELETE,
        "https://data.gov.dk/model/core/eid/cprNumber": "0507921457",
        "https://data.gov.dk/concept/core/nsis/loa": NSIS + "High",
    }
    provider.userinfo_overrides = {"dk.cpr": DELETE, "loa": DELETE}
    rp = make_rp(
        claims=ClaimNames(
            cpr="https://data.gov.dk/model/core/eid/cprNumber",
            loa="https://data.gov.dk/concept/core/nsis/loa",
        )
    )
    identity = _login(rp, provider)
    assert isinstance(identity, CitizenIdentity)
    assert identity.cpr == "0507921457"
    assert identity.level == "High"


def test_caseworker_identity(
    make_rp: Callable[..., OidcRelyingParty], provider: FakeProvider
) -> None:
    caseworker = {
        "sub": "cw-sub",
        "name": "Hanne Mikkelsen",
        "dk.cvr": "29190011",
        "dk.org_name": "Jobcenter København",
        "dk.municipality_code": "0101",
        "mitid.professional_id": "CVR:29190011-RID:41120001",
        "jobnet.role": "caseworker",
        "dk.cpr": DELETE,
    }
    provider.claim_overrides = {**caseworker, "aud": "jobnet-caseworker"}
    provider.userinfo_overrides = caseworker
    rp = make_rp(kind="caseworker", client_id="jobnet-caseworker")
    identity = _login(rp, provider)
    assert isinstance(identity, CaseworkerIdentity)
    assert (identity.cvr, identity.municipality_code) == ("29190011", "0101")
    assert identity.professional_id == "CVR:29190011-RID:41120001"
    assert identity.role == "caseworker"
    assert identity.organisation_name == "Jobcenter København"


def test_forged_signature_is_refused(rp: OidcRelyingParty, provider: FakeProvider) -> None:
    real_kid = provider.signing_key.kid
    provider.signing_key = _new_key()
    provider.header_overrides = {"kid": real_kid}
    assert _refused(rp, provider) is LoginFailure.INVALID_TOKEN


def test_token_signed_by_an_unpublished_key_is_refused(
    rp: OidcRelyingParty, provider: FakeProvider
) -> None:
    provider.signing_key = _new_key()
    assert _refused(rp, provider) is LoginFailure.INVALID_TOKEN


def test_unsigned_token_is_refused(rp: OidcRelyingParty, provider: FakeProvider) -> None:
    redirect = rp.begin_login()
    claims = {
        "iss": ISSUER,
        "aud": CLIENT_ID,
        "sub": "x",
        "iat": int(time.time()),
        "exp": int(time.time()) + 300,
        "nonce": redirect.pending.nonce,
    }
    unsigned = f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(claims)}."

    def token(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/token":
            return httpx.Response(200, json={"access_token": "at-1", "id_token": unsigned})
        return provider.handle(request)

    rp = OidcRelyingParty(_settings(), transport=httpx.MockTransport(token))
    args = {"code": "c", "state": redirect.pending.state}
    with pytest.raises(LoginFailed) as caught:
        rp.complete_login(args, redirect.pending)
    assert caught.value.reason is LoginFailure.INVALID_TOKEN


@pytest.mark.parametrize(
    "overrides",
    [
        {"aud": "someone-else"},
        {"aud": DELETE},
        {"iss": "https://evil.example"},
        {"exp": int(time.time()) - 3600, "iat": int(time.time()) - 4000},
        {"iat": int(time.time()) + 3600},
        {"sub": DELETE},
    ],
    ids=["wrong-aud", "no-aud", "wrong-iss", "expired", "issued-in-future", "no-sub"],
)
def test_bad_id_token_claims_are_refused(
    rp: OidcRelyingParty, provider: FakeProvider, overrides: dict[str, Any]
) -> None:
    provider.claim_overrides = overrides
    assert _refused(rp, provider) is LoginFailure.INVALID_TOKEN


@pytest.mark.parametrize("nonce", ["another-nonce", DELETE])
def test_wrong_or_missing_nonce_is_refused(
    rp: OidcRelyingParty, provider: FakeProvider, nonce: object
) -> None:
    provider.claim_overrides = {"nonce": nonce}
    assert _refused(rp, provider) is LoginFailure.NONCE_MISMATCH


def test_missing_loa_is_refused(rp: OidcRelyingParty, provider: FakeProvider) -> None:
    provider.claim_overrides = {"loa": DELETE}
    provider.userinfo_overrides = {"loa": DELETE}
    assert _refused(rp, provider) is LoginFailure.MISSING_CLAIM


@pytest.mark.parametrize("loa", [NSIS + "Low", "low", "https://example/levels/Gold", 3])
def test_low_or_unknown_loa_is_refused(
    rp: OidcRelyingParty, provider: FakeProvider, loa: object
) -> None:
    provider.claim_overrides = {"loa": loa}
    assert _refused(rp, provider) is LoginFailure.INSUFFICIENT_LEVEL


def test_high_is_accepted_when_high_is_required(
    make_rp: Callable[..., OidcRelyingParty], provider: FakeProvider
) -> None:
    rp = make_rp(min_level="High")
    assert _refused(rp, provider) is LoginFailure.INSUFFICIENT_LEVEL
    provider.claim_overrides = {"loa": NSIS + "High"}
    assert _login(rp, provider, code="code-2").level == "High"


def test_tampered_state_is_refused(rp: OidcRelyingParty, provider: FakeProvider) -> None:
    assert _refused(rp, provider, state="tampered") is LoginFailure.STATE_MISMATCH
    assert provider.token_requests == []


def test_callback_without_a_pending_login_is_refused(rp: OidcRelyingParty) -> None:
    with pytest.raises(LoginFailed) as caught:
        rp.complete_login({"code": "c", "state": "s"}, None)
    assert caught.value.reason is LoginFailure.STATE_MISMATCH


def test_userinfo_sub_must_match(rp: OidcRelyingParty, provider: FakeProvider) -> None:
    provider.userinfo_overrides = {"sub": "someone-else"}
    assert _refused(rp, provider) is LoginFailure.USERINFO_MISMATCH


def test_cancel_at_the_provider(rp: OidcRelyingParty, provider: FakeProvider) -> None:
    redirect = rp.begin_login()
    args = {"error": "access_denied", "state": redirect.pending.state}
    with pytest.raises(LoginFailed) as caught:
        rp.complete_login(args, redirect.pending)
    assert caught.value.reason is LoginFailure.CANCELLED


@pytest.mark.parametrize("error", ["server_error", "login_required", "<script>"])
def test_provider_error(rp: OidcRelyingParty, error: str) -> None:
    redirect = rp.begin_login()
    args = {"error": error, "state": redirect.pending.state}
    with pytest.raises(LoginFailed) as caught:
        rp.complete_login(args, redirect.pending)
    assert caught.value.reason is LoginFailure.PROVIDER_ERROR


def test_token_endpoint_error(rp: OidcRelyingParty, provider: FakeProvider) -> None:
    provider.token_error = "invalid_client"
    assert _refused(rp, provider) is LoginFailure.PROVIDER_ERROR


def test_replayed_callback_is_refused(rp: OidcRelyingParty, provider: FakeProvider) -> None:
    redirect = rp.begin_login()
    provider.nonce = redirect.pending.nonce
    args = {"code": "code-1", "state": redirect.pending.state}
    rp.complete_login(args, redirect.pending)
    with pytest.raises(LoginFailed) as caught:
        rp.complete_login(args, redirect.pending)
    assert caught.value.reason is LoginFailure.REPLAYED


def test_provider_unavailable(rp: OidcRelyingParty, provider: FakeProvider) -> None:
    provider.fail_with_status = 503
    with pytest.raises(LoginFailed) as caught:
        rp.begin_login()
    assert caught.value.reason is LoginFailure.PROVIDER_UNAVAILABLE


def test_provider_unreachable() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    rp = OidcRelyingParty(_settings(), transport=httpx.MockTransport(refuse))
    with pytest.raises(LoginFailed) as caught:
        rp.begin_login()
    assert caught.value.reason is LoginFailure.PROVIDER_UNAVAILABLE
    assert rp.end_session_url("x") is None


def test_discovery_for_another_issuer_is_refused(
    rp: OidcRelyingParty, provider: FakeProvider
) -> None:
    provider.discovery["issuer"] = "https://evil.example"
    with pytest.raises(LoginFailed) as caught:
        rp.begin_login()
    assert caught.value.reason is LoginFailure.PROVIDER_ERROR


def test_token_endpoint_down_during_callback(rp: OidcRelyingParty, provider: FakeProvider) -> None:
    redirect = rp.begin_login()
    provider.fail_with_status = 502
    args = {"code": "c", "state": redirect.pending.state}
    with pytest.raises(LoginFailed) as caught:
        rp.complete_login(args, redirect.pending)
    assert caught.value.reason is LoginFailure.PROVIDER_UNAVAILABLE


def test_unknown_kid_refreshes_the_jwks(rp: OidcRelyingParty, provider: FakeProvider) -> None:
    _login(rp, provider, code="code-1")
    assert provider.jwks_fetches == 1
    provider.signing_key = _new_key()
    provider.published = [provider.signing_key, *provider.published]
    identity = _login(rp, provider, code="code-2")
    assert identity.subject
    assert provider.jwks_fetches == 2


def test_jwks_refresh_is_rate_limited(rp: OidcRelyingParty, provider: FakeProvider) -> None:
    provider.signing_key = _new_key()
    assert _refused(rp, provider, code="code-1") is LoginFailure.INVALID_TOKEN
    assert _refused(rp, provider, code="code-2") is LoginFailure.INVALID_TOKEN
    assert provider.jwks_fetches == 2  # the first fetch and one forced refresh


def test_end_session_url(rp: OidcRelyingParty) -> None:
    url = rp.end_session_url("the.id.token", state="st-1", ui_locales="en")
    assert url is not None
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{ISSUER}/logout"
    assert parse_qs(parts.query) == {
        "client_id": [CLIENT_ID],
        "id_token_hint": ["the.id.token"],
        "post_logout_redirect_uri": ["https://rp.example/auth/logged-out"],
        "state": ["st-1"],
        "ui_locales": ["en"],
    }


def test_no_end_session_endpoint(rp: OidcRelyingParty, provider: FakeProvider) -> None:
    del provider.discovery["end_session_endpoint"]
    assert rp.end_session_url("the.id.token") is None


def test_pending_login_round_trip() -> None:
    pending = PendingLogin("s", "n", "v")
    assert PendingLogin.from_dict(pending.to_dict()) == pending
    assert PendingLogin.from_dict(None) is None
    assert PendingLogin.from_dict({"state": "s"}) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (NSIS + "Substantial", "Substantial"),
        (NSIS + "High/", "High"),
        ("urn:nsis:low", "Low"),
        ("Substantial", "Substantial"),
        ("https://example/Platinum", None),
        (None, None),
    ],
)
def test_level_name(value: object, expected: str | None) -> None:
    assert level_name(value) == expected


def test_settings_from_config_default_to_the_simulator() -> None:
    config = {"PUBLIC_BASE_URL": "http://localhost:5000", "MITID_SIMULATOR_ENABLED": True}
    config.update(config_defaults("citizen"))
    settings = OidcSettings.from_config(config, "citizen")
    assert settings.issuer == "http://localhost:5000/mitid-sim"
    assert settings.redirect_uri == "http://localhost:5000/auth/callback"
    assert settings.post_logout_redirect_uri == "http://localhost:5000/auth/logged-out"
    assert settings.claims.cpr == "dk.cpr"
    caseworker = OidcSettings.from_config(
        {**config, "OIDC_CASEWORKER_CLAIM_CVR": "org.cvr"}, "caseworker"
    )
    assert caseworker.client_id == "jobnet-caseworker"
    assert caseworker.redirect_uri == "http://localhost:5000/auth/caseworker/callback"
    assert caseworker.claims.cvr == "org.cvr"


def test_an_issuer_with_a_trailing_slash_is_kept_exactly(provider: FakeProvider) -> None:
    provider.discovery["issuer"] = ISSUER + "/"
    rp = OidcRelyingParty(
        _settings(issuer=ISSUER + "/"), transport=httpx.MockTransport(provider.handle)
    )
    assert rp.metadata()["issuer"] == ISSUER + "/"


def test_settings_need_an_issuer_without_the_simulator() -> None:
    with pytest.raises(ValueError, match="issuer"):
        OidcSettings.from_config({"PUBLIC_BASE_URL": "https://jobnet.example"}, "citizen")
