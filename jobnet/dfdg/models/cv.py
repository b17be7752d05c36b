"""DFDG's CV and job log tables. Nothing is ever hard-deleted.

A person has at most one CV (`cvs`); its list sections (work experience, education, courses,
skills, languages) are `cv_entries`, removed by setting `deleted_at`. Every change writes a
`cv_versions` / `joblog_entry_versions` row with the data after the change (before it, for a
removal), who made it and the receipt reference, so a record's history shows who changed what.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from jobnet.dfdg.models.base import (
    ACTOR_ID,
    ACTOR_NAME,
    ACTOR_ORGANISATION,
    ACTOR_TYPE,
    Base,
    new_id,
)
from jobnet.dfdg.models.columns import Acted, Created, Deleted, SourceReference, Updated

CV_ENTRY_SECTIONS = ("experience", "education", "courses", "skills", "languages")


APPROVAL_STATUSES = ("not_assessed", "approved", "not_approved")


JOBLOG_KINDS = ("advertised", "unsolicited", "other")


JOBLOG_STATUSES = ("sent", "interview", "rejected", "offered")


VERSION_ACTIONS = ("create", "update", "delete", "approve")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


class Cv(Created, Updated, Base):
    """A person's CV with its single sections and the job centre's approval."""

    __tablename__ = "cvs"
    __table_args__ = (
        CheckConstraint(_in("approval_status", APPROVAL_STATUSES), name="approval_status"),
        CheckConstraint(
            "work_time IS NULL OR " + _in("work_time", ("full_time", "part_time", "both")),
            name="work_time",
        ),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    person_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("persons.id", ondelete="CASCADE"), unique=True
    )
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(20))
    job_titles: Mapped[list[str]] = mapped_column(JSON, default=list)
    job_area: Mapped[str | None] = mapped_column(String(100))
    work_time: Mapped[str | None] = mapped_column(String(20))
    driving_licences: Mapped[list[str]] = mapped_column(JSON, default=list)
    profile: Mapped[str | None] = mapped_column(String(2000))
    searchable: Mapped[bool] = mapped_column(Boolean, default=False)
    approval_status: Mapped[str] = mapped_column(String(20), default="not_assessed")
    approval_date: Mapped[date | None] = mapped_column(Date)
    approval_note: Mapped[str | None] = mapped_column(String(1000))
    approved_by_type: Mapped[str | None] = mapped_column(ACTOR_TYPE)
    approved_by_id: Mapped[str | None] = mapped_column(ACTOR_ID)
    approved_by_name: Mapped[str | None] = mapped_column(ACTOR_NAME)
    approved_by_organisation: Mapped[str | None] = mapped_column(ACTOR_ORGANISATION)
    version: Mapped[int] = mapped_column(Integer, default=1)


class CvEntry(Created, Updated, Deleted, SourceReference, Base):
    """One item of a CV list section; its fields (by section) are in `data`."""

    __tablename__ = "cv_entries"
    __table_args__ = (
        CheckConstraint(_in("section", CV_ENTRY_SECTIONS), name="section"),
        Index("ix_cv_entries_person_id_section", "person_id", "section"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    cv_id: Mapped[str] = mapped_column(String(36), ForeignKey("cvs.id", ondelete="CASCADE"))
    person_id: Mapped[str] = mapped_column(String(36), ForeignKey("persons.id", ondelete="CASCADE"))
    section: Mapped[str] = mapped_column(String(20))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer, default=1)


class CvVersion(Acted, Base):
    """A change of a CV: a section (with `entry_id` for a list item) and its data after it."""

    __tablename__ = "cv_versions"
    __table_args__ = (
        CheckConstraint(_in("action", VERSION_ACTIONS), name="action"),
        Index("ix_cv_versions_person_id_at", "person_id", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    cv_id: Mapped[str] = mapped_column(String(36), ForeignKey("cvs.id", ondelete="CASCADE"))
    person_id: Mapped[str] = mapped_column(String(36), ForeignKey("persons.id", ondelete="CASCADE"))
    entry_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("cv_entries.id", ondelete="CASCADE")
    )
    section: Mapped[str] = mapped_column(String(30))
    action: Mapped[str] = mapped_column(String(20))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class JoblogEntry(Created, Updated, Deleted, SourceReference, Base):
    """An application in the person's job log; a deleted one keeps its row."""

    __tablename__ = "joblog_entries"
    __table_args__ = (
        CheckConstraint(_in("kind", JOBLOG_KINDS), name="kind"),
        CheckConstraint(_in("status", JOBLOG_STATUSES), name="status"),
        Index("ix_joblog_entries_person_id_applied_on", "person_id", "applied_on"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    person_id: Mapped[str] = mapped_column(String(36), ForeignKey("persons.id", ondelete="CASCADE"))
    applied_on: Mapped[date] = mapped_column(Date)
    employer: Mapped[str] = mapped_column(String(200))
    job_title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    link: Mapped[str | None] = mapped_column(String(500))
    note: Mapped[str | None] = mapped_column(String(2000))
    version: Mapped[int] = mapped_column(Integer, default=1)


class JoblogEntryVersion(Acted, Base):
    """A job log entry as it stood after each change (before it, for the deletion)."""

    __tablename__ = "joblog_entry_versions"
    __table_args__ = (
        CheckConstraint(_in("action", VERSION_ACTIONS), name="action"),
        UniqueConstraint("entry_id", "version"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entry_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("joblog_entries.id", ondelete="CASCADE")
    )
    person_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("persons.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
