"""Interviews held, recorded by a caseworker."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from jobnet.dfdg.models.base import (
    Base,
)
from jobnet.dfdg.models.columns import Created, HasId, SourceReference


class HeldInterview(HasId, Created, SourceReference, Base):
    __tablename__ = "held_interviews"
    __table_args__ = (Index("ix_held_interviews_person_held_on", "person_id", "held_on"),)

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"))
    held_on: Mapped[date] = mapped_column(Date)
    form: Mapped[str] = mapped_column(String(20))
    agreement: Mapped[str] = mapped_column(Text)
    match_group: Mapped[int | None] = mapped_column(Integer)
