"""Requests for access (GDPR art. 15) filed by or for a person."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    CheckConstraint,
    Date,
    Index,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from jobnet.dfdg.models.base import (
    Base,
)
from jobnet.dfdg.models.columns import Created, PersonRecord, SourceReference


class InsightRequest(PersonRecord, Created, SourceReference, Base):
    """A request for access: received on a day, answered within one month (the deadline)."""

    __tablename__ = "insight_requests"
    __table_args__ = (
        CheckConstraint("deadline >= received_on", name="deadline_after_received"),
        Index("ix_insight_requests_person_id_received_on", "person_id", "received_on"),
    )

    reference: Mapped[str] = mapped_column(String(20), unique=True)
    received_on: Mapped[date] = mapped_column(Date)
    deadline: Mapped[date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(String(2000))
