"""Job log entries and their versions."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jobnet.dfdg.actor import ActorContext
from jobnet.dfdg.models.cv import JoblogEntry, JoblogEntryVersion

DATA_FIELDS = ("applied_on", "employer", "job_title", "kind", "status", "link", "note")


def current(session: Session, person_id: str) -> list[JoblogEntry]:
    """The person's entries that are not deleted, newest first."""
    query = (
        select(JoblogEntry)
        .where(JoblogEntry.person_id == person_id, JoblogEntry.deleted_at.is_(None))
        .order_by(JoblogEntry.applied_on.desc(), JoblogEntry.created_at.desc())
    )
    return list(session.scalars(query))


def of_person(session: Session, person_id: str, entry_id: str) -> JoblogEntry | None:
    """The entry, only when it is this person's and not deleted."""
    query = select(JoblogEntry).where(
        JoblogEntry.id == entry_id,
        JoblogEntry.person_id == person_id,
        JoblogEntry.deleted_at.is_(None),
    )
    return session.scalars(query).one_or_none()


def snapshot(entry: JoblogEntry) -> dict[str, Any]:
    data = {name: getattr(entry, name) for name in DATA_FIELDS}
    return {
        name: value.isoformat() if isinstance(value, date) else value
        for name, value in data.items()
    }


def add_version(
    session: Session,
    entry: JoblogEntry,
    actor: ActorContext,
    action: str,
    reference: str | None,
    *,
    copies: list[str] | None = None,
) -> None:
    """A version row of the entry as it stands; `copies`: the file names of its copies of the
    application (left out when it has none)."""
    data = snapshot(entry)
    if copies:
        data["copies"] = copies
    session.add(
        JoblogEntryVersion(
            entry_id=entry.id,
            person_id=entry.person_id,
            version=entry.version,
            action=action,
            data=data,
            source_reference=reference,
            actor_type=actor.type,
            actor_id=actor.id,
            actor_name=actor.name,
            actor_organisation=actor.organisation,
        )
    )


def versions(session: Session, entry_id: str) -> list[JoblogEntryVersion]:
    query = (
        select(JoblogEntryVersion)
        .where(JoblogEntryVersion.entry_id == entry_id)
        .order_by(JoblogEntryVersion.version)
    )
    return list(session.scalars(query))
