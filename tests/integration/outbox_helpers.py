"""Shared by the tests of what happens while DFDG fails: a transport that fails on demand (the
`faulty` fixture in conftest.py sends through it) and the outbox worker's round run by hand."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta

import httpx
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select, update

from jobnet.web.journeys import outbox
from jobnet.web.platform.sessions import utcnow
from jobnet.web.store.models import OutboxCommand
from tests.helpers import login_citizen
from tests.integration.test_journeys import TODAY

METTE = "1203851234"


def app_with_demo_data(make_app: Callable[..., Flask]) -> Flask:
    """The app on the journeys' fixed today, its DFDG holding the demo persons."""
    from jobnet.dfdg.demo import load_demo_data

    app = make_app(DFDG_FIXED_TODAY=TODAY.isoformat())
    with app.extensions["dfdg_app"].extensions["dfdg_store"].session() as session:
        load_demo_data(session)
    return app


# Answers that say nothing about the report itself: ours or DFDG's to mend, so kept and retried.
ANSWERS_THAT_ARE_NOT_THE_CITIZENS_FAULT = ("500", "503", "401", "408", "429")


class FaultyTransport(httpx.BaseTransport):
    """Passes requests to DFDG in-process unless told to fail, before or after DFDG answers."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.mode = "ok"
        self.writes_seen = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method != "GET":
            self.writes_seen += 1
        if self.mode == "down" or (self.mode == "writes_down" and request.method != "GET"):
            raise httpx.ConnectError("connection refused", request=request)
        if self.mode == "timeout":
            raise httpx.ReadTimeout("timed out", request=request)
        if self.mode == "hang":  # DFDG takes the call and never answers: the caller's limit
            time.sleep(float(request.extensions.get("timeout", {}).get("read") or 5.0))
            raise httpx.ReadTimeout("timed out", request=request)
        if self.mode == "writes_500" and request.method != "GET":  # one command DFDG fails on
            return httpx.Response(500, json={"title": "internal error"}, request=request)
        if self.mode in ANSWERS_THAT_ARE_NOT_THE_CITIZENS_FAULT:
            status = int(self.mode)
            return httpx.Response(status, json={"title": "not now"}, request=request)
        response = self.inner.handle_request(request)
        if self.mode == "fail_after_write" and request.method != "GET":
            response.read()
            raise httpx.ReadTimeout("the answer was lost", request=request)
        return response


def mette_client(app: Flask) -> FlaskClient:
    client = app.test_client()
    client.get("/language/en")
    login_citizen(client, METTE)
    return client


def outbox_commands(app: Flask) -> list[OutboxCommand]:
    with app.extensions["web_store"].session() as db:
        return list(db.scalars(select(OutboxCommand)))


def make_due(app: Flask) -> None:
    with app.extensions["web_store"].session() as db:
        db.execute(update(OutboxCommand).values(next_attempt_at=utcnow() - timedelta(seconds=1)))


def run_worker_round(app: Flask) -> int:
    return outbox.deliver_due(app.extensions["web_store"], app.extensions["dfdg_client"])
