"""The audit log of reads and writes of person data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from jobnet.dfdg.models import AuditEntry


@dataclass(frozen=True)
class AuditFilter:
    at_or_after: datetime | None = None
    before: datetime | None = None
    actor_type: str | None = None
    limit: int = 500


def add_entry(session: Session, entry: AuditEntry) -> AuditEntry:
    session.add(entry)
    return entry


def entries_for_person(
    session: Session, person_id: str, audit_filter: AuditFilter
) -> list[AuditEntry]:
    """A person's entries, newest first."""
    query = select(AuditEntry).where(AuditEntry.person_id == person_id)
    if audit_filter.at_or_after is not None:
        query = query.where(AuditEntry.at >= audit_filter.at_or_after)
    if audit_filter.before is not None:
        query = query.where(AuditEntry.at < audit_filter.before)
    if audit_filter.actor_type is not None:
        query = query.where(AuditEntry.actor_type == audit_filter.actor_type)
    query = query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(audit_filter.limit)
    return list(session.scalars(query))
