"""Guessing a bearer token by trying is cut short: after DFDG_TOKEN_FAILURE_LIMIT answers of
401 to one address, that address gets 429 (with Retry-After) whatever it sends, until the
window ends. A system with a valid token from another address is not slowed, and the count is
in DFDG's database, shared by every DFDG process."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from flask import Flask

from jobnet.dfdg import create_dfdg_app
from tests.integration.dfdg.conftest import TOKEN, dfdg_settings, empty_dfdg_tables

ORGANISATIONS = "/api/v1/organisations"


@pytest.fixture
def limited_apps(dfdg_database_url: str, _dfdg_app_once: Flask) -> Iterator[list[Flask]]:
    """Two DFDG processes on the same database, with a limit of 3 failures a minute."""
    settings = {
        **dfdg_settings(dfdg_database_url),
        "AUTO_MIGRATE": False,
        "ABUSE_LIMITS_ENABLED": True,
        "DFDG_TOKEN_FAILURE_LIMIT": "3 per minute",
    }
    apps = [create_dfdg_app(settings), create_dfdg_app(settings)]
    yield apps
    empty_dfdg_tables(apps[0].extensions["dfdg_store"])
    for app in apps:
        app.extensions["dfdg_store"].engine.dispose()


def _get(app: Flask, token: str, address: str = "192.0.2.7") -> int:
    response = app.test_client().get(
        ORGANISATIONS,
        headers={"Authorization": f"Bearer {token}"},
        environ_base={"REMOTE_ADDR": address},
    )
    return response.status_code


def test_repeated_wrong_tokens_from_one_address_are_cut_short(
    limited_apps: list[Flask], caplog: pytest.LogCaptureFixture
) -> None:
    one, two = limited_apps
    assert _get(one, TOKEN) == 200  # a valid token counts for nothing
    assert [_get(one, "guess-1"), _get(two, "guess-2"), _get(one, "guess-3")] == [401] * 3
    with caplog.at_level(logging.WARNING):
        response = one.test_client().get(
            ORGANISATIONS,
            headers={"Authorization": f"Bearer {TOKEN}"},
            environ_base={"REMOTE_ADDR": "192.0.2.7"},
        )
    assert response.status_code == 429  # even the right token, from this address, now
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["status"] == 429
    assert 1 <= int(response.headers["Retry-After"]) <= 61
    assert "failed bearer tokens over the limit" in caplog.text
    assert TOKEN not in caplog.text
    assert _get(two, "guess-4") == 429  # the other process knows it too
    assert _get(two, TOKEN, address="198.51.100.1") == 200  # another address is not held back
