"""Housekeeping the outbox worker does on a schedule (every SESSION_PURGE_SECONDS): expired
sessions, ended abuse-limit windows and DFDG answers kept longer than their retention
(`known_answers`), and notification codes, sent e-mails and SMS and unused choices past their
time (`jobnet/web/notifications/held.py`), and logins past LOGINS_KEPT
(`jobnet/web/platform/login_log.py`) are deleted from the web store, so that neither waits
for someone to run `flask sessions purge`. Several workers may do it at once: a delete of what
another has deleted deletes nothing."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import timedelta

from flask import Flask

from jobnet.rate_limit_storage import purge_expired_counters
from jobnet.web.journeys import known_answers
from jobnet.web.notifications import held
from jobnet.web.platform import login_log
from jobnet.web.platform.sessions import ServerSessionInterface
from jobnet.web.store.models import RateLimitCounter

log = logging.getLogger(__name__)


def purge_expired(app: Flask) -> tuple[int, int]:
    """Delete expired sessions and ended limit windows; returns how many of each."""
    store = app.extensions["web_store"]
    idle = timedelta(minutes=app.config["SESSION_IDLE_MINUTES"])
    sessions = ServerSessionInterface.purge_expired(store, idle)
    counters = purge_expired_counters(store.engine, RateLimitCounter.__table__)  # type: ignore[arg-type]
    answers = known_answers.purge_old(store, app.config["KNOWN_ANSWERS_RETENTION_DAYS"])
    notifications = held.purge_old(store) + login_log.purge_old(store)
    if sessions or counters or answers or notifications:
        log.info(
            "housekeeping: %d expired sessions, %d limit counters, %d old known answers, "
            "%d old notification and login rows purged",
            sessions,
            counters,
            answers,
            notifications,
        )
    return sessions, counters


class Housekeeping:
    """Runs `purge_expired` when at least `every` seconds have passed since it last ran."""

    def __init__(
        self, app: Flask, every: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.app = app
        self.every = every
        self.clock = clock
        self.last_run: float | None = None

    def tick(self) -> None:
        now = self.clock()
        if self.last_run is not None and now - self.last_run < self.every:
            return
        self.last_run = now
        try:
            purge_expired(self.app)
        except Exception:  # the worker must outlive a failed purge; it tries again later
            log.exception("housekeeping failed")
