"""The audit log of reads and writes of person data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from jobnet.dfdg.models import AuditEntry


@dataclass(frozen=True)
class AuditFilter:
    at_or_after: datetime | None = None
    before: datetime | None = None
    actor_type: str | None = None
    limit: int = 500
    # Only entries older (in the newest-first order) than the entry with this id: the next page.
    older_than: int | None = None


def add_entry(session: Session, entry: AuditEntry) -> AuditEntry:
    session.add(entry)
    return entry


def entries_for_person(
    session: Session, person_id: str, audit_filter: AuditFilter
) -> list[AuditEntry]:
    """A person's entries, newest first: at most `limit` of them."""
    return entries_page(session, person_id, audit_filter)[0]


def entries_page(
    session: Session, person_id: str, audit_filter: AuditFilter
) -> tuple[list[AuditEntry], bool]:
    """A page of a person's entries, newest first, and whether older entries follow it.

    `older_than` names the last entry of the page before (one of the person's entries; an id
    of anyone else's entry or of none gives an empty page)."""
    query = select(AuditEntry).where(AuditEntry.person_id == person_id)
    if audit_filter.older_than is not None:
        mark = session.get(AuditEntry, audit_filter.older_than)
        if mark is None or mark.person_id != person_id:
            return [], False
        query = query.where(
            or_(AuditEntry.at < mark.at, and_(AuditEntry.at == mark.at, AuditEntry.id < mark.id))
        )
    if audit_filter.at_or_after is not None:
        query = query.where(AuditEntry.at >= audit_filter.at_or_after)
    if audit_filter.before is not None:
        query = query.where(AuditEntry.at < audit_filter.before)
    if audit_filter.actor_type is not None:
        query = query.where(AuditEntry.actor_type == audit_filter.actor_type)
    query = query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(audit_filter.limit + 1)
    entries = list(session.scalars(query))
    return entries[: audit_filter.limit], len(entries) > audit_filter.limit
