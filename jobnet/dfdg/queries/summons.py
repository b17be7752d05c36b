"""Summons to interviews and their changes (created, moved, cancelled)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, selectinload

from jobnet.dfdg.models.persons import Person
from jobnet.dfdg.models.summons import Summons
from jobnet.domain.summons import MAX_DURATION_MINUTES, is_upcoming


def of_person(session: Session, person_id: str, summons_id: str) -> Summons | None:
    """The summons with its changes, only when it is this person's."""
    query = (
        select(Summons)
        .where(Summons.id == summons_id, Summons.person_id == person_id)
        .options(selectinload(Summons.changes))
    )
    return session.scalars(query).one_or_none()


def for_person(session: Session, person_id: str) -> list[Summons]:
    """All the person's summons with their changes, earliest first (two queries)."""
    query = (
        select(Summons)
        .where(Summons.person_id == person_id)
        .order_by(Summons.starts_at, Summons.created_at)
        .options(selectinload(Summons.changes))
    )
    return list(session.scalars(query))


# Built once: the front page runs it on every call.
_STARTING_AFTER = (
    select(Summons)
    .where(
        Summons.person_id == bindparam("person_id"),
        Summons.starts_at > bindparam("earliest_start"),
    )
    .order_by(Summons.starts_at, Summons.created_at)
)


def upcoming_without_changes(session: Session, person_id: str, moment: datetime) -> list[Summons]:
    """The person's summons not yet ended at `moment`, soonest first, without their change
    history (one query; for the front page, which needs no history)."""
    earliest_start = moment - timedelta(minutes=MAX_DURATION_MINUTES)
    params = {"person_id": person_id, "earliest_start": earliest_start}
    return [
        summons
        for summons in session.scalars(_STARTING_AFTER, params)
        if is_upcoming(summons.starts_at, summons.duration_minutes, moment)
    ]


def for_organisation(
    session: Session, cvr: str, start: datetime, end: datetime
) -> list[tuple[Summons, Person]]:
    """The organisation's summons starting in [start, end), earliest first, with the person."""
    query = (
        select(Summons, Person)
        .join(Person, Person.id == Summons.person_id)
        .where(
            Summons.organisation_cvr == cvr,
            Summons.starts_at >= start,
            Summons.starts_at < end,
        )
        .order_by(Summons.starts_at, Summons.created_at)
        .options(selectinload(Summons.changes))
    )
    return [(summons, person) for summons, person in session.execute(query)]


def add(session: Session, summons: Summons) -> Summons:
    session.add(summons)
    return summons
