"""A fund with a webhook gets each event pushed, signed (HMAC-SHA256), retried with back-off
after a failure, and delivered once; a person's later event waits for the earlier one."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobnet.db import Store
from jobnet.dfdg.api.fund_events import events_out
from jobnet.dfdg.fund_webhooks import backoff, deliver_due, verify, webhooks
from jobnet.dfdg.models.base import utcnow
from jobnet.dfdg.models.fund_events import FundEvent
from tests.integration.dfdg.fund_event_helpers import fund_a_webhook, member
from tests.integration.dfdg.jobseeker_helpers import TODAY, audit_actions, days, post, today_is

SECRET = "s" * 40
URL = "https://fund-a.example/dfdg-events"


@pytest.fixture
def with_webhook(dfdg_app: Flask) -> Iterator[Flask]:
    with fund_a_webhook(dfdg_app, URL, SECRET) as app:
        yield app


class Receiver:
    """The fund's receiver: answers 500 to the first `failures` posts, then 200."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.received: list[dict[str, Any]] = []
        self.attempts = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.attempts += 1
        body = request.read()
        assert verify(
            SECRET,
            request.headers["X-DFDG-Timestamp"],
            body,
            request.headers["X-DFDG-Signature"],
        )
        assert not verify(
            "x" * 40, request.headers["X-DFDG-Timestamp"], body, request.headers["X-DFDG-Signature"]
        )
        if self.attempts <= self.failures:
            return httpx.Response(500)
        self.received.append(json.loads(body))
        return httpx.Response(204)


def _render(session: Any, event: FundEvent) -> dict[str, Any]:
    [out] = events_out(session, [event])
    return out.model_dump(mode="json")


def _deliver(app: Flask, store: Store, receiver: Receiver, now: Any) -> Any:
    with httpx.Client(transport=httpx.MockTransport(receiver)) as http, store.session() as s:
        return deliver_due(s, webhooks(app.config), http, now, _render)


def test_retried_after_a_500_with_back_off_and_delivered_once(
    with_webhook: Flask, dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    person = member(dfdg_store, "0303901234")
    with today_is(with_webhook, TODAY):
        for kind in ("job_refused", "offer_refused"):
            body = {"type": kind, "event_date": TODAY.isoformat()}
            made = post(dfdg_client, f"/persons/{person}/fund-events", body, caseworker)
            assert made.status_code == 201, made.get_data(as_text=True)
    receiver = Receiver(failures=1)
    now = utcnow()
    first = _deliver(with_webhook, dfdg_store, receiver, now)
    # The first push failed; the person's second event waits behind it (order per person).
    assert (first.delivered, first.failed, first.waiting) == (0, 1, 1)
    assert receiver.attempts == 1
    too_soon = _deliver(with_webhook, dfdg_store, receiver, now + backoff(1) - timedelta(seconds=1))
    assert too_soon.delivered == 0 and receiver.attempts == 1
    later = _deliver(with_webhook, dfdg_store, receiver, now + backoff(1))
    assert later.delivered == 2
    assert [event["type"] for event in receiver.received] == ["job_refused", "offer_refused"]
    again = _deliver(with_webhook, dfdg_store, receiver, now + timedelta(days=1))
    assert again.delivered == 0 and len(receiver.received) == 2
    with dfdg_store.session() as session:
        events = session.query(FundEvent).order_by(FundEvent.fund_sequence).all()
        assert [(e.webhook_state, e.webhook_attempts, e.delivered_via) for e in events] == [
            ("delivered", 2, "webhook"),
            ("delivered", 1, "webhook"),
        ]
    assert audit_actions(dfdg_store, person).count(("fund_event.sent", "ok")) == 2


def test_the_delivery_command_pushes_due_events(
    with_webhook: Flask, dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    person = member(dfdg_store, "0303901234")
    with today_is(with_webhook, days(0)):
        body = {"type": "no_show", "event_date": TODAY.isoformat()}
        assert (
            post(dfdg_client, f"/persons/{person}/fund-events", body, caseworker).status_code == 201
        )
    receiver = Receiver(failures=0)
    with_webhook.config["DFDG_WEBHOOK_TRANSPORT"] = httpx.MockTransport(receiver)
    try:
        result = with_webhook.test_cli_runner().invoke(args=["dfdg", "deliver-fund-events"])
    finally:
        with_webhook.config.pop("DFDG_WEBHOOK_TRANSPORT")
    assert result.exit_code == 0, result.output
    assert "1 delivered" in result.output
    assert [event["person_id"] for event in receiver.received] == [person]
