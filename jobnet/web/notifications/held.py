"""What the web store holds about a person for notifications, for the right of access (My data,
GDPR art. 15), and how long it keeps it (storage limitation, art. 5(1)(e)).

The web store holds a person's notification contact data itself (DFDG never sees it): the
confirmed e-mail address and mobile number with the choice of channels, the codes sent to
confirm an address, and the e-mails and SMS queued or sent. Kept:

- a confirmation code: until `CODE_KEPT` after it was made (the daily limit of codes to an
  address counts the last day);
- a sent or failed e-mail or SMS: `SENT_KEPT` after it was made (the one-an-hour rule needs
  only the last hour; the rest answers "what did you send me?");
- the choice and its confirmed addresses: while a channel (or a caseworker's daily e-mail) is
  on, as the service the person asked for; with everything off, `IDLE_CHOICE_KEPT` after its
  last change, then deleted (turning notifications off is how a person ends it).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, select
from sqlalchemy.orm import Session

from jobnet.db import Store
from jobnet.web.notifications import queue
from jobnet.web.store.models import ConfirmationCode, NotificationChoice, OutgoingNotification

CODE_KEPT = timedelta(days=2)
SENT_KEPT = timedelta(days=30)
IDLE_CHOICE_KEPT = timedelta(days=30)
FINISHED = (queue.SENT, queue.FAILED)


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).isoformat()


def _sent(session: Session, subject: str) -> list[dict[str, Any]]:
    query = (
        select(OutgoingNotification)
        .where(OutgoingNotification.subject == subject)
        .order_by(OutgoingNotification.id.desc())
    )
    return [
        {
            # A code's text holds the code: the title says what it was, and that is enough.
            "kind": row.kind,
            "channel": row.channel,
            "address": row.address,
            "title": row.title,
            "status": row.status,
            "created_at": _iso(row.created_at),
            "sent_at": _iso(row.sent_at),
        }
        for row in session.scalars(query)
    ]


def _codes(session: Session, subject: str) -> list[dict[str, Any]]:
    query = (
        select(ConfirmationCode)
        .where(ConfirmationCode.subject == subject)
        .order_by(ConfirmationCode.id.desc())
    )
    return [
        {
            "channel": row.channel,
            "address": row.address,
            "created_at": _iso(row.created_at),
            "used_at": _iso(row.used_at),
        }
        for row in session.scalars(query)
    ]


def held_for(store: Store, subject: str) -> dict[str, Any]:
    """Everything the web store holds for notifications about `subject`, as plain data."""
    with store.read() as session:
        row = session.get(NotificationChoice, subject)
        choice = (
            {
                "email": row.email,
                "mobile": row.phone,
                "by_email": row.by_email,
                "by_sms": row.by_sms,
                "language": row.language,
                "updated_at": _iso(row.updated_at),
            }
            if row is not None
            else None
        )
        return {
            "choice": choice,
            "codes": _codes(session, subject),
            "sent": _sent(session, subject),
        }


def purge_old(store: Store, now: datetime | None = None) -> int:
    """Delete what is kept no longer (see the module's text); how many rows."""
    moment = now or queue.now_utc()
    with store.session() as session:
        codes = session.execute(
            delete(ConfirmationCode).where(ConfirmationCode.created_at < moment - CODE_KEPT)
        )
        sent = session.execute(
            delete(OutgoingNotification).where(
                OutgoingNotification.status.in_(FINISHED),
                OutgoingNotification.created_at < moment - SENT_KEPT,
            )
        )
        idle = session.execute(
            delete(NotificationChoice).where(
                and_(
                    NotificationChoice.by_email.is_(False),
                    NotificationChoice.by_sms.is_(False),
                    NotificationChoice.daily_digest.is_(False),
                    NotificationChoice.updated_at < moment - IDLE_CHOICE_KEPT,
                )
            )
        )
        counts: list[int] = [
            int(result.rowcount or 0)  # type: ignore[attr-defined]
            for result in (codes, sent, idle)
        ]
        return sum(counts)
