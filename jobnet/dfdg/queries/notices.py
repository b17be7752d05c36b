"""Notices not yet collected, collecting them, and the count of a job centre's unread threads."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from jobnet.dfdg.models.messages import MessageThread
from jobnet.dfdg.models.notices import Notice
from jobnet.dfdg.models.persons import Person
from jobnet.dfdg.queries.messages import unread_by_jobcentre


def waiting(session: Session, limit: int) -> list[Notice]:
    """The notices not collected yet, oldest first."""
    query = select(Notice).where(Notice.collected_at.is_(None)).order_by(Notice.id).limit(limit)
    return list(session.scalars(query))


def mark_collected(session: Session, ids: list[int], at: datetime) -> int:
    """Mark the notices collected; how many were still waiting (a repeat changes nothing)."""
    result = session.execute(
        update(Notice)
        .where(Notice.id.in_(ids), Notice.collected_at.is_(None))
        .values(collected_at=at)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def unread_threads(session: Session, municipality_code: str) -> int:
    """How many threads of the municipality's persons have a message the job centre has not
    read."""
    query = (
        select(func.count())
        .select_from(MessageThread)
        .join(Person, Person.id == MessageThread.person_id)
        .where(Person.municipality_code == municipality_code, unread_by_jobcentre())  # type: ignore[arg-type]
    )
    return int(session.scalar(query) or 0)


def waiting_by_ids(session: Session, ids: list[int]) -> list[Notice]:
    query = select(Notice).where(Notice.id.in_(ids), Notice.collected_at.is_(None))
    return list(session.scalars(query))
