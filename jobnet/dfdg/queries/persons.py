"""Persons and their contact-group periods."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Date, Select, bindparam, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from jobnet.dfdg.models import ContactGroupPeriod, Person


@dataclass(frozen=True)
class PersonClaims:
    """Master data about a person as the CPR register states it (CPR already normalised)."""

    cpr: str
    given_name: str
    family_name: str
    street: str | None = None
    postcode: str | None = None
    city: str | None = None
    municipality_code: str | None = None
    address_protected: bool = False


def find_by_cpr(session: Session, cpr: str) -> Person | None:
    return session.scalars(select(Person).where(Person.cpr == cpr)).one_or_none()


def get(session: Session, person_id: str) -> Person | None:
    return session.get(Person, person_id)


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Person)) or 0


def ensure(session: Session, claims: PersonClaims) -> tuple[Person, bool]:
    """The person with this CPR, created from the claims when new; (person, created).

    A concurrent creation of the same CPR loses the unique-constraint race inside a savepoint
    and answers the person the other transaction created.
    """
    existing = find_by_cpr(session, claims.cpr)
    if existing is not None:
        return existing, False
    person = Person(
        cpr=claims.cpr,
        given_name=claims.given_name,
        family_name=claims.family_name,
        street=claims.street,
        postcode=claims.postcode,
        city=claims.city,
        municipality_code=claims.municipality_code,
        address_protected=claims.address_protected,
    )
    try:
        with session.begin_nested():
            session.add(person)
    except IntegrityError:
        winner = find_by_cpr(session, claims.cpr)
        if winner is None:
            raise
        return winner, False
    return person, True


def contact_group_periods(session: Session, person_id: str) -> list[ContactGroupPeriod]:
    """All periods of a person, oldest first."""
    query = (
        select(ContactGroupPeriod)
        .where(ContactGroupPeriod.person_id == person_id)
        .order_by(ContactGroupPeriod.start_date, ContactGroupPeriod.id)
    )
    return list(session.scalars(query))


def _current_period() -> Select[tuple[ContactGroupPeriod]]:
    today = bindparam("today", type_=Date)
    return (
        select(ContactGroupPeriod)
        .where(
            ContactGroupPeriod.person_id == bindparam("person_id"),
            ContactGroupPeriod.start_date <= today,
            (ContactGroupPeriod.end_date.is_(None)) | (ContactGroupPeriod.end_date >= today),
        )
        .order_by(ContactGroupPeriod.start_date.desc(), ContactGroupPeriod.id.desc())
        .limit(1)
    )


# Built once: every absence report runs it.
_CURRENT_PERIOD = _current_period()


def current_period(session: Session, person_id: str, today: date) -> ContactGroupPeriod | None:
    """The period covering `today`, if any."""
    params = {"person_id": person_id, "today": today}
    return session.scalars(_CURRENT_PERIOD, params).one_or_none()


def _with_current_period() -> Select[tuple[Person, ContactGroupPeriod]]:
    today = bindparam("today", type_=Date)
    covering = (
        select(ContactGroupPeriod.id)
        .where(
            ContactGroupPeriod.person_id == Person.id,
            ContactGroupPeriod.start_date <= today,
            (ContactGroupPeriod.end_date.is_(None)) | (ContactGroupPeriod.end_date >= today),
        )
        .order_by(ContactGroupPeriod.start_date.desc(), ContactGroupPeriod.id.desc())
        .limit(1)
        .correlate(Person)
        .scalar_subquery()
    )
    return (
        select(Person, ContactGroupPeriod)
        .outerjoin(ContactGroupPeriod, ContactGroupPeriod.id == covering)
        .where(Person.id == bindparam("person_id"))
    )


# Built once: the front page runs it on every call, and building costs more than running.
_WITH_CURRENT_PERIOD = _with_current_period()


def with_current_period(
    session: Session, person_id: str, today: date
) -> tuple[Person, ContactGroupPeriod | None] | None:
    """The person and the period covering `today` (as `current_period`), in one query."""
    params = {"person_id": person_id, "today": today}
    row = session.execute(_WITH_CURRENT_PERIOD, params).one_or_none()
    return (row[0], row[1]) if row is not None else None


def add_period(
    session: Session,
    person: Person,
    contact_group: int,
    match_group: int | None,
    start_date: date,
    end_date: date | None = None,
) -> ContactGroupPeriod:
    period = ContactGroupPeriod(
        person=person,
        contact_group=contact_group,
        match_group=match_group,
        start_date=start_date,
        end_date=end_date,
    )
    session.add(period)
    return period
