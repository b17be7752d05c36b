"""CVs, their list entries and their versions."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jobnet.dfdg.actor import ActorContext
from jobnet.dfdg.models.base import utcnow
from jobnet.dfdg.models.cv import Cv, CvEntry, CvVersion
from jobnet.dfdg.queries.actors import actor_columns


def of_person(session: Session, person_id: str) -> Cv | None:
    return session.scalars(select(Cv).where(Cv.person_id == person_id)).one_or_none()


def ensure(session: Session, person_id: str, actor: ActorContext) -> Cv:
    """The person's CV, made empty on the first change (the caller holds the person's lock)."""
    cv = of_person(session, person_id)
    if cv is None:
        cv = Cv(
            person_id=person_id,
            job_titles=[],
            driving_licences=[],
            searchable=False,
            approval_status="not_assessed",
            version=0,
            **actor_columns("created_by", actor),
        )
        session.add(cv)
        session.flush()
    return cv


def entries(session: Session, person_id: str) -> list[CvEntry]:
    """The person's entries that are not removed, in the order they were added."""
    query = (
        select(CvEntry)
        .where(CvEntry.person_id == person_id, CvEntry.deleted_at.is_(None))
        .order_by(CvEntry.created_at, CvEntry.id)
    )
    return list(session.scalars(query))


def entry_of_person(
    session: Session, person_id: str, section: str, entry_id: str
) -> CvEntry | None:
    """The entry, only when it is this person's, in this section, and not removed."""
    query = select(CvEntry).where(
        CvEntry.id == entry_id,
        CvEntry.person_id == person_id,
        CvEntry.section == section,
        CvEntry.deleted_at.is_(None),
    )
    return session.scalars(query).one_or_none()


def touch(cv: Cv, actor: ActorContext) -> None:
    """Mark the CV changed now by `actor` and raise its version."""
    cv.version += 1
    cv.updated_at = utcnow()
    for column, value in actor_columns("updated_by", actor).items():
        setattr(cv, column, value)


def add_version(
    session: Session,
    cv: Cv,
    actor: ActorContext,
    *,
    section: str,
    action: str,
    data: dict[str, Any],
    reference: str | None,
    entry_id: str | None = None,
) -> None:
    session.add(
        CvVersion(
            cv_id=cv.id,
            person_id=cv.person_id,
            entry_id=entry_id,
            section=section,
            action=action,
            data=data,
            source_reference=reference,
            actor_type=actor.type,
            actor_id=actor.id,
            actor_name=actor.name,
            actor_organisation=actor.organisation,
        )
    )


def versions(session: Session, person_id: str) -> list[CvVersion]:
    query = select(CvVersion).where(CvVersion.person_id == person_id).order_by(CvVersion.id)
    return list(session.scalars(query))
