"""Breakdowns by age band, gender and duration of registration: each adds up to the same total,
and the suppression holds across all of them together (no suppressed cell can be worked out
from another breakdown's published figures)."""

from __future__ import annotations

import random

import pytest

from jobnet.domain import municipalities
from jobnet.domain.disclosure import Relation, recoverable
from jobnet.domain.statistics import (
    AGE_BANDS,
    CATEGORIES,
    CONTACT_GROUPS,
    DURATIONS,
    GENDERS,
    GROUP_CATEGORIES,
    TOTAL,
    AreaKind,
    Breakdown,
    PublishedCell,
    RawCell,
    publish_table,
)

Key = tuple[str, str, str, str]


def _key(cell: PublishedCell) -> Key:
    return (cell.area_kind.value, cell.area_code, cell.breakdown, cell.category)


def _relations(cells: list[PublishedCell]) -> list[Relation]:
    """What anyone reading the published table knows adds up, built from the table itself."""
    areas = {(c.area_kind.value, c.area_code) for c in cells}
    lines: dict[str, tuple[str, ...]] = {CONTACT_GROUPS: GROUP_CATEGORIES}
    for cell in cells:
        if cell.breakdown:
            lines.setdefault(cell.breakdown, CATEGORIES[Breakdown(cell.breakdown)])
    relations = [
        Relation((*area, CONTACT_GROUPS, TOTAL), tuple((*area, name, c) for c in cats))
        for area in areas
        for name, cats in lines.items()
    ]
    municipal = sorted(code for kind, code in areas if kind == "municipality")
    every_line = [(CONTACT_GROUPS, TOTAL)] + [(n, c) for n, cats in lines.items() for c in cats]
    for line in every_line:
        for group in municipalities.COMPARISON_GROUPS:
            kids = [
                c for c in municipal if municipalities.BY_CODE[c].comparison_group == group.code
            ]
            if kids:
                relations.append(
                    Relation(
                        ("comparison_group", group.code, *line),
                        tuple(("municipality", kid, *line) for kid in kids),
                    )
                )
        groups = sorted(code for kind, code in areas if kind == "comparison_group")
        relations.append(
            Relation(
                ("country", "DK", *line), tuple(("comparison_group", g, *line) for g in groups)
            )
        )
    return relations


def _check_safe(cells: list[PublishedCell]) -> set[Key]:
    relations = _relations(cells)
    hidden = {_key(cell) for cell in cells if cell.value is None}
    for relation in relations:
        assert sum(cell in hidden for cell in relation.cells()) != 1, relation
    assert recoverable(relations, hidden) == set()
    return hidden


def _raw(rng: random.Random, codes: list[str]) -> list[RawCell]:
    return [
        RawCell(
            code,
            rng.choice((1, 1, 2, 6, 8)),
            count,
            count,
            age=rng.choice(AGE_BANDS),
            gender=rng.choice(GENDERS),
            duration=rng.choice(DURATIONS),
        )
        for code in codes
        for _ in range(rng.randint(1, 12))
        if (count := rng.choice((1, 1, 2, 3, 4, 6, 9, 20)))
    ]


@pytest.mark.parametrize("seed", range(20))
def test_random_tables_with_breakdowns_stay_safe_and_add_up(seed: int) -> None:
    rng = random.Random(seed)
    codes = rng.sample(["0101", "0147", "0151", "0155", "0751", "0461", "0825", "0492"], 5)
    raw = _raw(rng, codes)
    cells = publish_table(raw)
    _check_safe(cells)
    truth: dict[Key, int] = {}
    for item in raw:
        area = ("municipality", item.municipality_code or "")
        for line in (
            (CONTACT_GROUPS, TOTAL),
            (CONTACT_GROUPS, str(item.contact_group)),
            ("age", item.age),
            ("gender", item.gender),
            ("duration", item.duration),
        ):
            truth[(*area, *line)] = truth.get((*area, *line), 0) + item.value
    for cell in cells:  # what is published is true
        if cell.value is not None and cell.area_kind == AreaKind.MUNICIPALITY:
            assert cell.value == truth.get(_key(cell), 0)


def test_a_small_gender_cell_takes_the_other_gender_with_it_not_the_total() -> None:
    """Three women among 23: the women's cell is suppressed, and the men's too (the total
    minus the men would give the women away); the total stays, as in the other breakdowns."""
    raw = [
        RawCell("0101", 1, 20, 20, age="30_39", gender="male", duration="under_3"),
        RawCell("0101", 1, 3, 3, age="30_39", gender="female", duration="under_3"),
    ]
    cells = {_key(cell): cell for cell in publish_table(raw)}
    women = cells[("municipality", "0101", "gender", "female")]
    men = cells[("municipality", "0101", "gender", "male")]
    total = cells[("municipality", "0101", CONTACT_GROUPS, TOTAL)]
    assert (women.suppression, men.suppression) == ("primary", "secondary")
    assert total.value == 23
    assert cells[("municipality", "0101", "age", "30_39")].value == 23
    _check_safe(list(cells.values()))


def test_a_total_suppressed_for_one_breakdown_is_suppressed_in_all() -> None:
    """A municipality of four persons: its total is hidden, so no breakdown may publish a
    complete set of parts that would add up to it; nor may the comparison group and the
    country give it away."""
    raw = [
        RawCell("0155", 1, 4, 4, age="50_59", gender="female", duration="12_plus"),
        RawCell("0151", 1, 30, 30, age="30_39", gender="male", duration="3_6"),
        RawCell("0151", 2, 12, 12, age="40_49", gender="female", duration="6_12"),
    ]
    cells = publish_table(raw)
    hidden = _check_safe(cells)
    assert ("municipality", "0155", CONTACT_GROUPS, TOTAL) in hidden
    for name, categories in ((CONTACT_GROUPS, GROUP_CATEGORIES), *CATEGORIES.items()):
        parts = {("municipality", "0155", str(name), category) for category in categories}
        assert parts & hidden, f"the {name or 'contact group'} parts of 0155 add up to its total"


def test_without_breakdowns_counted_only_the_contact_groups_are_published() -> None:
    cells = publish_table([RawCell("0101", 1, 40, 40)])
    assert {cell.breakdown for cell in cells} == {CONTACT_GROUPS}


def test_registered_jobseekers_alone_are_broken_down_by_duration() -> None:
    raw = [RawCell("0101", 1, 40, 40, age="30_39", gender="male", duration="")]
    cells = publish_table(raw, measure_breakdowns=(Breakdown.AGE, Breakdown.GENDER))
    assert {cell.breakdown for cell in cells} == {CONTACT_GROUPS, "age", "gender"}
