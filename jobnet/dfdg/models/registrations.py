"""Registrations as a jobseeker and absences (sickness, holidays, other Annex 1 reasons)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    text,
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
from jobnet.dfdg.models.columns import Created, CreatedBy, PersonRecord, SourceReference
from jobnet.dfdg.models.persons import ContactGroupPeriod


class Registration(PersonRecord, CreatedBy, SourceReference, Base):
    """A registration as a jobseeker (§ 8). Never deleted: deregistration sets its end."""

    __tablename__ = "registrations"
    __table_args__ = (
        CheckConstraint(
            "category IN ('unemployment_benefit', 'cash_benefit', 'without_benefit')",
            name="category",
        ),
        CheckConstraint("degree IN ('full_time', 'part_time')", name="degree"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="end_after_start"),
        Index("ix_registrations_person_id_start_date", "person_id", "start_date"),
        # At most one registration per person without a deregistration.
        Index(
            "uq_registrations_one_open_per_person",
            "person_id",
            unique=True,
            sqlite_where=text("end_date IS NULL"),
            postgresql_where=text("end_date IS NULL"),
        ),
    )

    category: Mapped[str] = mapped_column(String(30))
    start_date: Mapped[date] = mapped_column(Date)
    degree: Mapped[str] = mapped_column(String(20))
    weekly_hours: Mapped[int | None] = mapped_column(Integer)
    job_titles: Mapped[list[str]] = mapped_column(JSON)
    contact_group_period_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("contact_group_periods.id")
    )
    registered_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    end_date: Mapped[date | None] = mapped_column(Date)
    deregistration_reason: Mapped[str | None] = mapped_column(String(30))
    deregistration_other_text: Mapped[str | None] = mapped_column(String(500))
    deregistered_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    deregistration_reference: Mapped[str | None] = mapped_column(String(100))
    deregistered_by_type: Mapped[str | None] = mapped_column(ACTOR_TYPE)
    deregistered_by_id: Mapped[str | None] = mapped_column(ACTOR_ID)
    deregistered_by_name: Mapped[str | None] = mapped_column(ACTOR_NAME)
    deregistered_by_organisation: Mapped[str | None] = mapped_column(ACTOR_ORGANISATION)

    contact_group_period: Mapped[ContactGroupPeriod] = relationship()


class Absence(PersonRecord, Created, SourceReference, Base):
    """An absence or exemption (chapter 4, Annex 1). Never deleted: a cancelled holiday keeps
    its row with status "cancelled"; a recovery sets the sickness's last day."""

    __tablename__ = "absences"
    __table_args__ = (
        CheckConstraint("status IN ('active', 'cancelled')", name="status"),
        CheckConstraint("last_day IS NULL OR last_day >= first_day", name="last_after_first"),
        Index("ix_absences_person_id_first_day", "person_id", "first_day"),
        # At most one open sickness per person.
        Index(
            "uq_absences_one_open_sickness_per_person",
            "person_id",
            unique=True,
            sqlite_where=text("reason = 'sickness' AND status = 'active' AND last_day IS NULL"),
            postgresql_where=text("reason = 'sickness' AND status = 'active' AND last_day IS NULL"),
        ),
    )

    reason: Mapped[str] = mapped_column(String(40))
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date | None] = mapped_column(Date)
    fit_day: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="active")
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    cancelled_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    end_reference: Mapped[str | None] = mapped_column(String(100))
    ended_by_type: Mapped[str | None] = mapped_column(ACTOR_TYPE)
    ended_by_id: Mapped[str | None] = mapped_column(ACTOR_ID)
    ended_by_name: Mapped[str | None] = mapped_column(ACTOR_NAME)
    ended_by_organisation: Mapped[str | None] = mapped_column(ACTOR_ORGANISATION)
    # "deregistration" when the person's deregistration ended it (the law ends an absence with
    # the registration); `reported_last_day` keeps the last day as reported when it shortened it.
    end_cause: Mapped[str | None] = mapped_column(String(30))
    reported_last_day: Mapped[date | None] = mapped_column(Date)
