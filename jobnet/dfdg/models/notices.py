"""Notices: that something new waits for a person (a message, a task, a letter), for the web
app's notifications (issue 23). A notice says only which kind; never what it is about."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from jobnet.dfdg.models.base import Base, UtcDateTime, utcnow

NOTICE_KINDS = ("message", "task", "letter")


class Notice(Base):
    """Written in the same transaction as its cause; `collected_at` is set when the notifying
    system has taken it (until then it is answered again, so none is lost)."""

    __tablename__ = "notices"
    __table_args__ = (
        CheckConstraint("kind IN ('message', 'task', 'letter')", name="kind"),
        Index("ix_notices_collected_at_id", "collected_at", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("persons.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    collected_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
