"""The statistics page's breakdowns by age band, gender and duration of registration (one table
each, for the last month shown), their labels, and the comparison group's members."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l

from jobnet.clients.dfdg_client.statistics import StatisticsTable
from jobnet.domain import municipalities
from jobnet.web.public.statistics.tables import Cell, Column, Row, Table, area_name, formatted

BREAKDOWN_LABELS: dict[str, Any] = {
    "age": _l("Age"),
    "gender": _l("Gender"),
    "duration": _l("Duration of the current registration"),
}
CATEGORY_LABELS: dict[str, dict[str, Any]] = {
    "age": {
        "under_25": _l("Under 25"),
        "25_29": _l("25-29 years"),
        "30_39": _l("30-39 years"),
        "40_49": _l("40-49 years"),
        "50_59": _l("50-59 years"),
        "60_plus": _l("60 years and over"),
    },
    "gender": {"female": _l("Women"), "male": _l("Men")},
    "duration": {
        "under_3": _l("Under 3 months"),
        "3_6": _l("3-6 months"),
        "6_12": _l("6-12 months"),
        "12_plus": _l("A year or more"),
    },
}
UNKNOWN_LABEL = _l("Not known")


def breakdown_label(breakdown: str) -> str:
    return str(BREAKDOWN_LABELS.get(breakdown, breakdown))


def category_label(breakdown: str, category: str) -> str:
    found = CATEGORY_LABELS.get(breakdown, {}).get(category)
    return str(found) if found is not None else str(UNKNOWN_LABEL)


def _cell(value: int | None, revised: bool, language: str) -> Cell:
    if value is None:
        return Cell(None, "–", revised)
    return Cell(float(value), formatted(float(value), False, language), revised)


def breakdown_table(
    table: StatisticsTable, month: date, breakdown: str, caption: str, language: str
) -> Table | None:
    """A row per category (and the total), a column per area; None without figures."""
    categories = table.categories(breakdown)
    if not categories:
        return None
    cols = tuple(
        Column(area_name(area, language), area, lambda figure: None) for area in table.areas
    )
    rows = []
    for category in categories:
        cells = []
        for area in table.areas:
            figure = table.breakdown(month, area, breakdown, category)
            cells.append(
                _cell(figure.value, figure.revised, language)
                if figure
                else _cell(0, False, language)
            )
        rows.append(Row(category_label(breakdown, category), tuple(cells)))
    totals = [table.figure(month, area) for area in table.areas]
    rows.append(
        Row(
            str(_l("All")),
            tuple(
                _cell(total.value, total.revised, language) if total else _cell(0, False, language)
                for total in totals
            ),
        )
    )
    return Table(caption, cols, tuple(rows))


@dataclass(frozen=True)
class GroupMembers:
    name: str
    members: tuple[tuple[str, bool], ...]  # (municipality name, is the chosen one)


def comparison_group(municipality: str | None, language: str) -> GroupMembers | None:
    """The chosen municipality's comparison group and its members, by name."""
    if municipality is None:
        return None
    group = municipalities.comparison_group_of(municipality)
    if group is None:
        return None
    return GroupMembers(
        name=municipalities.group_name(group, language),
        members=tuple((m.name, m.code == municipality) for m in municipalities.members(group.code)),
    )
