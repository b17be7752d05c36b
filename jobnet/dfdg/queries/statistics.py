"""Public statistics: the precomputed figures, their computation log and the population table
(counting the records is in `statistics_counts`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import (
    delete,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from jobnet.dfdg.models.statistics import MunicipalityPopulation, StatComputation, StatFigure
from jobnet.domain.statistics import (
    Measure,
    PublishedCell,
)

ACTIVE = "active"
CANCELLED = "cancelled"


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


def clear_revised_marks(session: Session) -> None:
    """A new publication: the figures changed by the one before are no longer news."""
    session.execute(update(StatFigure).where(StatFigure.revised.is_(True)).values(revised=False))


CellId = tuple[str, str, str, str, int]


def _cell_id(kind: str, code: str, breakdown: str, category: str, group: int) -> CellId:
    return (kind, code, breakdown, category, group)


def replace_figures(
    session: Session,
    measure: Measure,
    month: date,
    cells: Iterable[PublishedCell],
    mark_changes: bool = False,
) -> int:
    """Store the month's cells instead of what was there. With `mark_changes` (a month computed
    before), a cell whose value or suppression differs from the stored one is marked revised; a
    cell new to a breakdown the month had already counted changed from 0. Answers how many
    cells changed."""
    where = (StatFigure.measure == measure.value, StatFigure.month == month)
    before: dict[CellId, tuple[int | None, str | None]] = {}
    if mark_changes:
        for row in session.execute(
            select(
                StatFigure.area_kind,
                StatFigure.area_code,
                StatFigure.breakdown,
                StatFigure.category,
                StatFigure.contact_group,
                StatFigure.value,
                StatFigure.suppression,
            ).where(*where)
        ):
            before[_cell_id(*row[:5])] = (row[5], row[6])
    counted = {key[2] for key in before}
    session.execute(delete(StatFigure).where(*where))
    changed = 0
    rows = []
    for cell in cells:
        category = cell.category if cell.breakdown else ""  # a contact group: its column
        key = _cell_id(
            cell.area_kind.value, cell.area_code, cell.breakdown, category, cell.contact_group
        )
        now = (cell.value, cell.suppression)
        if key in before:
            revised = before[key] != now
        else:
            revised = mark_changes and cell.breakdown in counted and now != (0, None)
        changed += revised
        rows.append(
            {
                "measure": measure.value,
                "area_kind": key[0],
                "area_code": key[1],
                "month": month,
                "contact_group": key[4],
                "value": cell.value,
                "persons": cell.persons,
                "suppression": cell.suppression,
                "breakdown": key[2],
                "category": key[3],
                "revised": revised,
            }
        )
    if rows:  # the table's insert: one executemany (the ORM's would insert row by row)
        session.execute(insert(StatFigure.metadata.tables[StatFigure.__tablename__]), rows)
    return changed


def log_computation(
    session: Session,
    measure: Measure,
    month: date,
    revision: int,
    fingerprint: str,
    revised: bool | None = None,
) -> None:
    """`revised`: the published figures changed (by default: any recomputation)."""
    session.add(
        StatComputation(
            measure=measure.value,
            month=month,
            revision=revision,
            revised=revision > 1 if revised is None else revised,
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


@dataclass(frozen=True)
class Population:
    inhabitants_16_66: int
    source: str


def populations(session: Session) -> dict[str, Population]:
    """Every municipality's inhabitants aged 16-66 that DFDG keeps, by municipality code."""
    return {
        row.municipality_code: Population(row.inhabitants_16_66, row.source)
        for row in session.scalars(select(MunicipalityPopulation))
    }
