"""DFDG's tables: SQLAlchemy 2 typed models on portable types (SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    TypeDecorator,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Alembic's version table for DFDG's migrations (named so it can share a database with others).
VERSION_TABLE = "dfdg_alembic_version"

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    return str(uuid.uuid4())


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every database (SQLite keeps no offset itself)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; use timezone-aware UTC")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


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
    # Deregistered on the day it began (§ 8(6) allows it): the period covers no day at all.
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

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


class AuditEntry(Base):
    __tablename__ = "audit_entries"
    __table_args__ = (Index("ix_audit_entries_person_id_at", "person_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("persons.id"))
    actor_type: Mapped[str] = mapped_column(String(20))
    actor_id: Mapped[str | None] = mapped_column(String(200))
    actor_name: Mapped[str | None] = mapped_column(String(200))
    organisation: Mapped[str | None] = mapped_column(String(20))
    on_behalf_of: Mapped[str | None] = mapped_column(String(200))
    purpose: Mapped[str | None] = mapped_column(String(500))
    action: Mapped[str] = mapped_column(String(100))
    channel: Mapped[str] = mapped_column(String(20))
    system: Mapped[str] = mapped_column(String(100))
    outcome: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class IdempotencyRecord(Base):
    __tablename__ = "idempotency_records"
    __table_args__ = (UniqueConstraint("system", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    system: Mapped[str] = mapped_column(String(100))
    key: Mapped[str] = mapped_column(String(200))
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int | None] = mapped_column(Integer)
    response_body: Mapped[Any | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


# Who acted, copied from the request's X-Actor-* headers when a record is written or ended.
ACTOR_TYPE = String(20)
ACTOR_ID = String(200)
ACTOR_NAME = String(200)
ACTOR_ORGANISATION = String(8)


class Registration(Base):
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

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    person_id: Mapped[str] = mapped_column(String(36), ForeignKey("persons.id", ondelete="CASCADE"))
    category: Mapped[str] = mapped_column(String(30))
    start_date: Mapped[date] = mapped_column(Date)
    degree: Mapped[str] = mapped_column(String(20))
    weekly_hours: Mapped[int | None] = mapped_column(Integer)
    job_titles: Mapped[list[str]] = mapped_column(JSON)
    contact_group_period_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("contact_group_periods.id")
    )
    registered_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    source_reference: Mapped[str | None] = mapped_column(String(100))
    created_by_type: Mapped[str] = mapped_column(ACTOR_TYPE)
    created_by_id: Mapped[str | None] = mapped_column(ACTOR_ID)
    created_by_name: Mapped[str | None] = mapped_column(ACTOR_NAME)
    created_by_organisation: Mapped[str | None] = mapped_column(ACTOR_ORGANISATION)
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


class Absence(Base):
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

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    person_id: Mapped[str] = mapped_column(String(36), ForeignKey("persons.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(String(40))
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date | None] = mapped_column(Date)
    fit_day: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="active")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    source_reference: Mapped[str | None] = mapped_column(String(100))
    created_by_type: Mapped[str] = mapped_column(ACTOR_TYPE)
    created_by_id: Mapped[str | None] = mapped_column(ACTOR_ID)
    created_by_name: Mapped[str | None] = mapped_column(ACTOR_NAME)
    created_by_organisation: Mapped[str | None] = mapped_column(ACTOR_ORGANISATION)
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


# The areas' models live in their own modules; importing them here puts every table on
# Base.metadata, which Alembic and the tests compare with the migrations.
from jobnet.dfdg import (  # noqa: E402
    cv_models,  # noqa: F401
    insight_models,  # noqa: F401
    interview_models,  # noqa: F401
    plan_models,  # noqa: F401
    stats_models,  # noqa: F401
)
