"""Copies of applications uploaded to the job log (issue 22).

A copy belongs to one job log entry of the person: a PDF, JPEG or PNG by its content, at most
10 MB. It is the person's record like the entry: read through DFDG's audited API only, in the
right-of-access export. Removing a copy deletes its content and keeps the row (who uploaded and
removed it, and when), so the entry's history still shows that it was there.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from jobnet.dfdg.models.base import (
    ACTOR_ID,
    ACTOR_NAME,
    ACTOR_ORGANISATION,
    ACTOR_TYPE,
    Base,
    UtcDateTime,
    new_id,
    utcnow,
)

COPY_KINDS = "'pdf', 'jpeg', 'png'"


class JoblogCopy(Base):
    """A copy of the application of a job log entry."""

    __tablename__ = "joblog_copies"
    __table_args__ = (
        CheckConstraint(f"kind IN ({COPY_KINDS})", name="kind"),
        Index("ix_joblog_copies_person_id_entry_id", "person_id", "entry_id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    entry_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("joblog_entries.id", ondelete="CASCADE")
    )
    person_id: Mapped[str] = mapped_column(String(36), ForeignKey("persons.id", ondelete="CASCADE"))
    filename: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10))
    size: Mapped[int] = mapped_column(Integer)
    # Emptied when the copy is removed.
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    created_by_type: Mapped[str] = mapped_column(ACTOR_TYPE)
    created_by_id: Mapped[str | None] = mapped_column(ACTOR_ID)
    created_by_name: Mapped[str | None] = mapped_column(ACTOR_NAME)
    created_by_organisation: Mapped[str | None] = mapped_column(ACTOR_ORGANISATION)
    source_reference: Mapped[str | None] = mapped_column(String(100))
    removed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    removed_by_type: Mapped[str | None] = mapped_column(ACTOR_TYPE)
    removed_by_id: Mapped[str | None] = mapped_column(ACTOR_ID)
    removed_by_name: Mapped[str | None] = mapped_column(ACTOR_NAME)
    removed_by_organisation: Mapped[str | None] = mapped_column(ACTOR_ORGANISATION)
    removal_reference: Mapped[str | None] = mapped_column(String(100))
