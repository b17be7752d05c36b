"""Public statistics: the measures, months, and the disclosure-controlled figure table.

Each month and measure gives one table: municipalities × contact groups, with a total over the
contact groups for every municipality, and the same rows added up for each comparison group of
similar municipalities and for the whole country. `publish_table` turns the raw counts into
the published cells, with small cells and the cells that would give them away suppressed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import cast

from jobnet.domain import municipalities
from jobnet.domain.codes import ContactGroup
from jobnet.domain.disclosure import Key, Relation, protect

ALL_GROUPS = 0  # the contact_group of a total over all contact groups
UNKNOWN_MUNICIPALITY = "0000"  # persons without a known municipality code


class Measure(StrEnum):
    REGISTERED = "registered"  # registered jobseekers at the month's end
    NEW_REGISTRATIONS = "new_registrations"
    DEREGISTRATIONS = "deregistrations"
    SICKNESS_REPORTS = "sickness_reports"
    HOLIDAYS = "holidays"
    INTERVIEWS_HELD = "interviews_held"
    JOBLOG_ENTRIES = "joblog_entries"


class AreaKind(StrEnum):
    MUNICIPALITY = "municipality"
    COMPARISON_GROUP = "comparison_group"
    COUNTRY = "country"


MEASURES: tuple[Measure, ...] = tuple(Measure)
STOCK_MEASURES = frozenset({Measure.REGISTERED})


# --- months -----------------------------------------------------------------------------------

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def month_end(month: date) -> date:
    return add_months(month, 1) - timedelta(days=1)


def last_complete_month(today: date) -> date:
    return add_months(month_start(today), -1)


def months(first: date, last: date) -> list[date]:
    """Each month from `first` to `last`, both included (first days of months)."""
    found = []
    current = month_start(first)
    while current <= last:
        found.append(current)
        current = add_months(current, 1)
    return found


def parse_month(text: str | None) -> date | None:
    """ "2025-03" → 1 March 2025; None for anything else."""
    match = _MONTH.match((text or "").strip())
    if not match or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1900:
        return None
    return date(int(match.group(1)), int(match.group(2)), 1)


def month_key(month: date) -> str:
    return f"{month.year:04d}-{month.month:02d}"


# --- the table --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RawCell:
    """What DFDG counted in one municipality and contact group in one month."""

    municipality_code: str | None
    contact_group: int
    value: int
    persons: int


@dataclass(frozen=True)
class PublishedCell:
    area_kind: AreaKind
    area_code: str
    contact_group: int  # ALL_GROUPS for the total
    value: int | None  # None when suppressed
    persons: int | None  # None when suppressed
    suppression: str | None  # "primary", "secondary" or None


Area = tuple[AreaKind, str]
CellKey = tuple[AreaKind, str, int]
COUNTRY: Area = (AreaKind.COUNTRY, municipalities.COUNTRY_CODE)
GROUPS: tuple[int, ...] = tuple(int(group) for group in ContactGroup)


def _municipality_code(code: str | None) -> str:
    return code if code in municipalities.BY_CODE else UNKNOWN_MUNICIPALITY


def _areas(codes: Iterable[str]) -> dict[Area, list[Area]]:
    """The aggregate areas of the table, each with its child areas."""
    children: dict[Area, list[Area]] = {COUNTRY: []}
    for code in sorted(set(codes)):
        area = (AreaKind.MUNICIPALITY, code)
        group = municipalities.comparison_group_of(code)
        if group is None:
            children[COUNTRY].append(area)
            continue
        parent = (AreaKind.COMPARISON_GROUP, group.code)
        if parent not in children:
            children[parent] = []
            children[COUNTRY].append(parent)
        children[parent].append(area)
    return children


def table_relations(children: Mapping[Area, list[Area]], areas: Iterable[Area]) -> list[Relation]:
    """Every area's total over the contact groups, and every aggregate area's cells as the sum
    of its child areas' cells (each contact group and the total)."""
    relations = [
        Relation((*area, ALL_GROUPS), tuple((*area, group) for group in GROUPS)) for area in areas
    ]
    for parent, kids in children.items():
        for group in (*GROUPS, ALL_GROUPS):
            relations.append(Relation((*parent, group), tuple((*kid, group) for kid in kids)))
    return relations


def publish_table(raw: Iterable[RawCell], threshold: int | None = None) -> list[PublishedCell]:
    """The published cells of one month's table: every area present, every contact group and
    the totals, small cells and the cells that would reveal them suppressed.

    Persons of a total are the sum of its parts' persons (a person counted in two cells of a
    flow measure counts twice there, which only ever makes a total look bigger).
    """
    values: dict[CellKey, int] = {}
    persons: dict[CellKey, int] = {}
    for cell in raw:
        key = (
            AreaKind.MUNICIPALITY,
            _municipality_code(cell.municipality_code),
            cell.contact_group,
        )
        values[key] = values.get(key, 0) + cell.value
        persons[key] = persons.get(key, 0) + cell.persons
    codes = {key[1] for key in values}
    children = _areas(codes)
    areas = [(AreaKind.MUNICIPALITY, code) for code in sorted(codes)] + list(children)
    for area in [(AreaKind.MUNICIPALITY, code) for code in sorted(codes)]:
        _fill_totals(area, values, persons)
    for parent in _bottom_up(children):
        for group in (*GROUPS, ALL_GROUPS):
            key = (*parent, group)
            values[key] = sum(values[(*kid, group)] for kid in children[parent])
            persons[key] = sum(persons[(*kid, group)] for kid in children[parent])
    relations = table_relations(children, areas)
    ordered = {key: values[key] for key in sorted(values, key=_display_order)}
    options = {} if threshold is None else {"threshold": threshold}
    hidden = protect(
        cast(Mapping[Key, int], ordered), cast(Mapping[Key, int], persons), relations, **options
    )
    return [
        PublishedCell(
            area_kind=key[0],
            area_code=key[1],
            contact_group=key[2],
            value=None if key in hidden else value,
            persons=None if key in hidden else persons[key],
            suppression=hidden.get(key),
        )
        for key, value in ordered.items()
    ]


def _fill_totals(area: Area, values: dict[CellKey, int], persons: dict[CellKey, int]) -> None:
    for group in GROUPS:
        values.setdefault((*area, group), 0)
        persons.setdefault((*area, group), 0)
    values[(*area, ALL_GROUPS)] = sum(values[(*area, group)] for group in GROUPS)
    persons[(*area, ALL_GROUPS)] = sum(persons[(*area, group)] for group in GROUPS)


def _bottom_up(children: Mapping[Area, list[Area]]) -> list[Area]:
    """Comparison groups before the country."""
    return sorted(children, key=lambda area: area[0] == AreaKind.COUNTRY)


_KIND_ORDER = {AreaKind.MUNICIPALITY: 0, AreaKind.COMPARISON_GROUP: 1, AreaKind.COUNTRY: 2}


def _display_order(key: CellKey) -> tuple[int, str, int]:
    return (_KIND_ORDER[key[0]], key[1], key[2])
