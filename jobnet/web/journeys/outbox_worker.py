"""The outbox worker: a thread that delivers due commands, sends the notifications
(`jobnet.web.notifications`) and keeps house on a schedule (run by
`flask --app app outbox work`, or inside the web process in the embedded default)."""

from __future__ import annotations

import logging
import threading

from flask import Flask

from jobnet.clients.dfdg_client.client import DfdgClient
from jobnet.db import Store
from jobnet.web.journeys.outbox import deliver_due
from jobnet.web.notifications.collect import notification_round
from jobnet.web.platform.housekeeping import Housekeeping

log = logging.getLogger(__name__)


class Worker(threading.Thread):
    """Delivers due commands every `interval` seconds until stopped."""

    def __init__(self, app: Flask, interval: float = 2.0) -> None:
        super().__init__(name="outbox-worker", daemon=True)
        self.app = app
        self.interval = interval
        self.stopping = threading.Event()
        # Expired sessions and limit counters are purged on a schedule by the same worker.
        self.housekeeping = Housekeeping(app, every=float(app.config["SESSION_PURGE_SECONDS"]))

    def run(self) -> None:
        store: Store = self.app.extensions["web_store"]
        client: DfdgClient = self.app.extensions["dfdg_client"]
        while not self.stopping.is_set():
            try:
                with self.app.app_context():
                    deliver_due(store, client)
            except Exception:  # the worker must outlive any one bad round
                log.exception("outbox worker round failed")
            try:
                with self.app.app_context():
                    notification_round(self.app)
            except Exception:  # nor may a failed notification stop the commands
                log.exception("notification round failed")
            self.housekeeping.tick()
            self.stopping.wait(self.interval)

    def stop(self) -> None:
        self.stopping.set()
