"""Published statistics figures and the record of each computation."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from jobnet.dfdg.models.base import Base, UtcDateTime, utcnow


class StatFigure(Base):
    """One published cell: a measure in a month for an area and a contact group (0 = all).

    `value` counts what the measure counts (persons, reports, entries); `persons` the persons
    behind it (a person counted once per cell)."""

    __tablename__ = "stat_figures"
    __table_args__ = (
        UniqueConstraint(
            "measure",
            "area_kind",
            "area_code",
            "month",
            "contact_group",
            name="uq_stat_figures_measure",
        ),
        CheckConstraint(
            "area_kind IN ('municipality', 'comparison_group', 'country')", name="area_kind"
        ),
        CheckConstraint("contact_group BETWEEN 0 AND 8", name="contact_group_range"),
        CheckConstraint(
            "(suppression IS NULL AND value IS NOT NULL AND persons IS NOT NULL) OR "
            "(suppression IN ('primary', 'secondary') AND value IS NULL AND persons IS NULL)",
            name="suppressed_has_no_value",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    measure: Mapped[str] = mapped_column(String(40))
    area_kind: Mapped[str] = mapped_column(String(20))
    area_code: Mapped[str] = mapped_column(String(4))
    month: Mapped[date] = mapped_column(Date)
    contact_group: Mapped[int] = mapped_column(Integer)
    value: Mapped[int | None] = mapped_column(Integer)
    persons: Mapped[int | None] = mapped_column(Integer)
    suppression: Mapped[str | None] = mapped_column(String(20))


class StatComputation(Base):
    """The log: each time a month's figures of a measure were (re)computed. Revision 1 is the
    first computation; a higher revision was made because late data changed the month."""

    __tablename__ = "stat_computations"
    __table_args__ = (
        UniqueConstraint("measure", "month", "revision", name="uq_stat_computations_measure"),
        CheckConstraint("revision >= 1", name="revision_positive"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    measure: Mapped[str] = mapped_column(String(40))
    month: Mapped[date] = mapped_column(Date)
    revision: Mapped[int] = mapped_column(Integer)
    revised: Mapped[bool] = mapped_column(Boolean, default=False)
    fingerprint: Mapped[str] = mapped_column(String(64))
    computed_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
