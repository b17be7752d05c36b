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
PUBLISHED_MONTHS = 24  # figures are (re)computed for the last two years of complete months
STOCK_MEASURES = frozenset({Measure.REGISTERED})


# --- months -----------------------------------------------------------------------------------

_MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})$")


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def add_months_keep_day(day: date, count: int) -> date:
    """The same day `count` months away (the month's last day when it is shorter)."""
    first = add_months(month_start(day), count)
    return min(
        first.replace(day=min(day.day, 28)) + timedelta(days=day.day - min(day.day, 28)),
        month_end(first),
    )


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

CONTACT_GROUPS = ""  # the breakdown of the contact-group table (its total has category "")
TOTAL = ""  # the category of an area's total


class Breakdown(StrEnum):
    """The other ways each measure is broken down, besides contact group."""

    AGE = "age"
    GENDER = "gender"
    DURATION = "duration"  # of the current registration (registered jobseekers only)


AGE_BANDS: tuple[str, ...] = ("under_25", "25_29", "30_39", "40_49", "50_59", "60_plus")
AGE_LIMITS: tuple[tuple[str, int], ...] = (  # (band, the youngest age in it)
    ("60_plus", 60),
    ("50_59", 50),
    ("40_49", 40),
    ("30_39", 30),
    ("25_29", 25),
)
GENDERS: tuple[str, ...] = ("female", "male")
DURATIONS: tuple[str, ...] = ("under_3", "3_6", "6_12", "12_plus")
DURATION_LIMITS: tuple[tuple[str, int], ...] = (  # (band, the fewest whole months in it)
    ("12_plus", 12),
    ("6_12", 6),
    ("3_6", 3),
)
UNKNOWN = "unknown"
CATEGORIES: dict[Breakdown, tuple[str, ...]] = {
    Breakdown.AGE: AGE_BANDS,
    Breakdown.GENDER: GENDERS,
    Breakdown.DURATION: DURATIONS,
}


def breakdowns_of(measure: Measure) -> tuple[Breakdown, ...]:
    """Age and gender for every measure; the duration of registration for the registered."""
    if measure == Measure.REGISTERED:
        return (Breakdown.AGE, Breakdown.GENDER, Breakdown.DURATION)
    return (Breakdown.AGE, Breakdown.GENDER)


@dataclass(frozen=True)
class RawCell:
    """What DFDG counted in one municipality and contact group (and, where counted, age band,
    gender and duration of registration) in one month. An empty breakdown was not counted."""

    municipality_code: str | None
    contact_group: int
    value: int
    persons: int
    age: str = ""
    gender: str = ""
    duration: str = ""

    def category(self, breakdown: Breakdown) -> str:
        return {
            Breakdown.AGE: self.age,
            Breakdown.GENDER: self.gender,
            Breakdown.DURATION: self.duration,
        }[breakdown]


@dataclass(frozen=True)
class PublishedCell:
    area_kind: AreaKind
    area_code: str
    contact_group: int  # ALL_GROUPS for the total and for every other breakdown's cells
    value: int | None  # None when suppressed
    persons: int | None  # None when suppressed
    suppression: str | None  # "primary", "secondary" or None
    breakdown: str = CONTACT_GROUPS  # "" for the contact groups and the total, else a Breakdown
    category: str = TOTAL  # the age band, gender or duration ("" with the contact groups)


Area = tuple[AreaKind, str]
# (area kind, area code, breakdown, category): a contact group is ("", "1".."8"), the total
# ("", ""), an age band ("age", "30_39") and so on.
CellKey = tuple[AreaKind, str, str, str]
COUNTRY: Area = (AreaKind.COUNTRY, municipalities.COUNTRY_CODE)
GROUPS: tuple[int, ...] = tuple(int(group) for group in ContactGroup)
GROUP_CATEGORIES: tuple[str, ...] = tuple(str(group) for group in GROUPS)


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


def _lines(breakdowns: Mapping[str, tuple[str, ...]]) -> list[tuple[str, str]]:
    """Every (breakdown, category) of an area's cells, the total first."""
    return [(CONTACT_GROUPS, TOTAL)] + [
        (breakdown, category) for breakdown, cats in breakdowns.items() for category in cats
    ]


def table_relations(
    children: Mapping[Area, list[Area]],
    areas: Iterable[Area],
    breakdowns: Mapping[str, tuple[str, ...]] | None = None,
) -> list[Relation]:
    """Every area's total as the sum of each breakdown's cells (the contact groups, and the age
    bands, genders and durations counted), and every aggregate area's cells as the sum of its
    child areas' cells. The breakdowns share their total, so they are protected together."""
    breakdowns = breakdowns or {CONTACT_GROUPS: GROUP_CATEGORIES}
    relations = [
        Relation((*area, CONTACT_GROUPS, TOTAL), tuple((*area, name, c) for c in cats))
        for area in areas
        for name, cats in breakdowns.items()
    ]
    for parent, kids in children.items():
        for line in _lines(breakdowns):
            relations.append(Relation((*parent, *line), tuple((*kid, *line) for kid in kids)))
    return relations


