"""Public statistics: counting DFDG's records per month, and the precomputed figures.

Counts are made in the database, grouped by municipality and contact group (the finest cells of
the published table); nothing person-level leaves the query. The contact group is the one the
record belongs to: a registration's own contact-group period; for an absence or a joblog entry
the period covering its day; for an interview the person's latest period in the month.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, Select, delete, distinct, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from jobnet.dfdg.clock import end_of_day, start_of_day
from jobnet.dfdg.models.cv import JoblogEntry
from jobnet.dfdg.models.persons import ContactGroupPeriod, Person
from jobnet.dfdg.models.registrations import Absence, Registration
from jobnet.dfdg.models.statistics import StatComputation, StatFigure
from jobnet.dfdg.models.summons import Summons
from jobnet.domain.absences import AbsenceReason
from jobnet.domain.statistics import Measure, PublishedCell, RawCell, month_end

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
            ContactGroupPeriod.end_date.is_(None) | (ContactGroupPeriod.end_date >= first),
        )
        .order_by(ContactGroupPeriod.start_date.desc(), ContactGroupPeriod.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def _cells(session: Session, records: Select[str | None, int, str]) -> list[RawCell]:
    """(municipality, contact group, person id) per record → counted cells."""
    inner = records.subquery()
    municipality, group, person = inner.c
    query = (
        select(municipality, group, func.count(), func.count(distinct(person)))
        .where(group.is_not(None))
        .group_by(municipality, group)
    )
    return [
        RawCell(municipality_code=row[0], contact_group=int(row[1]), value=row[2], persons=row[3])
        for row in session.execute(query)
    ]


def registered(session: Session, first: date, last: date) -> list[RawCell]:
    """Persons registered as jobseekers at the end of the month's last day."""
    records = (
        select(Person.municipality_code, ContactGroupPeriod.contact_group, Registration.person_id)
        .join(Person, Person.id == Registration.person_id)
        .join(ContactGroupPeriod, ContactGroupPeriod.id == Registration.contact_group_period_id)
        .where(
            Registration.start_date <= last,
            Registration.end_date.is_(None) | (Registration.end_date >= last),
        )
    )
    return _cells(session, records)


def new_registrations(session: Session, first: date, last: date) -> list[RawCell]:
    records = (
        select(Person.municipality_code, ContactGroupPeriod.contact_group, Registration.person_id)
        .join(Person, Person.id == Registration.person_id)
        .join(ContactGroupPeriod, ContactGroupPeriod.id == Registration.contact_group_period_id)
        .where(Registration.start_date.between(first, last))
    )
    return _cells(session, records)


def deregistrations(session: Session, first: date, last: date) -> list[RawCell]:
    records = (
        select(Person.municipality_code, ContactGroupPeriod.contact_group, Registration.person_id)
        .join(Person, Person.id == Registration.person_id)
        .join(ContactGroupPeriod, ContactGroupPeriod.id == Registration.contact_group_period_id)
        .where(
            Registration.end_date.between(first, last),
            Registration.deregistration_reason.is_not(None),
        )
    )
    return _cells(session, records)


def _absences(reason: AbsenceReason) -> Callable[[Session, date, date], list[RawCell]]:
    def count(session: Session, first: date, last: date) -> list[RawCell]:
        records = (
            select(
                Person.municipality_code,
                _group_on(Absence.person_id, Absence.first_day),
                Absence.person_id,
            )
            .join(Person, Person.id == Absence.person_id)
            .where(
                Absence.reason == reason.value,
                Absence.status == ACTIVE,
                Absence.first_day.between(first, last),
            )
        )
        return _cells(session, records)

    return count


def interviews_held(session: Session, first: date, last: date) -> list[RawCell]:
    """Summons not cancelled whose time falls in the month (Danish days)."""
    records = (
        select(
            Person.municipality_code,
            _group_in_month(Summons.person_id, first, last),
            Summons.person_id,
        )
        .join(Person, Person.id == Summons.person_id)
        .where(
            Summons.status != CANCELLED,
            Summons.starts_at >= start_of_day(first),
            Summons.starts_at < end_of_day(last),
        )
    )
    return _cells(session, records)


