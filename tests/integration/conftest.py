"""Fixtures for more than one integration module."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest
from flask import Flask

from jobnet.clients.dfdg import IN_PROCESS_BASE_URL, DfdgClient
from tests.integration.outbox_helpers import FaultyTransport
from tests.integration.test_journeys import TODAY


@pytest.fixture
def faulty(make_app: Callable[..., Flask]) -> Iterator[tuple[Flask, FaultyTransport]]:
    app = make_app(DFDG_FIXED_TODAY=TODAY.isoformat())
    from jobnet.dfdg.demo import load_demo_data

    dfdg_app = app.extensions["dfdg_app"]
    with dfdg_app.extensions["dfdg_store"].session() as session:
        load_demo_data(session)
    transport = FaultyTransport(httpx.WSGITransport(app=dfdg_app))
    app.extensions["dfdg_client"] = DfdgClient(
        IN_PROCESS_BASE_URL, app.config["DFDG_API_TOKEN"], 2.0, transport=transport
    )
    yield app, transport
