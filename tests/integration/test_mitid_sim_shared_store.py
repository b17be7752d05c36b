"""The MitID simulator behind several workers (MITID_SIM_STORE_PATH): a code issued by one
process is redeemed at another, once, and a replayed code revokes its token in every process.
Two Flask apps on the same files stand in for two gunicorn workers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobnet.demo_identities import DEMO_PERSONS
from jobnet.web.auth.oidc import CitizenIdentity, LoginFailed, LoginFailure
from tests.integration.mitid_conftest_helpers import (
    BASE_URL,
    Callback,
    login_at_simulator,
    make_sim_app,
    relying_party,
)

METTE = DEMO_PERSONS[0]
CHOOSE_METTE = {"person": METTE.cpr, "level": "Substantial", "action": "login"}


def _workers(tmp_path: Path, shared: bool) -> tuple[Flask, Flask]:
    store = {"MITID_SIM_STORE_PATH": str(tmp_path / "mitid-sim.sqlite")} if shared else {}
    key_path = tmp_path / "mitid-sim-key.json"
    return make_sim_app(key_path, **store), make_sim_app(key_path, **store)


def _token_request(browser: FlaskClient, callback: Callback) -> Any:
    return browser.post(
        "/mitid-sim/token",
        data={
            "grant_type": "authorization_code",
            "code": callback.args["code"],
            "redirect_uri": f"{BASE_URL}/auth/callback",
            "client_id": "jobnet-citizen",
            "client_secret": "dev-citizen-secret",
            "code_verifier": callback.redirect.pending.code_verifier,
        },
    )


def test_a_code_issued_by_one_worker_is_redeemed_at_another(tmp_path: Path) -> None:
    first, second = _workers(tmp_path, shared=True)
    callback = login_at_simulator(first.test_client(), relying_party(first), CHOOSE_METTE)
    # The relying party's token and userinfo calls reach the other worker.
    identity = relying_party(second).complete_login(callback.args, callback.redirect.pending)
    assert isinstance(identity, CitizenIdentity)
    assert identity.cpr == METTE.cpr
    with pytest.raises(LoginFailed) as replayed:  # still single-use, across the workers
        relying_party(first).complete_login(callback.args, callback.redirect.pending)
    assert replayed.value.reason is LoginFailure.REPLAYED


def test_without_a_shared_store_the_other_worker_does_not_know_the_code(tmp_path: Path) -> None:
    first, second = _workers(tmp_path, shared=False)
    callback = login_at_simulator(first.test_client(), relying_party(first), CHOOSE_METTE)
    with pytest.raises(LoginFailed):
        relying_party(second).complete_login(callback.args, callback.redirect.pending)


def test_a_replayed_code_revokes_its_token_in_every_worker(tmp_path: Path) -> None:
    first, second = _workers(tmp_path, shared=True)
    browser = first.test_client()
    callback = login_at_simulator(browser, relying_party(first), CHOOSE_METTE)
    token = _token_request(second.test_client(), callback)
    assert token.status_code == 200
    bearer = {"Authorization": f"Bearer {token.get_json()['access_token']}"}
    assert browser.get("/mitid-sim/userinfo", headers=bearer).status_code == 200
    again = _token_request(browser, callback)
    assert (again.status_code, again.get_json()["error"]) == (400, "invalid_grant")
    for worker in (first, second):
        assert worker.test_client().get("/mitid-sim/userinfo", headers=bearer).status_code == 401