def joblog_entries(session: Session, first: date, last: date) -> list[RawCell]:
    """Joblog entries (not deleted) for applications made in the month."""
    records = (
        select(
            Person.municipality_code,
            _group_on(JoblogEntry.person_id, JoblogEntry.applied_on),
            JoblogEntry.person_id,
        )
        .join(Person, Person.id == JoblogEntry.person_id)
        .where(JoblogEntry.deleted_at.is_(None), JoblogEntry.applied_on.between(first, last))
    )
    return _cells(session, records)


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


# --- the precomputed figures ------------------------------------------------------------------


@dataclass(frozen=True)
class LatestComputation:
    revision: int
    fingerprint: str


def latest_computations(session: Session) -> dict[tuple[str, date], LatestComputation]:
    """The newest computation of every (measure, month)."""
    newest = (
        select(
            StatComputation.measure,
            StatComputation.month,
            func.max(StatComputation.revision).label("revision"),
        )
        .group_by(StatComputation.measure, StatComputation.month)
        .subquery()
    )
    query = select(StatComputation).join(
        newest,
        (StatComputation.measure == newest.c.measure)
        & (StatComputation.month == newest.c.month)
        & (StatComputation.revision == newest.c.revision),
    )
    return {
        (row.measure, row.month): LatestComputation(row.revision, row.fingerprint)
        for row in session.scalars(query)
    }


def replace_figures(
    session: Session, measure: Measure, month: date, cells: Iterable[PublishedCell]
) -> None:
    session.execute(
        delete(StatFigure).where(StatFigure.measure == measure.value, StatFigure.month == month)
    )
    session.add_all(
        StatFigure(
            measure=measure.value,
            area_kind=cell.area_kind.value,
            area_code=cell.area_code,
            month=month,
            contact_group=cell.contact_group,
            value=cell.value,
            persons=cell.persons,
            suppression=cell.suppression,
        )
        for cell in cells
    )


def log_computation(
    session: Session, measure: Measure, month: date, revision: int, fingerprint: str
) -> None:
    session.add(
        StatComputation(
            measure=measure.value,
            month=month,
            revision=revision,
            revised=revision > 1,
            fingerprint=fingerprint,
        )
    )


def figures(
    session: Session,
    measure: Measure,
    areas: Sequence[tuple[str, str]],
    first: date,
    last: date,
) -> list[StatFigure]:
    """The published figures of `measure` for these (area kind, area code)s and months."""
    if not areas:
        return []
    query = (
        select(StatFigure)
        .where(
            StatFigure.measure == measure.value,
            or_(
                *(
                    (StatFigure.area_kind == kind) & (StatFigure.area_code == code)
                    for kind, code in areas
                )
            ),
            StatFigure.month.between(first, last),
        )
        .order_by(StatFigure.month, StatFigure.area_kind, StatFigure.contact_group)
    )
    return list(session.scalars(query))


@dataclass(frozen=True)
class Revision:
    month: date
    revision: int
    revised_at: datetime


def revisions(session: Session, measure: Measure, first: date, last: date) -> list[Revision]:
    """The months in the range whose figures were revised, with their newest revision."""
    query = (
        select(
            StatComputation.month,
            func.max(StatComputation.revision),
            func.max(StatComputation.computed_at),
        )
        .where(
            StatComputation.measure == measure.value,
            StatComputation.month.between(first, last),
            StatComputation.revised.is_(True),
        )
        .group_by(StatComputation.month)
        .order_by(StatComputation.month)
    )
    return [Revision(row[0], int(row[1]), row[2]) for row in session.execute(query)]


@dataclass(frozen=True)
class Coverage:
    first_month: date | None
    last_month: date | None
    computed_at: datetime | None


def coverage(session: Session) -> Coverage:
    """The months figures exist for, and when they were last computed."""
    row = session.execute(
        select(
            func.min(StatComputation.month),
            func.max(StatComputation.month),
            func.max(StatComputation.computed_at),
        )
    ).one()
    return Coverage(row[0], row[1], row[2])
