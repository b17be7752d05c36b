"""Public statistics: counting DFDG's records per month.

Counts are made in the database, grouped by municipality and contact group, age band, gender
and (registered jobseekers) duration of the registration: the finest cells of the published
table; nothing person-level leaves the query. The contact group is the one the record belongs
to: a registration's own contact-group period; for an absence or a joblog entry the period
covering its day; for an interview the person's latest period in the month. Age and gender come
from the CPR number (its birth date, its last digit), age on the month's last day.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    case,
    cast,
    distinct,
    func,
    literal,
    select,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from jobnet.dfdg.clock import end_of_day, start_of_day
from jobnet.dfdg.models.cv import JoblogEntry
from jobnet.dfdg.models.persons import ContactGroupPeriod, Person
from jobnet.dfdg.models.registrations import Absence, Registration
from jobnet.dfdg.models.summons import Summons
from jobnet.domain.absences import AbsenceReason
from jobnet.domain.statistics import (
    AGE_BANDS,
    AGE_LIMITS,
    DURATION_LIMITS,
    DURATIONS,
    Measure,
    RawCell,
    add_months_keep_day,
    month_end,
)

ACTIVE = "active"
CANCELLED = "cancelled"


# --- counting ---------------------------------------------------------------------------------


def _group_on(
    person_id: ColumnElement[str] | InstrumentedAttribute[str],
    day: ColumnElement[date] | InstrumentedAttribute[date],
) -> ColumnElement[int]:
    """The contact group of the person's period covering `day`."""
    return (
        select(ContactGroupPeriod.contact_group)
        .where(
            ContactGroupPeriod.person_id == person_id,
            ContactGroupPeriod.start_date <= day,
            ContactGroupPeriod.withdrawn.is_(False),
            ContactGroupPeriod.end_date.is_(None) | (ContactGroupPeriod.end_date >= day),
        )
        .order_by(ContactGroupPeriod.start_date.desc(), ContactGroupPeriod.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def _group_in_month(
    person_id: ColumnElement[str] | InstrumentedAttribute[str], first: date, last: date
) -> ColumnElement[int]:
    """The contact group of the person's latest period overlapping the month."""
    return (
        select(ContactGroupPeriod.contact_group)
        .where(
            ContactGroupPeriod.person_id == person_id,
            ContactGroupPeriod.start_date <= last,
            ContactGroupPeriod.withdrawn.is_(False),
            ContactGroupPeriod.end_date.is_(None) | (ContactGroupPeriod.end_date >= first),
        )
        .order_by(ContactGroupPeriod.start_date.desc(), ContactGroupPeriod.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def _birth_key(cpr: ColumnElement[str]) -> ColumnElement[int]:
    """The birth date in a CPR number as YYYYMMDD (the seventh digit gives the century)."""
    yy = cast(func.substr(cpr, 5, 2), Integer)
    seventh = cast(func.substr(cpr, 7, 1), Integer)
    century = case(
        (seventh <= 3, 1900),
        (seventh.in_((4, 9)), case((yy <= 36, 2000), else_=1900)),
        (yy <= 57, 2000),
        else_=1800,
    )
    month = cast(func.substr(cpr, 3, 2), Integer)
    day = cast(func.substr(cpr, 1, 2), Integer)
    return (century + yy) * 10000 + month * 100 + day


def _age_band(cpr: ColumnElement[str], day: date) -> ColumnElement[str]:
    """The person's age band on `day`, from the birth date in the CPR number."""
    born = _birth_key(cpr)
    return case(
        *(
            (born <= (day.year - youngest) * 10000 + day.month * 100 + day.day, band)
            for band, youngest in AGE_LIMITS
        ),
        else_=AGE_BANDS[0],
    )


def _gender(cpr: ColumnElement[str]) -> ColumnElement[str]:
    """Odd last digit: male; even: female (as the CPR register assigns them)."""
    return case((cast(func.substr(cpr, 10, 1), Integer) % 2 == 1, "male"), else_="female")


def _duration(start: ColumnElement[date], day: date) -> ColumnElement[str]:
    """How long the registration has lasted on `day`, in bands of whole months."""
    return case(
        *((start <= add_months_keep_day(day, -fewest), band) for band, fewest in DURATION_LIMITS),
        else_=DURATIONS[0],
    )


def _cells(
    session: Session,
    records: Select[*tuple[Any, ...]],
    day: date,
    with_duration: bool = False,
) -> list[RawCell]:
    """(municipality, contact group, person id, CPR number[, registration start]) per record →
    counted cells, by age band and gender on `day` (and duration of registration)."""
    inner = records.subquery()
    municipality, group, person, cpr = inner.c[0], inner.c[1], inner.c[2], inner.c[3]
    age, gender = _age_band(cpr, day), _gender(cpr)
    duration = _duration(inner.c[4], day) if with_duration else literal("")
    keys = (municipality, group, age, gender, duration)
    query = (
        select(*keys, func.count(), func.count(distinct(person)))
        .where(group.is_not(None))
        .group_by(*keys)
    )
    return [
        RawCell(
            municipality_code=row[0],
            contact_group=int(row[1]),
            value=row[5],
            persons=row[6],
            age=row[2],
            gender=row[3],
            duration=row[4],
        )
        for row in session.execute(query)
    ]


def registered(session: Session, first: date, last: date) -> list[RawCell]:
    """Persons registered as jobseekers at the end of the month's last day."""
    records = (
        select(
            Person.municipality_code,
            ContactGroupPeriod.contact_group,
            Registration.person_id,
            Person.cpr,
            Registration.start_date,
        )
        .join(Person, Person.id == Registration.person_id)
        .join(ContactGroupPeriod, ContactGroupPeriod.id == Registration.contact_group_period_id)
        .where(
            Registration.start_date <= last,
            # Deregistered FROM its end date (jobnet.domain.standing): on that day no longer.
            Registration.end_date.is_(None) | (Registration.end_date > last),
        )
    )
    return _cells(session, records, last, with_duration=True)


def new_registrations(session: Session, first: date, last: date) -> list[RawCell]:
    records = (
        select(
            Person.municipality_code,
            ContactGroupPeriod.contact_group,
            Registration.person_id,
            Person.cpr,
        )
        .join(Person, Person.id == Registration.person_id)
        .join(ContactGroupPeriod, ContactGroupPeriod.id == Registration.contact_group_period_id)
        .where(Registration.start_date.between(first, last))
    )
    return _cells(session, records, last)


def deregistrations(session: Session, first: date, last: date) -> list[RawCell]:
    records = (
        select(
            Person.municipality_code,
            ContactGroupPeriod.contact_group,
            Registration.person_id,
            Person.cpr,
        )
        .join(Person, Person.id == Registration.person_id)
        .join(ContactGroupPeriod, ContactGroupPeriod.id == Registration.contact_group_period_id)
        .where(
            Registration.end_date.between(first, last),
            Registration.deregistration_reason.is_not(None),
        )
    )
    return _cells(session, records, last)


def _absences(reason: AbsenceReason) -> Callable[[Session, date, date], list[RawCell]]:
    def count(session: Session, first: date, last: date) -> list[RawCell]:
        records = (
            select(
                Person.municipality_code,
                _group_on(Absence.person_id, Absence.first_day),
                Absence.person_id,
                Person.cpr,
            )
            .join(Person, Person.id == Absence.person_id)
            .where(
                Absence.reason == reason.value,
                Absence.status == ACTIVE,
                Absence.first_day.between(first, last),
            )
        )
        return _cells(session, records, last)

    return count


def interviews_held(session: Session, first: date, last: date) -> list[RawCell]:
    """Summons not cancelled whose time falls in the month (Danish days)."""
    records = (
        select(
            Person.municipality_code,
            _group_in_month(Summons.person_id, first, last),
            Summons.person_id,
            Person.cpr,
        )
        .join(Person, Person.id == Summons.person_id)
        .where(
            Summons.status != CANCELLED,
            Summons.starts_at >= start_of_day(first),
            Summons.starts_at < end_of_day(last),
        )
    )
    return _cells(session, records, last)


def joblog_entries(session: Session, first: date, last: date) -> list[RawCell]:
    """Joblog entries (not deleted) for applications made in the month."""
    records = (
        select(
            Person.municipality_code,
            _group_on(JoblogEntry.person_id, JoblogEntry.applied_on),
            JoblogEntry.person_id,
            Person.cpr,
        )
        .join(Person, Person.id == JoblogEntry.person_id)
        .where(JoblogEntry.deleted_at.is_(None), JoblogEntry.applied_on.between(first, last))
    )
    return _cells(session, records, last)


COUNTERS: dict[Measure, Callable[[Session, date, date], list[RawCell]]] = {
    Measure.REGISTERED: registered,
    Measure.NEW_REGISTRATIONS: new_registrations,
    Measure.DEREGISTRATIONS: deregistrations,
    Measure.SICKNESS_REPORTS: _absences(AbsenceReason.SICKNESS),
    Measure.HOLIDAYS: _absences(AbsenceReason.HOLIDAY),
    Measure.INTERVIEWS_HELD: interviews_held,
    Measure.JOBLOG_ENTRIES: joblog_entries,
}


def count_month(session: Session, measure: Measure, month: date) -> list[RawCell]:
    return COUNTERS[measure](session, month, month_end(month))


def earliest_day(session: Session) -> date | None:
    """The earliest day any counted record is dated."""
    candidates = [
        session.scalar(select(func.min(Registration.start_date))),
        session.scalar(select(func.min(Absence.first_day))),
        session.scalar(select(func.min(JoblogEntry.applied_on))),
    ]
    first_summons: datetime | None = session.scalar(select(func.min(Summons.starts_at)))
    if first_summons is not None:
        candidates.append(first_summons.date())
    found = [day for day in candidates if day is not None]
    return min(found) if found else None
