"""Fixtures for more than one integration module."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest
from flask import Flask

from jobnet.clients.dfdg_client.calls import IN_PROCESS_BASE_URL
from jobnet.clients.dfdg_client.client import DfdgClient
from tests.integration.outbox_helpers import FaultyTransport, app_with_demo_data


@pytest.fixture
def faulty(make_app: Callable[..., Flask]) -> Iterator[tuple[Flask, FaultyTransport]]:
    app = app_with_demo_data(make_app)
    transport = FaultyTransport(httpx.WSGITransport(app=app.extensions["dfdg_app"]))
    app.extensions["dfdg_client"] = DfdgClient(
        IN_PROCESS_BASE_URL, app.config["DFDG_API_TOKEN"], 2.0, transport=transport
    )
    yield app, transport
