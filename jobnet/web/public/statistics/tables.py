"""The statistics page's tables and chart series, made from the published figures.

Comparison needs figures on one scale: a comparison group and the whole country are shown both
as their total and as the average per municipality (the total divided by the number of
municipalities); for joblog entries, every area is also shown per jobseeker who logged.
Averages are worked out from published totals only, so they reveal nothing suppressed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from flask_babel import format_decimal
from flask_babel import gettext as _

from jobnet.clients.dfdg_client.statistics import Figure, StatisticsTable
from jobnet.domain import municipalities
from jobnet.domain.statistics import Measure
from jobnet.web.journeys.labels import contact_group_label
from jobnet.web.public.statistics.forms import month_label

Area = tuple[str, str]
COUNTRY: Area = ("country", municipalities.COUNTRY_CODE)


@dataclass(frozen=True)
class Cell:
    number: float | None  # None when suppressed
    text: str

    @property
    def suppressed(self) -> bool:
        return self.number is None


@dataclass(frozen=True)
class Column:
    heading: str
    area: Area
    show: Callable[[Figure | None], float | None]
    decimals: bool = False
    in_chart: bool = False


@dataclass(frozen=True)
class Row:
    heading: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


def area_name(area: Area, language: str) -> str:
    kind, code = area
    if kind == "municipality":
        found = municipalities.municipality(code)
        return found.name if found else code
    if kind == "comparison_group":
        group = municipalities.GROUP_BY_CODE.get(code)
        if group is None:
            return code
        return _("Comparison group: %(name)s", name=municipalities.group_name(group, language))
    return _("The whole country")


def _value(figure: Figure | None) -> float | None:
    return None if figure is None or figure.value is None else float(figure.value)


def _per_person(figure: Figure | None) -> float | None:
    if figure is None or figure.value is None:
        return None
    return figure.value / figure.persons if figure.persons else 0.0


def _average(members: int) -> Callable[[Figure | None], float | None]:
    def average(figure: Figure | None) -> float | None:
        value = _value(figure)
        return None if value is None else value / members

    return average


def _text(number: float | None, decimals: bool) -> str:
    if number is None:
        return "–"
    return format_decimal(number, format="#,##0.0" if decimals else "#,##0")


def columns(measure: Measure, areas: tuple[Area, ...], language: str) -> tuple[Column, ...]:
    """The main table's columns, those drawn in the chart first."""
    per_person = measure == Measure.JOBLOG_ENTRIES
    found: list[Column] = []
    totals: list[Column] = []
    for area in areas:
        name = area_name(area, language)
        if per_person:
            found.append(
                Column(_("%(area)s: per jobseeker", area=name), area, _per_person, True, True)
            )
            totals.append(Column(_("%(area)s: entries", area=name), area, _value))
            continue
        if area[0] == "municipality" or len(areas) == 1:
            found.append(Column(name, area, _value, False, True))
            continue
        members = (
            len(municipalities.members(area[1]))
            if area[0] == "comparison_group"
            else len(municipalities.MUNICIPALITIES)
        )
        found.append(
            Column(
                _("%(area)s: average per municipality", area=name),
                area,
                _average(members),
                True,
                True,
            )
        )
        totals.append(Column(_("%(area)s: total", area=name), area, _value))
    return (*found, *totals)


def _row(
    heading: str, cols: tuple[Column, ...], figure_of: Callable[[Column], Figure | None]
) -> Row:
    cells = []
    for column in cols:
        number = column.show(figure_of(column))
        cells.append(Cell(number, _text(number, column.decimals)))
    return Row(heading, tuple(cells))


def _in_month(
    table: StatisticsTable, month: date, group: int | None = None
) -> Callable[[Column], Figure | None]:
    """A column's figure in `month` (for one contact group, when given)."""
    if group is None:
        return lambda column: table.figure(month, column.area)
    return lambda column: table.figure(month, column.area, group)


def monthly_table(table: StatisticsTable, caption: str, language: str) -> Table:
    cols = columns(Measure(table.measure), table.areas, language)
    rows = tuple(_row(month_label(month), cols, _in_month(table, month)) for month in table.months)
    return Table(caption, cols, rows)


def group_table(table: StatisticsTable, month: date, caption: str, language: str) -> Table:
    """By contact group in one month: a row per contact group and the total."""
    cols = tuple(Column(area_name(area, language), area, _value) for area in table.areas)
    rows = [
        _row(contact_group_label(group), cols, _in_month(table, month, group))
        for group in range(1, 9)
    ]
    rows.append(_row(_("All contact groups"), cols, lambda c: table.figure(month, c.area)))
    return Table(caption, cols, tuple(rows))


def chart_series(table: Table) -> list[tuple[str, list[float | None]]]:
    """The chart's series: the table's chart columns, month by month."""
    return [
        (column.heading, [row.cells[index].number for row in table.rows])
        for index, column in enumerate(table.columns)
        if column.in_chart
    ]


def has_suppressed(*tables: Table) -> bool:
    return any(cell.suppressed for table in tables for row in table.rows for cell in row.cells)
