"""Two registered systems: each reads only its scope, and no header lets a system act as a
person without a valid assertion (issue 21, section 3)."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from joserfc import jwt
from joserfc.jwk import OctKey, OKPKey
from sqlalchemy import select

from jobnet.clients.dfdg_client.values import Actor
from jobnet.db import Store
from jobnet.dfdg.context import SYSTEMS_KEY, TOKENS_KEY
from jobnet.dfdg.models.audit import AuditEntry
from jobnet.dfdg.systems import parse_registry
from jobnet.environment import DEV_ASSERTION_KEY, DEV_DFDG_TOKEN
from tests.dfdg_assertions import DEV_PUBLIC, OTHER_SYSTEM_KEY, OTHER_SYSTEM_PUBLIC, raw_client
from tests.integration.dfdg.conftest import OTHER_SYSTEM, OTHER_TOKEN, SYSTEM, TOKEN
from tests.integration.dfdg.helpers import assert_problem
from tests.integration.dfdg.jobseeker_helpers import new_person

AARHUS = "0751"
KOEBENHAVN_JOBCENTRE = "29190011"
AARHUS_JOBCENTRE = "29190012"


def _now() -> int:
    """Now, when the assertion is made: a suite may run long after this module is loaded."""
    return int(time.time())


WEB = {
    "actor_types": ["citizen", "caseworker"],
    "organisations": "*",
    "operations": {"*": "write"},
    "system_operations": ["list_organisations"],
    "keys": [DEV_PUBLIC],
}
# The other system: Jobcenter København's own case system. Its caseworkers only, reading
# persons and CVs; as itself, the organisation list (and, wrongly registered, the export).
CASE_SYSTEM = {
    "actor_types": ["caseworker"],
    "organisations": [KOEBENHAVN_JOBCENTRE],
    "operations": {"persons": "read", "cv": "read"},
    "system_operations": ["list_organisations", "export_person"],
    "keys": [OTHER_SYSTEM_PUBLIC],
}


@pytest.fixture
def two_systems(dfdg_app: Flask) -> Iterator[Flask]:
    """The DFDG app with jobnet-web and a narrowly scoped second system registered."""
    saved = dfdg_app.extensions[SYSTEMS_KEY]
    dfdg_app.extensions[SYSTEMS_KEY] = parse_registry({SYSTEM: WEB, OTHER_SYSTEM: CASE_SYSTEM})
    yield dfdg_app
    dfdg_app.extensions[SYSTEMS_KEY] = saved


def _key(jwk: dict[str, Any]) -> OKPKey:
    return OKPKey.import_key(jwk)


def _assertion(
    jwk: dict[str, Any] | str = DEV_ASSERTION_KEY, *, alg: str = "Ed25519", **overrides: Any
) -> str:
    """A hand-made assertion (the signer's claims, then `overrides`; None removes one)."""
    key = _key(json.loads(jwk) if isinstance(jwk, str) else jwk)
    claims = {
        "iss": SYSTEM,
        "aud": "urn:dfdg:api",
        "iat": _now(),
        "nbf": _now(),
        "exp": _now() + 300,
        "jti": f"t-{time.monotonic_ns()}",
        "actor_type": "citizen",
        "channel": "web",
    }
    claims.update(overrides)
    claims = {name: value for name, value in claims.items() if value is not None}
    header = {"alg": alg, "kid": key.thumbprint()}
    return jwt.encode(header, claims, key, algorithms=[alg])


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _caseworker(org: str = KOEBENHAVN_JOBCENTRE) -> dict[str, Any]:
    return {
        "actor_type": "caseworker",
        "sub": f"CVR:{org}-RID:1",
        "org": org,
        "purpose": "Opfølgning",
    }


def _audit(store: Store) -> list[tuple[str | None, str, str, str]]:
    with store.session() as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        return [(e.person_id, e.system, e.action, e.outcome) for e in entries]


def _get(client: FlaskClient, path: str, headers: dict[str, str]) -> Any:
    return client.get(f"/api/v1{path}", headers=headers)


def test_each_system_reads_only_its_scope_and_refusals_are_audited(
    two_systems: Flask, dfdg_store: Store
) -> None:
    client = raw_client(two_systems)
    person_id = new_person(dfdg_store)  # lives in København
    aarhus_id = new_person(dfdg_store, "0202901234", municipality_code=AARHUS)
    other = {**_bearer(OTHER_TOKEN)}
    as_koebenhavn = {
        **other,
        "X-Actor-Assertion": _assertion(OTHER_SYSTEM_KEY, iss=OTHER_SYSTEM, **_caseworker()),
    }
    # In scope: its caseworkers read persons and CVs.
    assert _get(client, f"/persons/{person_id}", as_koebenhavn).status_code == 200
    assert _get(client, f"/persons/{person_id}/cv", as_koebenhavn).status_code == 200
    # Outside: other areas, any write, other organisations, citizens, itself.
    assert _get(client, f"/persons/{person_id}/absences", as_koebenhavn).status_code == 403
    write = client.put(
        f"/api/v1/persons/{person_id}/cv/profile",
        json={"text": "Ny profil"},
        headers={**as_koebenhavn, "Idempotency-Key": "k-scope"},
    )
    assert_problem(write, 403, "outside-scope")
    as_aarhus = {
        **other,
        "X-Actor-Assertion": _assertion(
            OTHER_SYSTEM_KEY, iss=OTHER_SYSTEM, **_caseworker(AARHUS_JOBCENTRE)
        ),
    }
    assert _get(client, f"/persons/{aarhus_id}", as_aarhus).status_code == 403
    as_citizen = {
        **other,
        "X-Actor-Assertion": _assertion(OTHER_SYSTEM_KEY, iss=OTHER_SYSTEM, sub=person_id),
    }
    assert _get(client, f"/persons/{person_id}", as_citizen).status_code == 403
    assert _get(client, f"/persons/{person_id}", other).status_code == 403
    # Even registered for it, a system acting as itself never gets a whole export.
    assert _get(client, f"/persons/{person_id}/export", other).status_code == 403
    assert _get(client, "/organisations", other).status_code == 200

    refused = [entry for entry in _audit(dfdg_store) if entry[3] == "denied"]
    assert (person_id, OTHER_SYSTEM, "person.access", "denied") in refused
    assert (aarhus_id, OTHER_SYSTEM, "person.access", "denied") in refused
    assert len(refused) == 6
    assert all(entry[1] == OTHER_SYSTEM for entry in refused)

    # The web app's system, with its own scope, reads and writes all of it.
    web_citizen = {
        **_bearer(TOKEN),
        "X-Actor-Assertion": _assertion(sub=person_id),
    }
    assert _get(client, f"/persons/{person_id}/absences", web_citizen).status_code == 200
    web_caseworker = {
        **_bearer(TOKEN),
        "X-Actor-Assertion": _assertion(**_caseworker(AARHUS_JOBCENTRE)),
    }
    assert _get(client, f"/persons/{aarhus_id}", web_caseworker).status_code == 200


def test_no_header_lets_a_system_act_as_a_person(two_systems: Flask, dfdg_store: Store) -> None:
    client = raw_client(two_systems)
    person_id = new_person(dfdg_store)
    path = f"/persons/{person_id}"
    web = _bearer(TOKEN)
    bare = {**web, "X-Actor-Type": "citizen", "X-Actor-Id": person_id}
    assert_problem(_get(client, path, bare), 422, "validation-error")
    assert _get(client, path, web).status_code == 403  # no assertion: the system itself
    hmac_key = OctKey.import_key("a-shared-secret-a-shared-secret!")
    forged = {
        # signed by the other system's key, or its own key claiming the other system
        "other key": _assertion(OTHER_SYSTEM_KEY, sub=person_id),
        "other iss": _assertion(sub=person_id, iss=OTHER_SYSTEM),
        "audience": _assertion(sub=person_id, aud="urn:somewhere-else"),
        "expired": _assertion(sub=person_id, iat=_now() - 900, nbf=_now() - 900, exp=_now() - 600),
        "not yet": _assertion(sub=person_id, nbf=_now() + 600, exp=_now() + 900),
        "too long": _assertion(sub=person_id, exp=_now() + 86400),
        "no exp": _assertion(sub=person_id, exp=None),
        "no nbf": _assertion(sub=person_id, nbf=None),
        "system type": _assertion(sub=person_id, actor_type="system"),
        "hmac": jwt.encode(
            {"alg": "HS256"},
            {"iss": SYSTEM, "aud": "urn:dfdg:api", "sub": person_id, "exp": _now() + 60},
            hmac_key,
            algorithms=["HS256"],
        ),
        "garbage": "not.a.jwt",
    }
    token = _assertion(sub=person_id)
    head, body, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    claims["sub"] = "someone-else"
    changed = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    forged["tampered"] = ".".join([head, changed, signature])
    for name, assertion in forged.items():
        response = _get(client, path, {**web, "X-Actor-Assertion": assertion})
        assert response.status_code == 401, name
        assert response.get_json()["type"].endswith(":invalid-assertion"), name
    # The valid one, for contrast.
    assert _get(client, path, {**web, "X-Actor-Assertion": token}).status_code == 200


def test_two_keys_are_valid_at_once_while_a_key_is_rotated(
    dfdg_app: Flask, dfdg_store: Store
) -> None:
    person_id = new_person(dfdg_store)
    saved = dfdg_app.extensions[SYSTEMS_KEY]
    rotating = {**WEB, "keys": [DEV_PUBLIC, OTHER_SYSTEM_PUBLIC]}
    dfdg_app.extensions[SYSTEMS_KEY] = parse_registry({SYSTEM: rotating})
    try:
        client = raw_client(dfdg_app)
        for key in (DEV_ASSERTION_KEY, json.dumps(OTHER_SYSTEM_KEY)):
            headers = {**_bearer(TOKEN), "X-Actor-Assertion": _assertion(key, sub=person_id)}
            assert _get(client, f"/persons/{person_id}", headers).status_code == 200
    finally:
        dfdg_app.extensions[SYSTEMS_KEY] = saved


def test_two_tokens_are_valid_at_once_while_a_token_is_rotated(dfdg_app: Flask) -> None:
    saved = dfdg_app.extensions[TOKENS_KEY]
    dfdg_app.extensions[TOKENS_KEY] = {SYSTEM: (TOKEN, "the-new-token-of-jobnet-web-000")}
    try:
        client = raw_client(dfdg_app)
        for token in (TOKEN, "the-new-token-of-jobnet-web-000"):
            assert _get(client, "/organisations", _bearer(token)).status_code == 200
        assert _get(client, "/organisations", _bearer(OTHER_TOKEN)).status_code == 401
    finally:
        dfdg_app.extensions[TOKENS_KEY] = saved


def test_the_development_token_is_refused_from_anything_but_loopback(dfdg_app: Flask) -> None:
    saved = dfdg_app.extensions[TOKENS_KEY]
    dfdg_app.extensions[TOKENS_KEY] = {SYSTEM: (DEV_DFDG_TOKEN,)}
    try:
        client = raw_client(dfdg_app)
        local = _get(client, "/organisations", _bearer(DEV_DFDG_TOKEN))
        assert local.status_code == 200
        remote = client.get(
            "/api/v1/organisations",
            headers=_bearer(DEV_DFDG_TOKEN),
            environ_base={"REMOTE_ADDR": "192.0.2.10"},
        )
        assert_problem(remote, 401, "unauthorized")
    finally:
        dfdg_app.extensions[TOKENS_KEY] = saved


def test_a_citizen_logging_in_looks_up_only_the_cpr_of_the_assertion(
    dfdg_client: FlaskClient, dfdg_store: Store
) -> None:
    new_person(dfdg_store, "0303901234")
    client = raw_client(dfdg_client.application)
    proves = {
        **_bearer(TOKEN),
        "X-Actor-Assertion": _assertion(cpr="0303901234"),
    }
    own = client.post("/api/v1/persons/lookup", json={"cpr": "0303901234"}, headers=proves)
    assert own.status_code == 200
    other = client.post("/api/v1/persons/lookup", json={"cpr": "0404901234"}, headers=proves)
    assert other.status_code == 404
    no_cpr = {**_bearer(TOKEN), "X-Actor-Assertion": _assertion()}
    nobody = client.post("/api/v1/persons/lookup", json={"cpr": "0303901234"}, headers=no_cpr)
    assert nobody.status_code == 404


def test_the_signer_s_assertion_is_what_dfdg_accepts(dfdg_app: Flask, dfdg_store: Store) -> None:
    from jobnet.clients.dfdg_client.assertion import AssertionSigner

    person_id = new_person(dfdg_store)
    signer = AssertionSigner.development()
    actor = Actor(type="citizen", id=person_id, auth_time=_now() - 60, level="Substantial")
    headers = {**_bearer(TOKEN), "X-Actor-Assertion": signer.assertion(actor)}
    assert _get(raw_client(dfdg_app), f"/persons/{person_id}", headers).status_code == 200
