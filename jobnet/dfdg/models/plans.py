"""Job plans (My Plan), their versions and measures."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobnet.dfdg.models.base import (
    Base,
    UtcDateTime,
    new_id,
    utcnow,
)
from jobnet.dfdg.models.columns import Created, SourceReference

MEASURE_TYPES = (
    "'training', 'wage_subsidy', 'company_internship', 'job_search_course', 'guidance', 'other'"
)


class JobPlan(Base):
    """A person's job plan: its unique key and creation date. The content lives in versions."""

    __tablename__ = "job_plans"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    person_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("persons.id", ondelete="CASCADE"), unique=True
    )
    created_date: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)

    versions: Mapped[list[JobPlanVersion]] = relationship(
        back_populates="plan", order_by="JobPlanVersion.number"
    )


class JobPlanVersion(Created, SourceReference, Base):
    """One version of a plan: number 1 is the plan as created, each revision adds the next."""

    __tablename__ = "job_plan_versions"
    __table_args__ = (
        UniqueConstraint("plan_id", "number"),
        CheckConstraint("number >= 1", name="number_positive"),
        CheckConstraint(
            "applications_per_week BETWEEN 0 AND 30", name="applications_per_week_range"
        ),
        CheckConstraint(
            "copies_per_week BETWEEN 0 AND applications_per_week "
            "* CASE WHEN copies_period = 'month' THEN 4 ELSE 1 END",
            name="copies_per_week_range",
        ),
        CheckConstraint("copies_period IN ('week', 'month')", name="copies_period"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    plan_id: Mapped[str] = mapped_column(String(36), ForeignKey("job_plans.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    revision_date: Mapped[date] = mapped_column(Date)
    targets: Mapped[list[str]] = mapped_column(JSON)
    applications_per_week: Mapped[int] = mapped_column(Integer)
    # Of those applications, how many the person uploads a copy of (issue 22).
    copies_per_week: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # What `copies_per_week` counts: a week or a calendar month (`CopiesPeriod`).
    copies_period: Mapped[str] = mapped_column(String(10), default="week", server_default="week")
    organisation_cvr: Mapped[str] = mapped_column(String(8))
    # When the person first read this version of their plan themself (null: new to them).
    seen_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    plan: Mapped[JobPlan] = relationship(back_populates="versions")
    measures: Mapped[list[PlanMeasure]] = relationship(
        back_populates="version", order_by="PlanMeasure.position"
    )


class PlanMeasure(Base):
    """A measure or activity of a plan version. `key` is the measure's unique key: a revision
    that keeps the measure copies it into the new version under the same key."""

    __tablename__ = "plan_measures"
    __table_args__ = (
        UniqueConstraint("version_id", "key"),
        CheckConstraint(f"type IN ({MEASURE_TYPES})", name="type"),
        CheckConstraint("end_date >= start_date", name="end_after_start"),
        CheckConstraint("weekly_hours >= 0 AND weekly_hours <= 37", name="weekly_hours_range"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    version_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("job_plan_versions.id", ondelete="CASCADE")
    )
    key: Mapped[str] = mapped_column(String(36))
    position: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(30))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    weekly_hours: Mapped[float] = mapped_column(Float)
    provider_cvr: Mapped[str | None] = mapped_column(String(8))
    provider_p_number: Mapped[str | None] = mapped_column(String(10))
    provider_name: Mapped[str | None] = mapped_column(String(200))
    occupation: Mapped[str | None] = mapped_column(String(200))

    version: Mapped[JobPlanVersion] = relationship(back_populates="measures")


INTERVIEW_FORMS = "'in_person', 'phone', 'video', 'digital'"


SUMMONS_STATUSES = "'active', 'moved', 'cancelled'"


CHANGE_KINDS = "'created', 'moved', 'cancelled'"