def _breakdowns(
    cells: list[RawCell], measure_breakdowns: Iterable[Breakdown]
) -> dict[str, tuple[str, ...]]:
    """The contact groups, and each other breakdown counted in the raw cells (with "unknown"
    when some cell has no category for it)."""
    found: dict[str, tuple[str, ...]] = {CONTACT_GROUPS: GROUP_CATEGORIES}
    for breakdown in measure_breakdowns:
        seen = {cell.category(breakdown) for cell in cells}
        if seen == {""} or not seen:
            continue
        extra = (UNKNOWN,) if "" in seen or not seen <= set(CATEGORIES[breakdown]) else ()
        found[breakdown.value] = CATEGORIES[breakdown] + extra
    return found


def _category(cell: RawCell, breakdown: str) -> str:
    if breakdown == CONTACT_GROUPS:
        return str(cell.contact_group)
    found = cell.category(Breakdown(breakdown))
    return found if found in CATEGORIES[Breakdown(breakdown)] else UNKNOWN


def publish_table(
    raw: Iterable[RawCell],
    threshold: int | None = None,
    measure_breakdowns: Iterable[Breakdown] = tuple(Breakdown),
) -> list[PublishedCell]:
    """The published cells of one month's table: every area present, every contact group, the
    other breakdowns counted and the totals, small cells and the cells that would reveal them
    suppressed, all breakdowns together (they share each area's total).

    Persons of a total are the sum of its parts' persons (a person counted in two cells of a
    flow measure counts twice there, which only ever makes a total look bigger).
    """
    cells = list(raw)
    breakdowns = _breakdowns(cells, measure_breakdowns)
    values: dict[CellKey, int] = {}
    persons: dict[CellKey, int] = {}
    for cell in cells:
        code = _municipality_code(cell.municipality_code)
        for breakdown in breakdowns:
            key = (AreaKind.MUNICIPALITY, code, breakdown, _category(cell, breakdown))
            values[key] = values.get(key, 0) + cell.value
            persons[key] = persons.get(key, 0) + cell.persons
    codes = {key[1] for key in values}
    children = _areas(codes)
    municipal = [(AreaKind.MUNICIPALITY, code) for code in sorted(codes)]
    areas = municipal + list(children)
    for area in municipal:
        _fill_totals(area, values, persons, breakdowns)
    lines = _lines(breakdowns)
    for parent in _bottom_up(children):
        for line in lines:
            key = (*parent, *line)
            values[key] = sum(values[(*kid, *line)] for kid in children[parent])
            persons[key] = sum(persons[(*kid, *line)] for kid in children[parent])
    relations = table_relations(children, areas, breakdowns)
    ordered = {key: values[key] for key in sorted(values, key=_display_order)}
    options = {} if threshold is None else {"threshold": threshold}
    hidden = protect(
        cast(Mapping[Key, int], ordered), cast(Mapping[Key, int], persons), relations, **options
    )
    return [
        PublishedCell(
            area_kind=key[0],
            area_code=key[1],
            contact_group=int(key[3]) if key[2] == CONTACT_GROUPS and key[3] else ALL_GROUPS,
            value=None if key in hidden else value,
            persons=None if key in hidden else persons[key],
            suppression=hidden.get(key),
            breakdown=key[2],
            category=key[3],
        )
        for key, value in ordered.items()
    ]


def _fill_totals(
    area: Area,
    values: dict[CellKey, int],
    persons: dict[CellKey, int],
    breakdowns: Mapping[str, tuple[str, ...]],
) -> None:
    for name, cats in breakdowns.items():
        for category in cats:
            values.setdefault((*area, name, category), 0)
            persons.setdefault((*area, name, category), 0)
    groups = [(*area, CONTACT_GROUPS, c) for c in GROUP_CATEGORIES]
    values[(*area, CONTACT_GROUPS, TOTAL)] = sum(values[key] for key in groups)
    persons[(*area, CONTACT_GROUPS, TOTAL)] = sum(persons[key] for key in groups)


def _bottom_up(children: Mapping[Area, list[Area]]) -> list[Area]:
    """Comparison groups before the country."""
    return sorted(children, key=lambda area: area[0] == AreaKind.COUNTRY)


_KIND_ORDER = {AreaKind.MUNICIPALITY: 0, AreaKind.COMPARISON_GROUP: 1, AreaKind.COUNTRY: 2}
_BREAKDOWN_ORDER = {CONTACT_GROUPS: 0, **{b.value: i + 1 for i, b in enumerate(Breakdown)}}


def _display_order(key: CellKey) -> tuple[int, str, int, str]:
    category = key[3]
    if key[2] == CONTACT_GROUPS:
        category = f"{int(category or 0):02d}"
    return (_KIND_ORDER[key[0]], key[1], _BREAKDOWN_ORDER[key[2]], category)
