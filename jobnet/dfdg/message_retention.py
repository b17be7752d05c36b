"""Messages are kept for a retention period (the setting MESSAGE_RETENTION_DAYS) after a
thread's last message, then deleted with their attachments (`dfdg purge-messages`)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from jobnet.dfdg.queries import messages as message_queries


def purge_expired_messages(session: Session, now: datetime, retention_days: int) -> int:
    """Delete the threads whose last message is more than `retention_days` old; how many."""
    if retention_days <= 0:
        raise ValueError("MESSAGE_RETENTION_DAYS must be a positive number of days")
    return message_queries.purge_older_than(session, now - timedelta(days=retention_days))
