"""Requests for access (GDPR art. 15) filed by or for a person."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    String,
)
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


class InsightRequest(Base):
    """A request for access: received on a day, answered within one month (the deadline)."""

    __tablename__ = "insight_requests"
    __table_args__ = (
        CheckConstraint("deadline >= received_on", name="deadline_after_received"),
        Index("ix_insight_requests_person_id_received_on", "person_id", "received_on"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    person_id: Mapped[str] = mapped_column(String(36), ForeignKey("persons.id", ondelete="CASCADE"))
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    received_on: Mapped[date] = mapped_column(Date)
    deadline: Mapped[date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(String(2000))
    source_reference: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    created_by_type: Mapped[str] = mapped_column(ACTOR_TYPE)
    created_by_id: Mapped[str | None] = mapped_column(ACTOR_ID)
    created_by_name: Mapped[str | None] = mapped_column(ACTOR_NAME)
    created_by_organisation: Mapped[str | None] = mapped_column(ACTOR_ORGANISATION)
