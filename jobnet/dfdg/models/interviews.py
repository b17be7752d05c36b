"""Interviews held, recorded by a caseworker."""

from __future__ import annotations

from datetime import date, datetime

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
    ACTOR_ID,
    ACTOR_NAME,
    ACTOR_ORGANISATION,
    ACTOR_TYPE,
    Base,
    UtcDateTime,
    new_id,
    utcnow,
)


class HeldInterview(Base):
    __tablename__ = "held_interviews"
    __table_args__ = (Index("ix_held_interviews_person_held_on", "person_id", "held_on"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"))
    held_on: Mapped[date] = mapped_column(Date)
    form: Mapped[str] = mapped_column(String(20))
    agreement: Mapped[str] = mapped_column(Text)
    match_group: Mapped[int | None] = mapped_column(Integer)
    source_reference: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    created_by_type: Mapped[str] = mapped_column(ACTOR_TYPE)
    created_by_id: Mapped[str | None] = mapped_column(ACTOR_ID)
    created_by_name: Mapped[str | None] = mapped_column(ACTOR_NAME)
    created_by_organisation: Mapped[str | None] = mapped_column(ACTOR_ORGANISATION)
