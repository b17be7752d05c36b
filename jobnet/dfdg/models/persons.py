"""Persons, their contact-group periods, and the organisations (job centres) DFDG knows."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobnet.dfdg.models.base import Base, UtcDateTime, new_id, utcnow


class Person(Base):
    __tablename__ = "persons"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    cpr: Mapped[str] = mapped_column(String(10), unique=True)
    given_name: Mapped[str] = mapped_column(String(200))
    family_name: Mapped[str] = mapped_column(String(200))
    street: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str | None] = mapped_column(String(4))
    city: Mapped[str | None] = mapped_column(String(100))
    municipality_code: Mapped[str | None] = mapped_column(String(4))
    address_protected: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)

    contact_group_periods: Mapped[list[ContactGroupPeriod]] = relationship(
        back_populates="person", order_by="ContactGroupPeriod.start_date"
    )


class ContactGroupPeriod(Base):
    __tablename__ = "contact_group_periods"
    __table_args__ = (
        CheckConstraint("contact_group BETWEEN 1 AND 8", name="contact_group_range"),
        CheckConstraint(
            "(match_group IS NULL AND contact_group NOT IN (2, 3)) OR "
            "(match_group BETWEEN 1 AND 3 AND contact_group IN (2, 3))",
            name="match_group_only_for_2_and_3",
        ),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="end_after_start"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("persons.id", ondelete="CASCADE"), index=True
    )
    contact_group: Mapped[int] = mapped_column(Integer)
    match_group: Mapped[int | None] = mapped_column(Integer)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)

    person: Mapped[Person] = relationship(back_populates="contact_group_periods")


class Organisation(Base):
    __tablename__ = "organisations"
    __table_args__ = (CheckConstraint("kind IN ('jobcentre', 'akasse')", name="kind"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    cvr: Mapped[str] = mapped_column(String(8), unique=True)
    municipality_code: Mapped[str | None] = mapped_column(String(4))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
