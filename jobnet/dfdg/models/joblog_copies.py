"""Copies of applications uploaded to the job log (issue 22).

A copy belongs to one job log entry of the person: a PDF, JPEG or PNG by its content, at most
10 MB. It is the person's record like the entry: read through DFDG's audited API only, in the
right-of-access export. Removing a copy deletes its content and keeps the row (who uploaded and
removed it, and when), so the entry's history still shows that it was there.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from jobnet.dfdg.models.base import (
    Base,
)
from jobnet.dfdg.models.columns import Created, PersonRecord, Removed, SourceReference

COPY_KINDS = "'pdf', 'jpeg', 'png'"


class JoblogCopy(PersonRecord, Created, SourceReference, Removed, Base):
    """A copy of the application of a job log entry."""

    __tablename__ = "joblog_copies"
    __table_args__ = (
        CheckConstraint(f"kind IN ({COPY_KINDS})", name="kind"),
        Index("ix_joblog_copies_person_id_entry_id", "person_id", "entry_id"),
    )

    entry_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("joblog_entries.id", ondelete="CASCADE")
    )
    filename: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10))
    size: Mapped[int] = mapped_column(Integer)
    # Emptied when the copy is removed.
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    removal_reference: Mapped[str | None] = mapped_column(String(100))
