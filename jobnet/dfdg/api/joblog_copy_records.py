"""What the job log's endpoints share about copies of applications (issue 22): a copy as DFDG
answers it, the copies of entries read in one statement, and files checked (by their content)
and added."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from jobnet.dfdg.actor import ActorContext
from jobnet.dfdg.api.files import CheckedFiles, checked_files
from jobnet.dfdg.api.records import actor_out, optional_actor_out
from jobnet.dfdg.models.cv import JoblogEntry
from jobnet.dfdg.models.joblog_copies import JoblogCopy
from jobnet.dfdg.queries import actors as actor_queries
from jobnet.dfdg.schemas.joblog_copies import CopyOut
from jobnet.dfdg.schemas.messages import AttachmentIn
from jobnet.domain.joblog_copies import MAX_COPIES, CopyProblem, check_copies
from jobnet.domain.messages import (
    CONTENT_TYPES,
    AttachmentKind,
)

PROBLEM_WORDS: dict[str, str] = {
    CopyProblem.TOO_MANY_COPIES: f"An entry has at most {MAX_COPIES} copies",
    CopyProblem.COPY_TOO_BIG: "A copy has at most 10 MB",
    CopyProblem.COPY_KIND: "A copy must be a PDF, JPEG or PNG (by its content)",
    CopyProblem.COPY_EMPTY: "The copy is empty",
}

# --- answers ----------------------------------------------------------------------------------


def copy_out(copy: JoblogCopy, names: Mapping[str, str]) -> CopyOut:
    kind = AttachmentKind(copy.kind)
    return CopyOut(
        id=copy.id,
        entry_id=copy.entry_id,
        filename=copy.filename,
        kind=kind,
        content_type=CONTENT_TYPES[kind],
        size=copy.size,
        created_at=copy.created_at,
        created_by=actor_out(
            copy.created_by_type, copy.created_by_name, copy.created_by_organisation, names
        ),
        source_reference=copy.source_reference,
        removed_at=copy.removed_at,
        removed_by=optional_actor_out(
            copy.removed_by_type, copy.removed_by_name, copy.removed_by_organisation, names
        ),
    )


def copy_organisations(copies: Iterable[JoblogCopy]) -> list[str | None]:
    return [cvr for c in copies for cvr in (c.created_by_organisation, c.removed_by_organisation)]


def copies_of(
    session: Session, person_id: str, entry_ids: Sequence[str], *, removed: bool = False
) -> dict[str, list[JoblogCopy]]:
    """The copies of the entries, by entry id, oldest first, in one statement (content not
    loaded); removed ones only when `removed`."""
    found: defaultdict[str, list[JoblogCopy]] = defaultdict(list)
    if not entry_ids:
        return found
    query = select(JoblogCopy).where(
        JoblogCopy.person_id == person_id, JoblogCopy.entry_id.in_(list(entry_ids))
    )
    if not removed:
        query = query.where(JoblogCopy.removed_at.is_(None))
    for copy in session.scalars(query.order_by(JoblogCopy.created_at, JoblogCopy.id)):
        found[copy.entry_id].append(copy)
    return found


# --- writing ----------------------------------------------------------------------------------


def checked_copies(
    session: Session, action: str, person_id: str, existing: int, items: Sequence[AttachmentIn]
) -> CheckedFiles:
    """The files as (safe name, kind, content) once every rule holds; an audited 422 naming
    each broken one otherwise."""
    return checked_files(
        session,
        action,
        person_id,
        field="copies",
        items=items,
        rules=lambda facts: check_copies(existing, facts),
        words=PROBLEM_WORDS,
    )


def add_copies(
    session: Session,
    entry: JoblogEntry,
    actor: ActorContext,
    files: CheckedFiles,
    reference: str | None,
) -> None:
    for name, kind, data in files:
        session.add(
            JoblogCopy(
                entry_id=entry.id,
                person_id=entry.person_id,
                filename=name,
                kind=kind.value,
                size=len(data),
                content=data,
                source_reference=reference,
                **actor_queries.actor_columns("created_by", actor),
            )
        )
    session.flush()
