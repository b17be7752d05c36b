"""The audit log of reads and writes of person data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Table, and_, insert, or_, select
from sqlalchemy.orm import Session

from jobnet.dfdg.models.audit import AuditEntry


@dataclass(frozen=True)
class AuditFilter:
    at_or_after: datetime | None = None
    before: datetime | None = None
    actor_type: str | None = None
    limit: int = 500
    # Only entries older (in the newest-first order) than the entry with this id: the next page.
    older_than: int | None = None


# A Core insert built once: no ORM object to construct and flush for a row nobody reads back.
# The column defaults (id, `at`) apply as they would through the ORM.
_INSERT_ENTRY = insert(cast(Table, AuditEntry.__table__))


# The entries' id column is a 32-bit integer on PostgreSQL.
BIGGEST_ENTRY_ID = 2**31 - 1


def add_entry(session: Session, values: Mapping[str, str | None]) -> None:
    """Insert one entry with these column values now, in the session's transaction."""
    session.execute(_INSERT_ENTRY, dict(values))


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
        if not 0 < audit_filter.older_than <= BIGGEST_ENTRY_ID:
            return [], False  # no entry has such an id (PostgreSQL would refuse to look)
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
