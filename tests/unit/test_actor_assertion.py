"""End-user assertions: made once per actor for minutes and reused, verified once per token,
and the registry of connected systems read strictly."""

from __future__ import annotations

import json
from typing import Any

import pytest
from joserfc import jwt

from jobnet.clients.dfdg_client.assertion import AssertionSigner
from jobnet.clients.dfdg_client.values import Actor
from jobnet.dfdg import assertion as verifier_module
from jobnet.dfdg.assertion import AssertionVerifier, InvalidAssertion
from jobnet.dfdg.systems import parse_registry
from jobnet.domain import actor_assertion as claim
from jobnet.environment import DEV_ASSERTION_KEY, UnsafeConfiguration

CITIZEN = Actor(type="citizen", id="p-1", name="Mette", auth_time=1_000, level="Substantial")


class Clock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def _claims(token: str) -> dict[str, Any]:
    return dict(jwt.decode(token, _public(), algorithms=["Ed25519"]).claims)


def _public() -> Any:
    from joserfc.jwk import OKPKey

    return OKPKey.import_key(json.loads(DEV_ASSERTION_KEY))


def test_an_assertion_names_the_actor_the_system_the_audience_and_minutes() -> None:
    clock = Clock()
    signer = AssertionSigner("jobnet-web", DEV_ASSERTION_KEY, "urn:dfdg:api", clock=clock)
    claims = _claims(signer.assertion(CITIZEN))
    assert claims["iss"] == "jobnet-web"
    assert claims["aud"] == "urn:dfdg:api"
    assert claims["sub"] == "p-1"
    assert claims["actor_type"] == "citizen"
    assert (claims["auth_time"], claims["acr"]) == (1_000, "Substantial")
    assert claims["nbf"] == claims["iat"] == int(clock.now)
    assert claims["exp"] - claims["iat"] == claim.LIFETIME_SECONDS
    assert "cpr" not in claims


def test_an_assertion_is_reused_until_it_is_nearly_spent() -> None:
    clock = Clock()
    signer = AssertionSigner("jobnet-web", DEV_ASSERTION_KEY, clock=clock)
    first = signer.assertion(CITIZEN)
    clock.now += claim.LIFETIME_SECONDS - claim.RENEW_BEFORE_SECONDS
    assert signer.assertion(CITIZEN) == first
    assert signer.assertion(Actor(type="citizen", id="p-2")) != first
    clock.now += 1
    assert signer.assertion(CITIZEN) != first


def test_a_cpr_number_is_asserted_for_one_call_only_and_never_kept() -> None:
    signer = AssertionSigner("jobnet-web", DEV_ASSERTION_KEY, clock=Clock())
    logging_in = Actor(type="citizen", name="Mette")
    with_cpr = signer.assertion(logging_in, cpr="0101901234")
    assert _claims(with_cpr)["cpr"] == "0101901234"
    assert "cpr" not in _claims(signer.assertion(logging_in))
    assert not any("0101901234" in token for token, _ in signer._cache.values())


def _registry() -> Any:
    return parse_registry("")["jobnet-web"]


def test_a_verified_assertion_is_not_verified_again_until_it_expires(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = Clock()
    token = AssertionSigner.development().assertion(CITIZEN)
    clock.now = _claims(token)["iat"]
    verifier = AssertionVerifier("urn:dfdg:api", clock=clock)
    calls: list[str] = []
    decode = verifier_module.jwt.decode

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append("decode")
        return decode(*args, **kwargs)

    monkeypatch.setattr(verifier_module.jwt, "decode", counting)
    system = _registry()
    for _ in range(5):
        assert verifier.verify(token, system)["sub"] == "p-1"
    assert calls == ["decode"]
    clock.now += claim.LIFETIME_SECONDS + claim.LEEWAY_SECONDS + 1
    with pytest.raises(InvalidAssertion):
        verifier.verify(token, system)


def test_a_token_verified_for_one_system_is_not_taken_for_another() -> None:
    registry = parse_registry(
        {
            "jobnet-web": {"keys": [_public().as_dict(private=False)]},
            "other": {"keys": []},
        }
    )
    token = AssertionSigner.development().assertion(CITIZEN)
    verifier = AssertionVerifier("urn:dfdg:api")
    verifier.verify(token, registry["jobnet-web"])
    with pytest.raises(InvalidAssertion):
        verifier.verify(token, registry["other"])


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ({"keys": [json.loads(DEV_ASSERTION_KEY)]}, "private key"),
        ({"keys": [{"kty": "RSA", "n": "x", "e": "AQAB"}]}, "Ed25519"),
        ({"operations": {"cv": "everything"}}, "invalid"),
        ({"actor_types": ["system"]}, "invalid"),
        ({"unknown": 1}, "invalid"),
    ],
)
def test_the_registry_refuses_what_it_cannot_hold_safely(entry: dict, reason: str) -> None:
    with pytest.raises(UnsafeConfiguration, match=reason):
        parse_registry({"jobnet-web": entry})


def test_scopes_grant_read_below_write_and_nothing_by_default() -> None:
    system = parse_registry({"s": {"operations": {"cv": "read", "plans": "write"}}})["s"]
    assert system.may("cv", "read") and not system.may("cv", "write")
    assert system.may("plans", "read") and system.may("plans", "write")
    assert not system.may("absences", "read")
    assert not system.may_assert("citizen")


def test_a_key_may_be_named_by_its_own_kid_on_both_sides() -> None:
    private = {**json.loads(DEV_ASSERTION_KEY), "kid": "jobnet-web-2026-12"}
    public = {k: v for k, v in private.items() if k != "d"}
    system = parse_registry({"jobnet-web": {"keys": [public]}})["jobnet-web"]
    token = AssertionSigner("jobnet-web", json.dumps(private)).assertion(CITIZEN)
    assert AssertionVerifier("urn:dfdg:api").verify(token, system)["sub"] == "p-1"
