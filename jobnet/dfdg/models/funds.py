"""Membership of an unemployment insurance fund (a-kasse): who belongs to which fund, from when.

A person belongs to at most one fund on a day. A change of fund ends the old membership the day
before the new one starts, so the history says which fund was the member's on any past day —
which decides, for instance, which fund receives an event about them.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from jobnet.dfdg.models.base import Base, UtcDateTime, utcnow


class FundMembership(Base):
    __tablename__ = "fund_memberships"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="end_after_start"),
        Index("ix_fund_memberships_organisation_id", "organisation_id", "start_date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("persons.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[str] = mapped_column(String(36), ForeignKey("organisations.id"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
