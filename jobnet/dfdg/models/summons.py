"""Summons to interviews and their changes (moved, cancelled)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobnet.dfdg.models.base import (
    ACTOR_ID,
    ACTOR_NAME,
    ACTOR_ORGANISATION,
    ACTOR_TYPE,
    Base,
    UtcDateTime,
    utcnow,
)
from jobnet.dfdg.models.columns import By, Created, PersonRecord, SourceReference
from jobnet.dfdg.models.plans import CHANGE_KINDS, INTERVIEW_FORMS, SUMMONS_STATUSES


class Summons(PersonRecord, Created, SourceReference, Base):
    """A summons to an interview, as it stands now (its changes keep what it was)."""

    __tablename__ = "summons"
    __table_args__ = (
        CheckConstraint(f"status IN ({SUMMONS_STATUSES})", name="status"),
        CheckConstraint(f"form IN ({INTERVIEW_FORMS})", name="form"),
        Index("ix_summons_person_id_starts_at", "person_id", "starts_at"),
        Index("ix_summons_organisation_cvr_starts_at", "organisation_cvr", "starts_at"),
    )

    organisation_cvr: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(20), default="active")
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime())
    duration_minutes: Mapped[int] = mapped_column(Integer)
    form: Mapped[str] = mapped_column(String(20))
    type: Mapped[str] = mapped_column(String(40))
    place: Mapped[str | None] = mapped_column(String(500))
    join_details: Mapped[str | None] = mapped_column(String(500))
    contact_options: Mapped[str | None] = mapped_column(String(1000))
    bring: Mapped[str | None] = mapped_column(String(1000))
    letter_sent_date: Mapped[date] = mapped_column(Date)
    # The `sequence` the person last read themself, and when (null: never read; lower than
    # `sequence`: moved or cancelled since). The summons is new to them until they read it.
    seen_sequence: Mapped[int | None] = mapped_column(Integer)
    seen_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # "I can't come" (issue 22): the person's notice for the time of `cannot_come_sequence`
    # (a move makes it one for an earlier time; a notice for the new time replaces it, and the
    # audit log keeps every one).
    cannot_come_reason: Mapped[str | None] = mapped_column(String(30))
    cannot_come_note: Mapped[str | None] = mapped_column(String(500))
    cannot_come_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    cannot_come_sequence: Mapped[int | None] = mapped_column(Integer)
    cannot_come_by_type: Mapped[str | None] = mapped_column(ACTOR_TYPE)
    cannot_come_reference: Mapped[str | None] = mapped_column(String(100))
    # Not attended (issue 24): the job centre marked, once the interview had begun, that the
    # person did not come; for a fund member in contact group 1 the `no_show` fund event
    # arises from it in the same transaction.
    not_attended_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    not_attended_by_type: Mapped[str | None] = mapped_column(ACTOR_TYPE)
    not_attended_by_id: Mapped[str | None] = mapped_column(ACTOR_ID)
    not_attended_by_name: Mapped[str | None] = mapped_column(ACTOR_NAME)
    not_attended_by_organisation: Mapped[str | None] = mapped_column(ACTOR_ORGANISATION)

    changes: Mapped[list[SummonsChange]] = relationship(
        back_populates="summons", order_by="SummonsChange.number"
    )


class SummonsChange(By, SourceReference, Base):
    """A version of a summons: created, moved (from → to) or cancelled, when and by whom."""

    __tablename__ = "summons_changes"
    __table_args__ = (
        UniqueConstraint("summons_id", "number"),
        CheckConstraint(f"kind IN ({CHANGE_KINDS})", name="kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    summons_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("summons.id", ondelete="CASCADE")
    )
    number: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    letter_sent_date: Mapped[date] = mapped_column(Date)
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime())
    previous_starts_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    duration_minutes: Mapped[int] = mapped_column(Integer)
    form: Mapped[str] = mapped_column(String(20))
    place: Mapped[str | None] = mapped_column(String(500))
    join_details: Mapped[str | None] = mapped_column(String(500))
    reason: Mapped[str | None] = mapped_column(String(500))

    summons: Mapped[Summons] = relationship(back_populates="changes")
