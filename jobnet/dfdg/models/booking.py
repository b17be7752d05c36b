"""Booking one's own interview (issue 22): the job centre's slots, the booking requests it opens
for a person, and the slots each request offers.

A slot's `booked` counts the requests booked into it; `booked <= capacity` is a check
constraint, and a place is taken with one conditional update (`queries/booking.py`), so two
people can never get the last place, whatever the timing.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from jobnet.dfdg.models.base import (
    ACTOR_ID,
    ACTOR_NAME,
    ACTOR_ORGANISATION,
    ACTOR_TYPE,
    Base,
    UtcDateTime,
)
from jobnet.dfdg.models.columns import Created, HasId, PersonRecord, Removed, SourceReference
from jobnet.dfdg.models.plans import INTERVIEW_FORMS

BOOKING_STATUSES = "'open', 'booked', 'cancelled'"


class BookingSlot(HasId, Created, Removed, Base):
    """A time a job centre offers for interviews the person books themself. `Removed`: taken
    off the list (only while no one has booked it); the row stays, for the requests that offered
    it and their history."""

    __tablename__ = "booking_slots"
    __table_args__ = (
        CheckConstraint(f"form IN ({INTERVIEW_FORMS})", name="form"),
        CheckConstraint("capacity >= 1", name="capacity"),
        CheckConstraint("booked >= 0 AND booked <= capacity", name="booked"),
        Index("ix_booking_slots_organisation_cvr_starts_at", "organisation_cvr", "starts_at"),
    )

    organisation_cvr: Mapped[str] = mapped_column(String(8))
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime())
    duration_minutes: Mapped[int] = mapped_column(Integer)
    form: Mapped[str] = mapped_column(String(20))
    place: Mapped[str | None] = mapped_column(String(500))
    join_details: Mapped[str | None] = mapped_column(String(500))
    capacity: Mapped[int] = mapped_column(Integer)
    booked: Mapped[int] = mapped_column(Integer, default=0)


class BookingRequest(PersonRecord, Created, SourceReference, Base):
    """The job centre asks the person to book an interview by `deadline` among offered slots."""

    __tablename__ = "booking_requests"
    __table_args__ = (
        CheckConstraint(f"status IN ({BOOKING_STATUSES})", name="status"),
        CheckConstraint(f"form IN ({INTERVIEW_FORMS})", name="form"),
        Index("ix_booking_requests_person_id_deadline", "person_id", "deadline"),
        Index("ix_booking_requests_organisation_cvr_status", "organisation_cvr", "status"),
    )

    organisation_cvr: Mapped[str] = mapped_column(String(8))
    type: Mapped[str] = mapped_column(String(40))
    form: Mapped[str] = mapped_column(String(20))
    opened_on: Mapped[date] = mapped_column(Date)
    deadline: Mapped[date] = mapped_column(Date)
    contact_options: Mapped[str | None] = mapped_column(String(1000))
    bring: Mapped[str | None] = mapped_column(String(1000))
    status: Mapped[str] = mapped_column(String(20), default="open")
    slot_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("booking_slots.id", ondelete="RESTRICT")
    )
    summons_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("summons.id", ondelete="SET NULL")
    )
    booked_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # Withdrawn by a caseworker (status `cancelled`): when, by whom and why.
    withdrawn_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    withdrawn_by_type: Mapped[str | None] = mapped_column(ACTOR_TYPE)
    withdrawn_by_id: Mapped[str | None] = mapped_column(ACTOR_ID)
    withdrawn_by_name: Mapped[str | None] = mapped_column(ACTOR_NAME)
    withdrawn_by_organisation: Mapped[str | None] = mapped_column(ACTOR_ORGANISATION)
    withdrawal_reason: Mapped[str | None] = mapped_column(String(500))


class BookingOffer(Base):
    """One slot offered by a booking request."""

    __tablename__ = "booking_offers"

    request_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("booking_requests.id", ondelete="CASCADE"), primary_key=True
    )
    slot_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("booking_slots.id", ondelete="CASCADE"), primary_key=True
    )
