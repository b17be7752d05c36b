"""Calendar feeds in the web store: made, found by their token, revoked.

The token is random (256 bits) and only its SHA-256 is stored, like a session's: the feed URL
says nothing about the person, and a leaked database does not give working URLs.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from jobnet.db import Store
from jobnet.web.store.models import CalendarFeed

TOKEN_BYTES = 32
MAX_TOKEN_LENGTH = 64


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _revoke_all(session: Session, person_id: str, at: datetime) -> None:
    session.execute(
        update(CalendarFeed)
        .where(CalendarFeed.person_id == person_id, CalendarFeed.revoked_at.is_(None))
        .values(revoked_at=at)
    )


def create(store: Store, person_id: str, language: str) -> str:
    """A new feed for the person (any earlier one is revoked); the token, shown once."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    now = datetime.now(UTC)
    with store.session() as session:
        _revoke_all(session, person_id, now)
        session.add(
            CalendarFeed(id=_hash(token), person_id=person_id, language=language, created_at=now)
        )
    return token


def revoke(store: Store, person_id: str) -> None:
    with store.session() as session:
        _revoke_all(session, person_id, datetime.now(UTC))


def active(store: Store, person_id: str) -> CalendarFeed | None:
    """The person's feed not revoked, if any."""
    query = select(CalendarFeed).where(
        CalendarFeed.person_id == person_id, CalendarFeed.revoked_at.is_(None)
    )
    with store.session() as session:
        feed = session.scalars(query).first()
        if feed is not None:
            session.expunge(feed)
        return feed


def by_token(store: Store, token: str) -> CalendarFeed | None:
    """The feed of this token while not revoked; None for anything else."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    with store.session() as session:
        feed = session.get(CalendarFeed, _hash(token))
        if feed is None or feed.revoked_at is not None:
            return None
        session.expunge(feed)
        return feed
