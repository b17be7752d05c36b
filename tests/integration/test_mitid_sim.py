"""The MitID simulator, driven through the relying party over httpx.WSGITransport.

A bare Flask app serves only the simulator (see mitid_conftest_helpers). The browser part of the
flow is Flask's test client; the relying party reaches the token, userinfo and JWKS endpoints
in-process, as the embedded default does.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from authlib.oidc.discovery import OpenIDProviderMetadata
from flask import Flask
from flask.testing import FlaskClient
from joserfc import jwt
from joserfc.jwk import RSAKey

from jobnet.demo_identities import DEMO_CASEWORKERS, DEMO_ORGANISATIONS, DEMO_PERSONS
from jobnet.mitid_sim.keys import load_or_create_keys
from jobnet.mitid_sim.provider import provider_for
from jobnet.web.auth.oidc import (
    CaseworkerIdentity,
    CitizenIdentity,
    LoginFailed,
    LoginFailure,
    OidcRelyingParty,
    PendingLogin,
)
from tests.integration.mitid_conftest_helpers import (
    BASE_URL,
    ISSUER,
    Callback,
    RewritingTransport,
    local_path,
    login_at_simulator,
    make_sim_app,
    query_args,
    relying_party,
    settings,
)

METTE = DEMO_PERSONS[0]
CHOOSE_METTE = {"person": METTE.cpr, "level": "Substantial", "action": "login"}
NSIS = "https://data.gov.dk/concept/core/nsis/"


@pytest.fixture
def key_path(tmp_path: Path) -> Path:
    return tmp_path / "instance" / "mitid-sim-key.json"


@pytest.fixture
def sim_app(key_path: Path) -> Flask:
    return make_sim_app(key_path)


@pytest.fixture
def browser(sim_app: Flask) -> FlaskClient:
    return sim_app.test_client()


@pytest.fixture
def rp(sim_app: Flask) -> OidcRelyingParty:
    return relying_party(sim_app)


def _complete(rp: OidcRelyingParty, callback: Callback) -> CitizenIdentity | CaseworkerIdentity:
    return rp.complete_login(callback.args, callback.redirect.pending)


def _reason(call: Callable[[], object]) -> LoginFailure:
    with pytest.raises(LoginFailed) as caught:
        call()
    return caught.value.reason


# --- discovery and keys ----------------------------------------------------------------------


def test_discovery_document_is_valid(browser: FlaskClient) -> None:
    response = browser.get("/mitid-sim/.well-known/openid-configuration")
    assert response.status_code == 200
    document = response.get_json()
    OpenIDProviderMetadata(document).validate()
    assert document["issuer"] == ISSUER
    for name in ("authorization", "token", "userinfo", "end_session"):
        assert document[f"{name}_endpoint"].startswith(ISSUER + "/")
    assert document["jwks_uri"] == f"{ISSUER}/jwks"
    assert document["response_modes_supported"] == ["query"]
    assert document["code_challenge_methods_supported"] == ["S256"]
    assert set(document["token_endpoint_auth_methods_supported"]) == {
        "client_secret_basic",
        "client_secret_post",
    }
    assert NSIS + "Substantial" in document["acr_values_supported"]
    assert {"dk.cpr", "mitid.uuid", "loa", "dk.cvr"} <= set(document["claims_supported"])


def test_issuer_follows_configuration(key_path: Path) -> None:
    app = make_sim_app(key_path, MITID_SIM_ISSUER="https://sim.example/mitid-sim/")
    document = app.test_client().get("/mitid-sim/.well-known/openid-configuration").get_json()
    assert document["issuer"] == "https://sim.example/mitid-sim"
    assert document["token_endpoint"] == "https://sim.example/mitid-sim/token"


def test_jwks_publishes_the_public_signing_key(browser: FlaskClient, key_path: Path) -> None:
    keys = browser.get("/mitid-sim/jwks").get_json()["keys"]
    assert len(keys) == 1
    (key,) = keys
    assert key["kid"] == load_or_create_keys(key_path).kid
    assert (key["kty"], key["alg"], key["use"]) == ("RSA", "RS256", "sig")
    assert not {"d", "p", "q", "dp", "dq", "qi"} & set(key)


def test_keys_persist_across_restarts(key_path: Path) -> None:
    first = make_sim_app(key_path).test_client().get("/mitid-sim/jwks").get_json()
    assert key_path.exists()
    assert key_path.stat().st_mode & 0o077 == 0
    second = make_sim_app(key_path).test_client().get("/mitid-sim/jwks").get_json()
    assert first == second


# --- logging in ------------------------------------------------------------------------------


def test_citizen_login_through_the_simulator(browser: FlaskClient, rp: OidcRelyingParty) -> None:
    identity = _complete(rp, login_at_simulator(browser, rp, CHOOSE_METTE))
    assert isinstance(identity, CitizenIdentity)
    assert identity.cpr == METTE.cpr
    assert (identity.given_name, identity.family_name) == (METTE.given_name, METTE.family_name)
    assert identity.name == METTE.full_name
    assert identity.level == "Substantial"
    assert identity.issuer == ISSUER
    assert identity.mitid_uuid and identity.subject != METTE.cpr
    again = _complete(rp, login_at_simulator(browser, rp, CHOOSE_METTE))
    assert (again.subject, again.mitid_uuid) == (identity.subject, identity.mitid_uuid)


def test_id_token_carries_the_broker_claims(browser: FlaskClient, rp: OidcRelyingParty) -> None:
    identity = _complete(rp, login_at_simulator(browser, rp, {**CHOOSE_METTE, "level": "High"}))
    claims = jwt.decode(identity.id_token, load_keys(browser)).claims
    assert claims["dk.cpr"] == METTE.cpr
    assert claims["loa"] == claims["acr"] == NSIS + "High"
    assert claims["amr"] == ["mfa", "hwk"]
    assert claims["aud"] == "jobnet-citizen"
    assert {"nonce", "auth_time", "at_hash", "mitid.uuid", "iat", "exp"} <= set(claims)


def load_keys(browser: FlaskClient) -> Any:
    from joserfc.jwk import KeySet

    return KeySet.import_key_set(browser.get("/mitid-sim/jwks").get_json())


def test_a_typed_test_person(browser: FlaskClient, rp: OidcRelyingParty) -> None:
    form = {
        "person": "other",
        "cpr": "010190-1234",
        "given_name": "Test",
        "family_name": "Testesen",
        "level": "Substantial",
        "action": "login",
    }
    identity = _complete(rp, login_at_simulator(browser, rp, form))
    assert isinstance(identity, CitizenIdentity)
    assert identity.cpr == "0101901234"
    assert identity.name == "Test Testesen"


@pytest.mark.parametrize(
    ("cpr", "message"),
    [
        ("", "CPR number</a>"),
        ("12345", "Enter the CPR number as 10 digits"),
        ("3213901234", "must be a real date"),
    ],
)
def test_a_typed_person_is_validated(
    browser: FlaskClient, rp: OidcRelyingParty, cpr: str, message: str
) -> None:
    url = local_path(rp.begin_login().url)
    form = {"person": "other", "cpr": cpr, "level": "Substantial", "action": "login"}
    response = browser.post(url, data=form)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert message in html
    assert 'href="#cpr"' in html
    assert 'aria-describedby="cpr-hint cpr-error"' in html
    assert 'href="#given_name"' in html and 'id="family_name-error"' in html


def test_choosing_nobody_is_an_error(browser: FlaskClient, rp: OidcRelyingParty) -> None:
    url = local_path(rp.begin_login().url)
    response = browser.post(url, data={"level": "Substantial", "action": "login"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "Choose who you want to log in as" in html
    assert 'href="#person-0"' in html


def test_caseworker_login(browser: FlaskClient, sim_app: Flask) -> None:
    rp = relying_party(sim_app, "caseworker")
    page = browser.get(local_path(rp.begin_login().url)).get_data(as_text=True)
    job_centres = {org.name for org in DEMO_ORGANISATIONS if org.kind == "jobcentre"}
    assert sum(name in page for name in job_centres) >= 2
    assert METTE.cpr not in page
    aarhus = next(c for c in DEMO_CASEWORKERS if c.organisation_cvr == "29190012")
    form = {"caseworker": aarhus.professional_id, "level": "Substantial", "action": "login"}
    identity = _complete(rp, login_at_simulator(browser, rp, form))
    assert isinstance(identity, CaseworkerIdentity)
    assert identity.cvr == "29190012"
    assert identity.municipality_code == aarhus.municipality_code
    assert identity.professional_id == aarhus.professional_id
    assert identity.name == aarhus.full_name
    assert identity.organisation_name == "Jobcenter Aarhus"
    assert identity.role == "caseworker"


def test_the_citizen_client_cannot_get_caseworker_claims(
    browser: FlaskClient, sim_app: Flask
) -> None:
    rp = relying_party(sim_app, OIDC_CITIZEN_SCOPES="openid profile professional")
    callback = login_at_simulator(browser, rp, CHOOSE_METTE)
    token = _token_request(browser, callback).get_json()
    assert token["scope"] == "openid profile"
    claims = jwt.decode(token["id_token"], load_keys(browser)).claims
    assert not {"dk.cvr", "mitid.professional_id", "dk.cpr"} & set(claims)


def test_client_secret_post(browser: FlaskClient, sim_app: Flask) -> None:
    rp = relying_party(sim_app, OIDC_CITIZEN_TOKEN_AUTH_METHOD="client_secret_post")
    assert _complete(rp, login_at_simulator(browser, rp, CHOOSE_METTE)).level == "Substantial"


def test_a_wrong_client_secret_is_refused(browser: FlaskClient, sim_app: Flask) -> None:
    rp = relying_party(sim_app, OIDC_CITIZEN_CLIENT_SECRET="wrong")
    callback = login_at_simulator(browser, rp, CHOOSE_METTE)
    assert _reason(lambda: _complete(rp, callback)) is LoginFailure.PROVIDER_ERROR


def test_the_login_form_checks_csrf(key_path: Path) -> None:
    app = make_sim_app(key_path, csrf=True)
    browser = app.test_client()
    rp = relying_party(app)
    callback = login_at_simulator(browser, rp, CHOOSE_METTE, with_csrf=True)
    assert _complete(rp, callback).level == "Substantial"
    url = local_path(rp.begin_login().url)
    for data in (CHOOSE_METTE, {"action": "cancel"}):
        response = browser.post(url, data=data)
        assert response.status_code == 422
        assert "Location" not in response.headers
        html = response.get_data(as_text=True)
        assert "The page had expired, so nothing was sent." in html
        assert "CSRF" not in html


# --- refusals --------------------------------------------------------------------------------


def test_low_level_is_refused(browser: FlaskClient, rp: OidcRelyingParty) -> None:
    callback = login_at_simulator(browser, rp, {**CHOOSE_METTE, "level": "Low"})
    assert _reason(lambda: _complete(rp, callback)) is LoginFailure.INSUFFICIENT_LEVEL


def test_cancel_returns_access_denied(browser: FlaskClient, rp: OidcRelyingParty) -> None:
    callback = login_at_simulator(browser, rp, {"action": "cancel"})
    assert callback.location.startswith(f"{BASE_URL}/auth/callback?")
    assert callback.args["error"] == "access_denied"
    assert callback.args["state"] == callback.redirect.pending.state
    assert "code" not in callback.args
    assert _reason(lambda: _complete(rp, callback)) is LoginFailure.CANCELLED


def test_replayed_callback_is_refused(browser: FlaskClient, rp: OidcRelyingParty) -> None:
    callback = login_at_simulator(browser, rp, CHOOSE_METTE)
    _complete(rp, callback)
    assert _reason(lambda: _complete(rp, callback)) is LoginFailure.REPLAYED


def test_a_replayed_code_revokes_its_access_token(
    browser: FlaskClient, sim_app: Flask, rp: OidcRelyingParty
) -> None:
    callback = login_at_simulator(browser, rp, CHOOSE_METTE)
    token = _token_request(browser, callback)
    assert token.status_code == 200
    again = _token_request(browser, callback)
    assert (again.status_code, again.get_json()["error"]) == (400, "invalid_grant")
    bearer = {"Authorization": f"Bearer {token.get_json()['access_token']}"}
    assert browser.get("/mitid-sim/userinfo", headers=bearer).status_code == 401


def test_a_resubmitted_login_form_is_refused(browser: FlaskClient, rp: OidcRelyingParty) -> None:
    callback = login_at_simulator(browser, rp, CHOOSE_METTE)
    again = browser.post(local_path(callback.redirect.url), data=CHOOSE_METTE)
    assert again.status_code == 302
    assert query_args(again.headers["Location"])["error"] == "invalid_request"


def test_tampered_state_is_refused(browser: FlaskClient, rp: OidcRelyingParty) -> None:
    callback = login_at_simulator(browser, rp, CHOOSE_METTE)
    args = {**callback.args, "state": callback.args["state"] + "x"}
    assert _reason(lambda: rp.complete_login(args, callback.redirect.pending)) is (
        LoginFailure.STATE_MISMATCH
    )


def test_wrong_nonce_is_refused(browser: FlaskClient, rp: OidcRelyingParty) -> None:
    callback = login_at_simulator(browser, rp, CHOOSE_METTE)
    pending = callback.redirect.pending
    other = PendingLogin(pending.state, "another-nonce", pending.code_verifier)
    assert _reason(lambda: rp.complete_login(callback.args, other)) is LoginFailure.NONCE_MISMATCH


def test_wrong_code_verifier_is_refused(browser: FlaskClient, rp: OidcRelyingParty) -> None:
    callback = login_at_simulator(browser, rp, CHOOSE_METTE)
    pending = callback.redirect.pending
    other = PendingLogin(pending.state, pending.nonce, secrets.token_urlsafe(48))
    assert _reason(lambda: rp.complete_login(callback.args, other)) is LoginFailure.REPLAYED


# --- tokens rewritten on the way to the relying party ----------------------------------------


@pytest.fixture
def rewriting(sim_app: Flask) -> tuple[RewritingTransport, OidcRelyingParty]:
    transport = RewritingTransport(sim_app)
    return transport, OidcRelyingParty(settings(), transport=transport)


def _resigned(token: str, key: RSAKey, kid: str, **changes: Any) -> str:
    claims = dict(jwt.decode(token, key).claims) if key.kid == kid else _unverified(token)
    for name, value in changes.items():
        if value is None:
            claims.pop(name, None)
        else:
            claims[name] = value
    return jwt.encode({"alg": "RS256", "kid": kid}, claims, key, algorithms=["RS256"])


def _unverified(token: str) -> dict[str, Any]:
    import json

    payload = token.split(".")[1]
    return dict(json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))))


def test_forged_signature_is_refused(
    browser: FlaskClient, key_path: Path, rewriting: tuple[RewritingTransport, OidcRelyingParty]
) -> None:
    transport, rp = rewriting
    real_kid = load_or_create_keys(key_path).kid
    forger = RSAKey.generate_key(2048, auto_kid=True)

    def forge(body: dict[str, Any]) -> dict[str, Any]:
        body["id_token"] = _resigned(body["id_token"], forger, real_kid)
        return body

    transport.rewrites["/mitid-sim/token"] = forge
    callback = login_at_simulator(browser, rp, CHOOSE_METTE)
    assert _reason(lambda: _complete(rp, callback)) is LoginFailure.INVALID_TOKEN


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"aud": "someone-else"}, LoginFailure.INVALID_TOKEN),
        ({"iss": "https://evil.example"}, LoginFailure.INVALID_TOKEN),
        ({"exp": int(time.time()) - 600}, LoginFailure.INVALID_TOKEN),
        ({"nonce": "another-nonce"}, LoginFailure.NONCE_MISMATCH),
        ({"loa": None}, LoginFailure.MISSING_CLAIM),
        ({"loa": NSIS + "Low"}, LoginFailure.INSUFFICIENT_LEVEL),
    ],
    ids=["wrong-aud", "wrong-iss", "expired", "wrong-nonce", "missing-loa", "low-loa"],
)
def test_bad_id_tokens_are_refused(
    browser: FlaskClient,
    key_path: Path,
    rewriting: tuple[RewritingTransport, OidcRelyingParty],
    changes: dict[str, Any],
    reason: LoginFailure,
) -> None:
    transport, rp = rewriting
    key = load_or_create_keys(key_path).current

    def tamper(body: dict[str, Any]) -> dict[str, Any]:
        body["id_token"] = _resigned(body["id_token"], key, key.kid, **changes)
        return body

    def without_loa(body: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in body.items() if k not in changes}

    transport.rewrites["/mitid-sim/token"] = tamper
    transport.rewrites["/mitid-sim/userinfo"] = without_loa
    callback = login_at_simulator(browser, rp, CHOOSE_METTE)
    assert _reason(lambda: _complete(rp, callback)) is reason


def test_userinfo_sub_mismatch_is_refused(
    browser: FlaskClient, rewriting: tuple[RewritingTransport, OidcRelyingParty]
) -> None:
    transport, rp = rewriting
    transport.rewrites["/mitid-sim/userinfo"] = lambda body: {**body, "sub": "someone-else"}
    callback = login_at_simulator(browser, rp, CHOOSE_METTE)
    assert _reason(lambda: _complete(rp, callback)) is LoginFailure.USERINFO_MISMATCH


def test_key_rotation_refreshes_the_relying_partys_jwks(
    browser: FlaskClient, sim_app: Flask, rp: OidcRelyingParty
) -> None:
    first = _complete(rp, login_at_simulator(browser, rp, CHOOSE_METTE))
    old_kid = jwt.decode(first.id_token, load_keys(browser)).header["kid"]
    with sim_app.app_context():
        new_kid = provider_for(sim_app).rotate_keys().kid
    assert new_kid != old_kid
    kids = {key["kid"] for key in browser.get("/mitid-sim/jwks").get_json()["keys"]}
    assert kids == {old_kid, new_kid}
    second = _complete(rp, login_at_simulator(browser, rp, CHOOSE_METTE))
    assert jwt.decode(second.id_token, load_keys(browser)).header["kid"] == new_kid
    assert second.subject == first.subject


# --- PKCE and the token endpoint -------------------------------------------------------------


def _token_request(
    browser: FlaskClient, callback: Callback, verifier: str | None = "use-pending"
) -> Any:
    data = {
        "grant_type": "authorization_code",
        "code": callback.args["code"],
        "redirect_uri": f"{BASE_URL}/auth/callback",
        "client_id": "jobnet-citizen",
        "client_secret": "dev-citizen-secret",
    }
    if verifier == "use-pending":
        data["code_verifier"] = callback.redirect.pending.code_verifier
    elif verifier is not None:
        data["code_verifier"] = verifier
    return browser.post("/mitid-sim/token", data=data)


def test_token_request_without_code_verifier_fails(
    browser: FlaskClient, rp: OidcRelyingParty
) -> None:
    callback = login_at_simulator(browser, rp, CHOOSE_METTE)
    response = _token_request(browser, callback, verifier=None)
    assert response.status_code == 400
    assert response.get_json()["error"] == "invalid_request"


def test_authorization_request_without_pkce_is_refused(browser: FlaskClient) -> None:
    params = {
        "response_type": "code",
        "client_id": "jobnet-citizen",
        "redirect_uri": f"{BASE_URL}/auth/callback",
        "scope": "openid",
        "state": "st",
        "nonce": "n",
    }
    response = browser.get("/mitid-sim/authorize?" + urlencode(params))
    assert response.status_code == 302
    assert query_args(response.headers["Location"]) == {
        "error": "invalid_request",
        "error_description": "Missing 'code_challenge'",
        "state": "st",
    }
    plain = {**params, "code_challenge": "x" * 43, "code_challenge_method": "plain"}
    response = browser.get("/mitid-sim/authorize?" + urlencode(plain))
    assert query_args(response.headers["Location"])["error"] == "invalid_request"


def test_token_endpoint_with_client_secret_basic(
    browser: FlaskClient, rp: OidcRelyingParty
) -> None:
    callback = login_at_simulator(browser, rp, CHOOSE_METTE)
    verifier = callback.redirect.pending.code_verifier
    challenge = hashlib.sha256(verifier.encode()).digest()
    assert (
        base64.urlsafe_b64encode(challenge).rstrip(b"=").decode()
        == query_args(callback.redirect.url)["code_challenge"]
    )
    basic = base64.b64encode(b"jobnet-citizen:dev-citizen-secret").decode()
    response = browser.post(
        "/mitid-sim/token",
        data={
            "grant_type": "authorization_code",
            "code": callback.args["code"],
            "redirect_uri": f"{BASE_URL}/auth/callback",
            "code_verifier": verifier,
        },
        headers={"Authorization": f"Basic {basic}"},
    )
    assert response.status_code == 200
    body = response.get_json()
    assert body["token_type"] == "Bearer"
    assert "refresh_token" not in body
    assert response.headers["Cache-Control"] == "no-store"


def test_userinfo_needs_a_bearer_token(browser: FlaskClient) -> None:
    assert browser.get("/mitid-sim/userinfo").status_code == 401
    bad = {"Authorization": "Bearer not-a-token"}
    assert browser.get("/mitid-sim/userinfo", headers=bad).status_code == 401


# --- requests that cannot be answered with a redirect ----------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"client_id": "unknown", "response_type": "code"},
        {
            "client_id": "jobnet-citizen",
            "response_type": "code",
            "redirect_uri": "https://evil.example/callback",
            "scope": "openid",
        },
    ],
    ids=["no-parameters", "unknown-client", "unregistered-redirect"],
)
def test_bad_authorization_requests_show_a_page(
    browser: FlaskClient, params: dict[str, str]
) -> None:
    response = browser.get("/mitid-sim/authorize?" + urlencode(params))
    assert response.status_code == 400
    assert "Location" not in response.headers
    assert "could not handle the request" in response.get_data(as_text=True)


# --- logout ----------------------------------------------------------------------------------


def test_logout_redirects_to_the_registered_uri(browser: FlaskClient, rp: OidcRelyingParty) -> None:
    identity = _complete(rp, login_at_simulator(browser, rp, CHOOSE_METTE))
    url = rp.end_session_url(identity.id_token, state="st-9")
    assert url is not None and url.startswith(f"{ISSUER}/logout?")
    response = browser.get(local_path(url))
    assert response.status_code == 302
    assert response.headers["Location"] == f"{BASE_URL}/auth/logged-out?state=st-9"


def test_logout_revokes_the_access_tokens(browser: FlaskClient, rp: OidcRelyingParty) -> None:
    callback = login_at_simulator(browser, rp, CHOOSE_METTE)
    token = _token_request(browser, callback).get_json()
    bearer = {"Authorization": f"Bearer {token['access_token']}"}
    assert browser.get("/mitid-sim/userinfo", headers=bearer).status_code == 200
    hint = urlencode({"id_token_hint": token["id_token"]})
    assert browser.get(f"/mitid-sim/logout?{hint}").status_code == 200
    assert browser.get("/mitid-sim/userinfo", headers=bearer).status_code == 401


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/logged-out", f"{BASE_URL}/auth/callback", f"{BASE_URL}/elsewhere"],
)
def test_logout_never_redirects_to_an_unregistered_uri(
    browser: FlaskClient, rp: OidcRelyingParty, target: str
) -> None:
    identity = _complete(rp, login_at_simulator(browser, rp, CHOOSE_METTE))
    params = {"id_token_hint": identity.id_token, "post_logout_redirect_uri": target}
    response = browser.get("/mitid-sim/logout?" + urlencode(params))
    assert response.status_code == 200
    assert "Location" not in response.headers
    assert "You are logged out of the MitID simulator" in response.get_data(as_text=True)


def test_logout_without_a_hint_does_not_redirect(browser: FlaskClient) -> None:
    params = {
        "client_id": "jobnet-citizen",
        "post_logout_redirect_uri": f"{BASE_URL}/auth/logged-out",
    }
    response = browser.get("/mitid-sim/logout?" + urlencode(params))
    assert response.status_code == 200
    assert "Location" not in response.headers


def test_logout_with_a_forged_hint_is_refused(browser: FlaskClient, rp: OidcRelyingParty) -> None:
    forger = RSAKey.generate_key(2048, auto_kid=True)
    now = int(time.time())
    claims = {"iss": ISSUER, "aud": "jobnet-citizen", "sub": "x", "iat": now, "exp": now + 60}
    forged = jwt.encode({"alg": "RS256", "kid": forger.kid}, claims, forger, algorithms=["RS256"])
    params = {"id_token_hint": forged, "post_logout_redirect_uri": f"{BASE_URL}/auth/logged-out"}
    response = browser.get("/mitid-sim/logout?" + urlencode(params))
    assert response.status_code == 400
    assert "Location" not in response.headers


def test_the_callback_can_reach_the_simulator_in_process(key_path: Path) -> None:
    """The embedded default: the app's own callback view calls the simulator in the same app."""
    app = make_sim_app(key_path)
    rp = relying_party(app)
    pending: dict[str, PendingLogin] = {}

    @app.get("/auth/callback")
    def callback() -> str:
        from flask import request

        identity = rp.complete_login(request.args, pending.pop("login", None))
        return identity.name

    browser = app.test_client()
    redirect = rp.begin_login()
    pending["login"] = redirect.pending
    browser.get(local_path(redirect.url))
    response = browser.post(local_path(redirect.url), data=CHOOSE_METTE, follow_redirects=True)
    assert response.status_code == 200
    assert response.get_data(as_text=True) == METTE.full_name


def test_transport_is_the_only_difference(sim_app: Flask) -> None:
    """The relying party takes any httpx transport: in-process here, HTTP in production."""
    rp = OidcRelyingParty(settings(), transport=httpx.WSGITransport(app=sim_app))
    assert rp.metadata()["issuer"] == ISSUER
    rp.close()
