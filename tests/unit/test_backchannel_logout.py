"""OpenID Back-Channel Logout 1.0, section 2.6: which logout tokens Jobnet acts on.

The fake provider of test_oidc_rp signs the tokens; every refusal names a reason code only."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest
from joserfc import jwt

from jobnet.web.auth.backchannel import (
    LOGOUT_EVENT,
    InvalidLogoutToken,
    LogoutRequest,
    verify_logout_token,
)
from jobnet.web.auth.oidc import OidcRelyingParty
from jobnet.web.platform.sessions import provider_key
from tests.unit.test_oidc_rp import CLIENT_ID, ISSUER, FakeProvider, _new_key, _settings

SUB = "6f1c1d0e-0000-4000-8000-000000000001"
SID = "sid-4f2a"


@pytest.fixture
def provider() -> FakeProvider:
    return FakeProvider()


@pytest.fixture
def rp(provider: FakeProvider) -> OidcRelyingParty:
    return OidcRelyingParty(_settings(), transport=httpx.MockTransport(provider.handle))


def _token(provider: FakeProvider, header: dict[str, Any] | None = None, **claims: Any) -> str:
    now = int(time.time())
    values: dict[str, Any] = {
        "iss": ISSUER,
        "aud": CLIENT_ID,
        "iat": now,
        "exp": now + 120,
        "jti": "jti-1",
        "sub": SUB,
        "sid": SID,
        "events": {LOGOUT_EVENT: {}},
    }
    for name, value in claims.items():
        if value is None:
            values.pop(name, None)
        else:
            values[name] = value
    head = {"alg": "ES256", "kid": provider.signing_key.kid, "typ": "logout+jwt", **(header or {})}
    return jwt.encode(head, values, provider.signing_key, algorithms=["ES256"])


def test_a_valid_logout_token_names_the_login_as_the_session_rows_keep_it(
    rp: OidcRelyingParty, provider: FakeProvider
) -> None:
    request = verify_logout_token(rp, _token(provider))
    assert isinstance(request, LogoutRequest)
    assert request.sid == provider_key(ISSUER, SID)
    assert request.sub == provider_key(ISSUER, SUB)
    only_sub = verify_logout_token(rp, _token(provider, sid=None))
    assert only_sub.sid is None and only_sub.sub == provider_key(ISSUER, SUB)


@pytest.mark.parametrize(
    "claims",
    [
        {"iss": "https://evil.example"},
        {"aud": "another-client"},
        {"exp": int(time.time()) - 3600},
        {"iat": None},
        {"exp": None},
        {"jti": None},
        {"events": None},
        {"events": {"http://schemas.openid.net/event/other": {}}},
        {"events": {LOGOUT_EVENT: "yes"}},
        {"nonce": "an-id-token-has-one"},
        {"sub": None, "sid": None},
    ],
    ids=lambda claims: ",".join(
        f"{k}={'absent' if v is None else 'bad'}" for k, v in claims.items()
    ),
)
def test_a_logout_token_that_breaks_a_rule_is_refused(
    rp: OidcRelyingParty, provider: FakeProvider, claims: dict[str, Any]
) -> None:
    with pytest.raises(InvalidLogoutToken):
        verify_logout_token(rp, _token(provider, **claims))


def test_a_token_of_another_type_or_signed_by_another_key_is_refused(
    rp: OidcRelyingParty, provider: FakeProvider
) -> None:
    with pytest.raises(InvalidLogoutToken):
        verify_logout_token(rp, _token(provider, header={"typ": "at+jwt"}))
    forger = _new_key()
    claims = jwt.decode(_token(provider), provider.signing_key).claims
    forged = jwt.encode({"alg": "ES256", "kid": provider.signing_key.kid}, claims, forger)
    with pytest.raises(InvalidLogoutToken):
        verify_logout_token(rp, forged)
    with pytest.raises(InvalidLogoutToken):
        verify_logout_token(rp, "not.a.token")
