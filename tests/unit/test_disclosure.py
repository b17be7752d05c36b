"""Disclosure control: small cells suppressed, and none of them recoverable from the totals."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from jobnet.domain import municipalities
from jobnet.domain.disclosure import Relation, primary, protect, recoverable, secondary
from jobnet.domain.statistics import (
    ALL_GROUPS,
    GROUPS,
    AreaKind,
    PublishedCell,
    RawCell,
    publish_table,
)


def test_primary_suppresses_one_to_four_persons_and_publishes_zero() -> None:
    persons = {"a": 0, "b": 1, "c": 4, "d": 5, "e": 100}
    assert primary(persons) == {"b", "c"}


def test_one_suppressed_cell_in_a_row_takes_the_next_smallest_with_it() -> None:
    values = {"t": 30, "a": 3, "b": 7, "c": 20}
    relation = Relation("t", ("a", "b", "c"))
    assert secondary(values, [relation], {"a"}) == {"a", "b"}


def test_a_suppressed_total_hides_a_part_too() -> None:
    values = {"t": 12, "a": 4, "b": 8}
    persons = {"t": 4, "a": 4, "b": 4}  # a flow: 12 reports by 4 persons
    assert protect(values, persons, [Relation("t", ("a", "b"))]) == {
        "t": "primary",
        "a": "primary",
        "b": "primary",
    }
    values = {"t": 30, "a": 20, "b": 10}
    persons = {"t": 4, "a": 2, "b": 2}
    hidden = protect(values, persons, [Relation("t", ("a", "b")), Relation("g", ("t",))])
    assert hidden["g"] == "secondary"  # g = t would give the total away


def test_recoverable_finds_a_cell_worked_out_from_a_total() -> None:
    relations = [Relation("t", ("a", "b", "c"))]
    assert recoverable(relations, {"a"}) == {"a"}
    assert recoverable(relations, {"a", "b"}) == set()


def test_recoverable_sees_through_two_relations_together() -> None:
    # Each row has two hidden cells, but column 2 gives b away, and then row 1 gives a.
    relations = [
        Relation("r1", ("a", "b")),
        Relation("r2", ("c", "d")),
        Relation("k1", ("a", "c")),
        Relation("k2", ("b",)),
    ]
    assert recoverable(relations, {"a", "b", "c", "d"}) == {"a", "b", "c", "d"}


def _attack(cells: list[PublishedCell], relations: list[Relation]) -> dict[tuple, Fraction]:
    """What an attacker works out: repeatedly, a published total minus its published (or
    already worked out) parts, and a part from its total and siblings."""
    known: dict[tuple, Fraction] = {
        (c.area_kind, c.area_code, c.contact_group): Fraction(c.value)
        for c in cells
        if c.value is not None
    }
    found: dict[tuple, Fraction] = {}
    changed = True
    while changed:
        changed = False
        for relation in relations:
            unknown = [cell for cell in relation.cells() if cell not in known]
            if len(unknown) != 1:
                continue
            missing = unknown[0]
            parts = sum((known[p] for p in relation.parts if p in known), Fraction(0))
            known[missing] = parts if missing == relation.total else known[relation.total] - parts
            found[missing] = known[missing]
            changed = True
    return found


def _relations(cells: list[PublishedCell]) -> list[Relation]:
    areas = sorted({(c.area_kind, c.area_code) for c in cells})
    relations = [Relation((*a, ALL_GROUPS), tuple((*a, g) for g in GROUPS)) for a in areas]
    by_group: dict[str, list[tuple[AreaKind, str]]] = {}
    for kind, code in areas:
        if kind == AreaKind.MUNICIPALITY:
            group = municipalities.comparison_group_of(code)
            by_group.setdefault(group.code if group else "", []).append((kind, code))
    everyone = [area for area in areas if area[0] == AreaKind.MUNICIPALITY]
    for g in (*GROUPS, ALL_GROUPS):
        for group_code, members in by_group.items():
            if group_code:
                parent = (AreaKind.COMPARISON_GROUP, group_code)
                relations.append(Relation((*parent, g), tuple((*m, g) for m in members)))
        relations.append(Relation((AreaKind.COUNTRY, "DK", g), tuple((*m, g) for m in everyone)))
    return relations


SMALL_TABLES = [
    # one small cell in an otherwise big row
    [RawCell("0101", 1, 40, 40), RawCell("0101", 2, 3, 3), RawCell("0101", 8, 12, 12)],
    # the same small cell alone in its column across two municipalities of one group
    [RawCell("0101", 1, 6, 6), RawCell("0101", 2, 2, 2), RawCell("0147", 1, 9, 9)],
    # every cell small
    [RawCell("0101", 1, 1, 1), RawCell("0751", 2, 2, 2), RawCell("0461", 3, 4, 4)],
    # a municipality total under 5 with one cell
    [RawCell("0155", 1, 3, 3), RawCell("0151", 1, 30, 30), RawCell("0151", 7, 8, 8)],
    # an unknown municipality next to known ones
    [RawCell(None, 1, 2, 2), RawCell("0101", 1, 50, 50), RawCell("0101", 6, 7, 7)],
]


@pytest.mark.parametrize("raw", SMALL_TABLES)
def test_no_suppressed_value_can_be_worked_out_from_published_totals(raw: list[RawCell]) -> None:
    cells = publish_table(raw)
    relations = _relations(cells)
    suppressed = {(c.area_kind, c.area_code, c.contact_group) for c in cells if c.value is None}
    assert suppressed, "the table has small cells"
    assert not _attack(cells, relations).keys() & suppressed
    assert recoverable(relations, suppressed) == set()
    for relation in relations:
        assert sum(cell in suppressed for cell in relation.cells()) != 1


def test_small_cells_are_never_published() -> None:
    for raw in SMALL_TABLES:
        for cell in publish_table(raw):
            assert cell.value is None or cell.value == 0 or cell.persons >= 5
            assert (cell.value is None) == (cell.suppression is not None)


@pytest.mark.parametrize("seed", range(25))
def test_random_tables_stay_safe(seed: int) -> None:
    rng = random.Random(seed)
    codes = ["0101", "0147", "0751", "0155", "0151", "0400", "0492"]
    raw = [
        RawCell(code, group, value, value)
        for code in rng.sample(codes, rng.randint(1, len(codes)))
        for group in rng.sample(GROUPS, rng.randint(1, 4))
        if (value := rng.choice([1, 2, 3, 4, 5, 6, 9, 15, 40]))
    ]
    cells = publish_table(raw)
    relations = _relations(cells)
    suppressed = {(c.area_kind, c.area_code, c.contact_group) for c in cells if c.value is None}
    assert not _attack(cells, relations).keys() & suppressed
    assert recoverable(relations, suppressed) == set()
    truth = {(AreaKind.MUNICIPALITY, c.municipality_code, c.contact_group): c.value for c in raw}
    for cell in cells:  # what is published is true
        key = (cell.area_kind, cell.area_code, cell.contact_group)
        if cell.value is not None and key in truth:
            assert cell.value == truth[key]


def test_totals_are_published_when_big_enough() -> None:
    cells = publish_table([RawCell("0101", 1, 40, 40), RawCell("0101", 2, 3, 3)])
    country = next(
        c for c in cells if c.area_kind == AreaKind.COUNTRY and c.contact_group == ALL_GROUPS
    )
    assert country.value == 43
