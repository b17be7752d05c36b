"""The worker's notification round: collect DFDG's notices, queue each person's e-mail or SMS
by their choice (at most one per kind an hour, none in the quiet hours), queue the caseworkers'
daily e-mails, and send what is due."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from flask import Flask

from jobnet.clients.dfdg_client.client import DfdgClient
from jobnet.clients.dfdg_client.errors import DfdgError
from jobnet.clients.dfdg_client.notices import WaitingNotice
from jobnet.db import Store
from jobnet.domain.notifications import DANISH_TIME, earliest_send, parse_quiet_hours
from jobnet.web.notifications import choices, queue, texts
from jobnet.web.notifications.senders import Sender
from jobnet.web.store.models import NotificationChoice

log = logging.getLogger(__name__)


def _channels(row: NotificationChoice, senders: Mapping[str, Sender]) -> list[tuple[str, str]]:
    found = []
    if row.by_email and row.email and "email" in senders:
        found.append(("email", row.email))
    if row.by_sms and row.phone and "sms" in senders:
        found.append(("sms", row.phone))
    return found


def queue_notice(
    store: Store,
    config: Mapping[str, Any],
    senders: Mapping[str, Sender],
    notice: WaitingNotice,
    now: datetime,
) -> int:
    """Queue the person's e-mail and SMS for one notice; how many were queued. One already
    waiting for the same kind tells this too (nothing more is queued)."""
    subject = choices.subject_of(choices.CITIZEN, notice.person_id)
    quiet = parse_quiet_hours(str(config["NOTIFY_QUIET_HOURS"]))
    queued = 0
    with store.session() as session:
        row = session.get(NotificationChoice, subject)
        if row is None or queue.has_waiting(session, subject, notice.kind):
            return 0
        channels = _channels(row, senders)
        if not channels:
            return 0
        due = earliest_send(now, queue.last_of_kind(session, subject, notice.kind), quiet)
        words = texts.waiting(notice.kind, row.language)
        for channel, address in channels:
            added = queue.add(
                session,
                key=f"notice:{notice.id}:{channel}",
                subject=subject,
                kind=notice.kind,
                channel=channel,
                address=address,
                language=row.language,
                words=words,
                due_at=due,
            )
            queued += added is not None
    return queued


def collect_notices(app: Flask, now: datetime | None = None) -> int:
    """Take DFDG's waiting notices, queue what each person chose, acknowledge them."""
    store: Store = app.extensions["web_store"]
    client: DfdgClient = app.extensions["dfdg_client"]
    senders: Mapping[str, Sender] = app.extensions["notification_senders"]
    found = client.waiting_notices()
    moment = now or queue.now_utc()
    queued = sum(queue_notice(store, app.config, senders, notice, moment) for notice in found)
    if found:
        client.acknowledge_notices([notice.id for notice in found])
    return queued


def queue_digests(app: Flask, now: datetime | None = None) -> int:
    """Queue today's e-mail to each caseworker who asked for it, at NOTIFY_DIGEST_HOUR or
    later (Danish time), when their job centre's inbox has unread threads."""
    store: Store = app.extensions["web_store"]
    client: DfdgClient = app.extensions["dfdg_client"]
    moment = now or queue.now_utc()
    local = moment.astimezone(DANISH_TIME)
    if local.hour < int(app.config["NOTIFY_DIGEST_HOUR"]):
        return 0
    quiet = parse_quiet_hours(str(app.config["NOTIFY_QUIET_HOURS"]))
    queued = 0
    for row in choices.digest_subscribers(store):
        if row.last_digest_on == local.date() or not row.organisation_cvr or not row.email:
            continue
        unread = client.unread_message_count(row.organisation_cvr)
        if not choices.mark_digest(store, row.subject, local.date()) or unread == 0:
            continue
        with store.session() as session:
            added = queue.add(
                session,
                key=f"digest:{row.subject}:{local.date().isoformat()}",
                subject=row.subject,
                kind="digest",
                channel="email",
                address=row.email,
                language=row.language,
                words=texts.digest(unread, row.language),
                due_at=earliest_send(moment, None, quiet),
            )
            queued += added is not None
    return queued


def notification_round(app: Flask, now: datetime | None = None) -> int:
    """One round of the worker; how many were sent. DFDG away: what is queued still goes."""
    try:
        collect_notices(app, now)
        queue_digests(app, now)
    except DfdgError as error:
        log.warning("notices not collected this round: %s", error)
    return queue.deliver_due(
        app.extensions["web_store"], app.extensions["notification_senders"], now
    )
