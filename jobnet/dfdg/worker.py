"""DFDG's own worker: the fund events that arise by themselves and the funds' webhooks.

Each round records the booking requests not booked by their deadline
(`jobnet.dfdg.booking_deadlines`, at most every `BOOKING_CHECK_SECONDS`) and pushes the fund
events due to the funds' webhooks (`jobnet.dfdg.fund_webhooks`). In production it is its own
process, `flask --app jobnet.dfdg.wsgi dfdg work` (one is enough; two do no harm: each event is
recorded once, and a push repeated after a crash carries the same `X-DFDG-Event-Id`). In the
embedded default (`make run`) the web app runs it as a thread beside DFDG in the same process
(`DFDG_WORKER_EMBEDDED`).
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import httpx
from flask import Flask
from sqlalchemy.orm import Session

from jobnet.dfdg import clock
from jobnet.dfdg.booking_deadlines import MissedResult, record_missed_bookings
from jobnet.dfdg.context import STORE_KEY
from jobnet.dfdg.fund_webhooks import DeliveryResult, deliver_due, webhooks
from jobnet.dfdg.models.base import utcnow
from jobnet.dfdg.models.fund_events import FundEvent

log = logging.getLogger(__name__)

BOOKING_CHECK_SECONDS = 300.0
WEBHOOK_TIMEOUT_SECONDS = 10.0


def render_event(session: Session, event: FundEvent) -> dict[str, Any]:
    """The event's JSON as the feed gives it (the webhook's body)."""
    from jobnet.dfdg.api.fund_events import events_out

    [out] = events_out(session, [event])
    return out.model_dump(mode="json")


def missed_bookings(app: Flask) -> MissedResult:
    with app.app_context(), app.extensions[STORE_KEY].session() as session:
        return record_missed_bookings(session, clock.today(), webhooks(app.config).keys())


def deliver_webhooks(app: Flask, timeout: float = WEBHOOK_TIMEOUT_SECONDS) -> DeliveryResult:
    hooks = webhooks(app.config)
    if not hooks:
        return DeliveryResult()
    transport = app.config.get("DFDG_WEBHOOK_TRANSPORT")  # tests: a mock transport
    with (
        app.app_context(),
        httpx.Client(timeout=timeout, transport=transport) as http,
        app.extensions[STORE_KEY].session() as session,
    ):
        return deliver_due(session, hooks, http, utcnow(), render_event)


@dataclass
class Round:
    """What one round did."""

    missed: MissedResult | None = None  # None: not checked this round
    delivered: DeliveryResult = field(default_factory=DeliveryResult)


class DfdgWorker:
    """The rounds, with the booking check's own pace."""

    def __init__(self, app: Flask, booking_every: float = BOOKING_CHECK_SECONDS) -> None:
        self.app = app
        self.booking_every = booking_every
        self._booking_checked: float | None = None

    def round(self) -> Round:
        done = Round()
        moment = time.monotonic()
        if self._booking_checked is None or moment - self._booking_checked >= self.booking_every:
            done.missed = missed_bookings(self.app)
            self._booking_checked = moment
        done.delivered = deliver_webhooks(self.app)
        return done


class EmbeddedWorker(threading.Thread):
    """The worker as a thread of the embedded web process (`DFDG_WORKER_EMBEDDED`)."""

    def __init__(self, app: Flask, interval: float) -> None:
        super().__init__(name="dfdg-worker", daemon=True)
        self.worker = DfdgWorker(app)
        self.interval = interval
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            try:
                self.worker.round()
            except Exception:  # the worker must outlive any one bad round
                log.exception("DFDG worker round failed")
            self.stopping.wait(self.interval)

    def stop(self) -> None:
        self.stopping.set()


def start_embedded(app: Flask, interval: float) -> EmbeddedWorker:
    worker = EmbeddedWorker(app, interval)
    worker.start()
    return worker
