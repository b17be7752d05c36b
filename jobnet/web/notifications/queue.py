"""The e-mails and SMS waiting to be sent (the web store's `outgoing_notifications`).

Each cause makes one row, found again by its key (a notice and channel, a code, a day's
digest): collecting the same notice twice adds nothing. A row is claimed before it is sent
(status sending, with a lease) by a conditional update only one worker can win, and marked
sent after the SMTP server or gateway accepted it; a send that failed waits and is tried
again with growing pauses (jobnet.domain.notifications.retry_after). A worker that died while
sending leaves the lease to run out; the next try uses the same Message-ID (SMS reference).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from jobnet.db import Store
from jobnet.domain.notifications import MAX_SEND_ATTEMPTS, retry_after
from jobnet.web.notifications.senders import Outgoing, Sender, SendFailed
from jobnet.web.notifications.texts import Words
from jobnet.web.store.models import OutgoingNotification

log = logging.getLogger(__name__)

WAITING, SENDING, SENT, FAILED = "waiting", "sending", "sent", "failed"
LEASE = timedelta(minutes=5)
BATCH = 50


def now_utc() -> datetime:
    return datetime.now(UTC)


def exists(session: Session, key: str) -> bool:
    query = select(OutgoingNotification.id).where(OutgoingNotification.key == key)
    return session.scalar(query) is not None


def add(
    session: Session,
    *,
    key: str,
    subject: str,
    kind: str,
    channel: str,
    address: str,
    language: str,
    words: Words,
    due_at: datetime,
) -> int | None:
    """Queue one message (nothing when its key is queued already); its id."""
    if exists(session, key):
        return None
    row = OutgoingNotification(
        key=key,
        subject=subject,
        kind=kind,
        channel=channel,
        address=address,
        language=language,
        title=words.title,
        text=words.text,
        status=WAITING,
        attempts=0,
        due_at=due_at,
        created_at=now_utc(),
    )
    session.add(row)
    session.flush()
    return row.id


def last_of_kind(session: Session, subject: str, kind: str) -> datetime | None:
    """When the latest notification of `kind` to the person went (or is due), if any."""
    query = select(
        func.max(func.coalesce(OutgoingNotification.sent_at, OutgoingNotification.due_at))
    ).where(
        OutgoingNotification.subject == subject,
        OutgoingNotification.kind == kind,
        OutgoingNotification.status != FAILED,
    )
    found = session.scalar(query)
    return _aware(found) if found is not None else None


def has_waiting(session: Session, subject: str, kind: str) -> bool:
    query = select(OutgoingNotification.id).where(
        OutgoingNotification.subject == subject,
        OutgoingNotification.kind == kind,
        OutgoingNotification.status == WAITING,
    )
    return session.scalar(query.limit(1)) is not None


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _claim(store: Store, row_id: int, now: datetime) -> OutgoingNotification | None:
    """Take the row for sending, if no other worker has it; the row, or None."""
    claimable = or_(
        (OutgoingNotification.status == WAITING) & (OutgoingNotification.due_at <= now),
        (OutgoingNotification.status == SENDING) & (OutgoingNotification.lease_until < now),
    )
    with store.session() as session:
        result = session.execute(
            update(OutgoingNotification)
            .where(OutgoingNotification.id == row_id, claimable)
            .values(
                status=SENDING,
                lease_until=now + LEASE,
                attempts=OutgoingNotification.attempts + 1,
            )
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            return None
        row = session.get(OutgoingNotification, row_id)
        if row is not None:
            session.expunge(row)
        return row


def _finish(store: Store, row: OutgoingNotification, error: str | None, now: datetime) -> None:
    with store.session() as session:
        if error is None:
            values: dict[str, object] = {"status": SENT, "sent_at": now, "lease_until": None}
        elif row.attempts >= MAX_SEND_ATTEMPTS:
            values = {"status": FAILED, "lease_until": None, "last_error": error[:200]}
        else:
            values = {
                "status": WAITING,
                "lease_until": None,
                "due_at": now + retry_after(row.attempts),
                "last_error": error[:200],
            }
        session.execute(
            update(OutgoingNotification)
            .where(OutgoingNotification.id == row.id, OutgoingNotification.status == SENDING)
            .values(**values)
        )


def deliver_one(
    store: Store, senders: Mapping[str, Sender], row_id: int, now: datetime | None = None
) -> bool:
    """Send one row if it is due and free; whether it was sent now."""
    now = now or now_utc()
    row = _claim(store, row_id, now)
    if row is None:
        return False
    sender = senders.get(row.channel)
    if sender is None:
        _finish(store, row, f"no sender for {row.channel}", now)
        return False
    message = Outgoing(row.key, row.channel, row.address, row.language, row.title, row.text)
    try:
        sender.send(message)
    except SendFailed as error:
        log.warning("notification %s not sent (try %d): %s", row.id, row.attempts, error)
        _finish(store, row, str(error), now)
        return False
    _finish(store, row, None, now)
    return True


def deliver_due(store: Store, senders: Mapping[str, Sender], now: datetime | None = None) -> int:
    """Send what is due; how many were sent."""
    moment = now or now_utc()
    due = or_(
        (OutgoingNotification.status == WAITING) & (OutgoingNotification.due_at <= moment),
        (OutgoingNotification.status == SENDING) & (OutgoingNotification.lease_until < moment),
    )
    query = select(OutgoingNotification.id).where(due).order_by(OutgoingNotification.due_at)
    with store.read() as session:
        ids = list(session.scalars(query.limit(BATCH)))
    return sum(deliver_one(store, senders, row_id, moment) for row_id in ids)


def latest(store: Store, limit: int = 50) -> list[OutgoingNotification]:
    """The newest rows, for the developers' page."""
    query = select(OutgoingNotification).order_by(OutgoingNotification.id.desc()).limit(limit)
    with store.read() as session:
        return list(session.scalars(query))
