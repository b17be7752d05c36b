"""Persons and their contact-group periods."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Date, Select, bindparam, case, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from jobnet.dfdg.models.persons import ContactGroupPeriod, Person
from jobnet.dfdg.models.plans import JobPlan, JobPlanVersion
from jobnet.dfdg.models.registrations import Registration
from jobnet.domain import standing
from jobnet.domain.standing import GroupPeriod


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


def contact_group_since(session: Session, person_id: str, day: date) -> date | None:
    """The day the person's contact group on `day` began (a change of match group does not
    begin a new group); None when no period covers `day`."""
    periods = [
        GroupPeriod(p.contact_group, p.start_date, p.end_date)
        for p in contact_group_periods(session, person_id)
        if not p.withdrawn
    ]
    return standing.contact_group_since(periods, day)


def _current_period() -> Select[ContactGroupPeriod]:
    today = bindparam("today", type_=Date)
    return (
        select(ContactGroupPeriod)
        .where(
            ContactGroupPeriod.person_id == bindparam("person_id"),
            ContactGroupPeriod.start_date <= today,
            ContactGroupPeriod.withdrawn.is_(False),
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


@dataclass(frozen=True)
class PersonToday:
    """A person with what holds for them today: the contact-group period, the registration not
    yet over, and (when asked) the number of the plan version they have not read yet."""

    person: Person
    period: ContactGroupPeriod | None
    registration: Registration | None
    unseen_plan_version: int | None = None


def _person_today(*, with_plan: bool, where: Any = None) -> Select[Any]:
    today = bindparam("today", type_=Date)
    covering_period = (
        select(ContactGroupPeriod.id)
        .where(
            ContactGroupPeriod.person_id == Person.id,
            ContactGroupPeriod.start_date <= today,
            ContactGroupPeriod.withdrawn.is_(False),
            (ContactGroupPeriod.end_date.is_(None)) | (ContactGroupPeriod.end_date >= today),
        )
        .order_by(ContactGroupPeriod.start_date.desc(), ContactGroupPeriod.id.desc())
        .limit(1)
        .correlate(Person)
        .scalar_subquery()
    )
    # As registrations.current: no end date, or deregistered from a day after today; the newest.
    current_registration = (
        select(Registration.id)
        .where(
            Registration.person_id == Person.id,
            Registration.end_date.is_(None) | (Registration.end_date > today),
        )
        .order_by(Registration.start_date.desc(), Registration.registered_at.desc())
        .limit(1)
        .correlate(Person)
        .scalar_subquery()
    )
    columns: list[Any] = [Person, ContactGroupPeriod, Registration]
    if with_plan:
        # The newest version's number while unread, else NULL (plans.unseen_current_version).
        columns.append(
            select(case((JobPlanVersion.seen_at.is_(None), JobPlanVersion.number), else_=None))
            .join(JobPlan, JobPlan.id == JobPlanVersion.plan_id)
            .where(JobPlan.person_id == Person.id)
            .order_by(JobPlanVersion.number.desc())
            .limit(1)
            .correlate(Person)
            .scalar_subquery()
        )
    return (
        select(*columns)
        .outerjoin(ContactGroupPeriod, ContactGroupPeriod.id == covering_period)
        .outerjoin(Registration, Registration.id == current_registration)
        .where(Person.id == bindparam("person_id") if where is None else where)
    )


# Built once: the status and the front page run them on every call, and building a statement
# costs more than running it.
_PERSON_TODAY = _person_today(with_plan=False)
_PERSON_TODAY_WITH_PLAN = _person_today(with_plan=True)
_MUNICIPALITY_TODAY = _person_today(
    with_plan=False, where=Person.municipality_code == bindparam("municipality")
)


def today_of(
    session: Session, person_id: str, today: date, *, with_plan: bool = False
) -> PersonToday | None:
    """The person and what holds for them `today`, in one query; None when there is no such
    person. `with_plan` adds the unread plan version (Min side's "new" marker)."""
    statement = _PERSON_TODAY_WITH_PLAN if with_plan else _PERSON_TODAY
    row = session.execute(statement, {"person_id": person_id, "today": today}).one_or_none()
    if row is None:
        return None
    unseen = row[3] if with_plan else None
    return PersonToday(row[0], row[1], row[2], unseen)


def today_in_municipality(
    session: Session, municipality_code: str, today: date
) -> list[PersonToday]:
    """Every person of the municipality with what holds for them `today`, in one query."""
    params = {"municipality": municipality_code, "today": today}
    return [
        PersonToday(row[0], row[1], row[2]) for row in session.execute(_MUNICIPALITY_TODAY, params)
    ]


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
