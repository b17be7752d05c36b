"""A webhook push can come twice — DFDG records the delivery after the fund's 2xx, so a crash
between the two pushes it again — with the same `X-DFDG-Event-Id`; the fund's receiver
(`funds receive`) handles it once. It refuses a bad signature or a stale timestamp."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobnet.db import Store
from jobnet.dfdg.fund_webhooks import deliver_due, signature, webhooks
from jobnet.dfdg.models.base import utcnow
from jobnet.dfdg.models.fund_events import FundEvent
from jobnet.dfdg.worker import render_event
from jobnet.fund_system.receiver import PATH, create_receiver
from jobnet.fund_system.seen import SeenEvents
from tests.integration.dfdg.fund_event_helpers import FUND_A, fund_a_webhook, member
from tests.integration.dfdg.jobseeker_helpers import TODAY, post, today_is

SECRET = "r" * 40
URL = "http://fund-a.example" + PATH


@pytest.fixture
def with_webhook(dfdg_app: Flask) -> Iterator[Flask]:
    with fund_a_webhook(dfdg_app, URL, SECRET) as app:
        yield app


class Recording(httpx.WSGITransport):
    """The receiver, reached in-process; keeps each answer."""

    def __init__(self, app: Flask) -> None:
        super().__init__(app=app)
        self.answers: list[dict[str, Any]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        response.read()
        self.answers.append({"status": response.status_code, **response.json()})
        return response


def test_a_push_repeated_after_a_crash_is_handled_once(
    with_webhook: Flask,
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    caseworker: dict[str, str],
    tmp_path: Path,
) -> None:
    person = member(dfdg_store, "0303901234")
    with today_is(with_webhook, TODAY):
        body = {"type": "job_refused", "event_date": TODAY.isoformat()}
        made = post(dfdg_client, f"/persons/{person}/fund-events", body, caseworker)
        assert made.status_code == 201, made.get_data(as_text=True)
    seen = SeenEvents(tmp_path / f"{FUND_A}.ids")
    transport = Recording(create_receiver(FUND_A, SECRET, seen, None))
    hooks = webhooks(with_webhook.config)
    with with_webhook.app_context(), httpx.Client(transport=transport) as http:
        with dfdg_store.session() as session:
            assert deliver_due(session, hooks, http, utcnow(), render_event).delivered == 1
        # DFDG stopped after the fund's 200 and before its commit: the event is due again.
        with dfdg_store.session() as session:
            event = session.query(FundEvent).one()
            event.webhook_state, event.delivered_at = "pending", None
            session.commit()
        with dfdg_store.session() as session:
            assert deliver_due(session, hooks, http, utcnow(), render_event).delivered == 1
    event_id = made.get_json()["id"]
    assert [(a["status"], a["id"], a["duplicate"]) for a in transport.answers] == [
        (200, event_id, False),
        (200, event_id, True),
    ]
    assert (tmp_path / f"{FUND_A}.ids").read_text().split() == [event_id]


def test_a_bad_signature_or_a_stale_push_is_refused(tmp_path: Path) -> None:
    seen = SeenEvents(tmp_path / "seen.ids")
    client = create_receiver(FUND_A, SECRET, seen, None).test_client()
    body = json.dumps({"id": "e-1", "type": "no_show"}).encode()

    def push(timestamp: str, secret: str = SECRET) -> Any:
        headers = {
            "X-DFDG-Event-Id": "e-1",
            "X-DFDG-Timestamp": timestamp,
            "X-DFDG-Signature": signature(secret, timestamp, body),
            "Content-Type": "application/json",
        }
        return client.post(PATH, data=body, headers=headers)

    now = str(int(time.time()))
    assert push(now, "x" * 40).status_code == 401
    assert push(str(int(time.time()) - 3600)).status_code == 401
    assert "e-1" not in seen
    assert push(now).get_json() == {"id": "e-1", "duplicate": False}
    assert "e-1" in SeenEvents(tmp_path / "seen.ids")  # kept on disk
