"""Registrations as a jobseeker, and the contact-group periods they open and end."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Select, String, bindparam, func, select
from sqlalchemy.orm import Session

from jobnet.dfdg.models.persons import ContactGroupPeriod, Person
from jobnet.dfdg.models.registrations import Absence, Registration

# Built once: every write to a person runs it. Like `session.get(..., with_for_update=True)`, it
# always queries (the lock is the point) and does not refresh an already loaded person.
_LOCK_PERSON = select(Person).where(Person.id == bindparam("person_id")).with_for_update()


def lock_person(session: Session, person_id: str) -> Person | None:
    """The person, locked for this transaction on PostgreSQL, so one person's writes queue up."""
    return session.scalars(_LOCK_PERSON, {"person_id": person_id}).one_or_none()


# Built once: the status and front page run it on every call.
_CURRENT = (
    select(Registration)
    .where(
        Registration.person_id == bindparam("person_id"),
        Registration.end_date.is_(None) | (Registration.end_date >= bindparam("today")),
    )
    .order_by(Registration.start_date.desc(), Registration.registered_at.desc())
    .limit(1)
)


def current(session: Session, person_id: str, today: date) -> Registration | None:
    """The registration not yet over: no end date, or ending today or later."""
    return session.scalars(_CURRENT, {"person_id": person_id, "today": today}).one_or_none()


def without_end(session: Session, person_id: str) -> Registration | None:
    """The registration that has no deregistration yet."""
    query = select(Registration).where(
        Registration.person_id == person_id, Registration.end_date.is_(None)
    )
    return session.scalars(query).one_or_none()


def history(session: Session, person_id: str) -> list[Registration]:
    """All the person's registrations, newest first."""
    query = (
        select(Registration)
        .where(Registration.person_id == person_id)
        .order_by(Registration.start_date.desc(), Registration.registered_at.desc())
    )
    return list(session.scalars(query))


def periods_open_on_or_after(
    session: Session, person_id: str, day: date
) -> list[ContactGroupPeriod]:
    """Contact-group periods that have not ended before `day`."""
    query = select(ContactGroupPeriod).where(
        ContactGroupPeriod.person_id == person_id,
        ContactGroupPeriod.end_date.is_(None) | (ContactGroupPeriod.end_date >= day),
    )
    return list(session.scalars(query))


def _counts() -> Select[int, int]:
    person_id = bindparam("person_id", type_=String)
    registrations = (
        select(func.count())
        .select_from(Registration)
        .where(Registration.person_id == person_id)
        .scalar_subquery()
    )
    absences = (
        select(func.count())
        .select_from(Absence)
        .where(Absence.person_id == person_id)
        .scalar_subquery()
    )
    return select(registrations, absences)


# Built once: the status runs it on every call.
_COUNTS = _counts()


def counts(session: Session, person_id: str) -> tuple[int, int]:
    """(registrations, absences) the person has ever had, in one query."""
    row = session.execute(_COUNTS, {"person_id": person_id}).one()
    return int(row[0]), int(row[1])
