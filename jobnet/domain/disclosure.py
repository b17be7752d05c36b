"""Statistical disclosure control for published tables: no individual can be identified.

A table is a set of cells (any hashable key) with a value and the number of persons behind it,
and a set of *relations*: a total cell equals the sum of its part cells (a row or a column of the
table, or an aggregate of areas). Publishing a table protects it in two steps:

1. **Primary suppression**: a cell with 1-4 persons is suppressed (a cell with nobody in it
   identifies nobody and is published as 0).
2. **Secondary suppression**: a suppressed cell must not be recoverable from what is published.
   In every relation with exactly one suppressed cell (counting its total), the smallest
   published part is suppressed as well (or the total, when no part is left), again and again
   until stable. Relations overlap (a cell is in a row and a column, an area in its comparison
   group and in the country), so the rows alone do not prove safety: the published figures are
   then checked as a system of linear equations (in exact integer arithmetic), and while any
   suppressed cell is still determined by it, another cell of one of its relations is
   suppressed.

Everything here is pure: it decides which cells to suppress, and `recoverable` is the proof.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

MIN_PERSONS = 5

Key = Hashable


@dataclass(frozen=True)
class Relation:
    """`total` = sum of `parts` (all cells of the same table)."""

    total: Key
    parts: tuple[Key, ...]

    def cells(self) -> tuple[Key, ...]:
        return (self.total, *self.parts)


def primary(persons: Mapping[Key, int], threshold: int = MIN_PERSONS) -> set[Key]:
    """Cells with at least one but fewer than `threshold` persons."""
    return {key for key, count in persons.items() if 0 < count < threshold}


def _order(values: Mapping[Key, int]) -> dict[Key, int]:
    """A stable tie-breaker: each cell's position in the table as given."""
    return {key: index for index, key in enumerate(values)}


def _smallest_published(
    relation: Relation, values: Mapping[Key, int], hidden: set[Key], order: Mapping[Key, int]
) -> Key | None:
    """The relation's smallest published part; its total when no part is published."""
    candidates = [part for part in relation.parts if part not in hidden]
    if not candidates:
        return relation.total if relation.total not in hidden else None
    return min(candidates, key=lambda key: (values[key], order[key]))


def secondary(
    values: Mapping[Key, int], relations: Iterable[Relation], suppressed: set[Key]
) -> set[Key]:
    """The line rule: no relation may have exactly one suppressed cell. Answers all suppressed
    cells (the given ones included), iterating until no relation changes."""
    hidden = set(suppressed)
    relations = list(relations)
    order = _order(values)
    changed = True
    while changed:
        changed = False
        for relation in relations:
            if sum(cell in hidden for cell in relation.cells()) != 1:
                continue
            extra = _smallest_published(relation, values, hidden, order)
            if extra is not None:
                hidden.add(extra)
                changed = True
    return hidden


def _equations(relations: Iterable[Relation], unknown: Mapping[Key, int]) -> list[dict[int, int]]:
    """Each relation as sum(parts) - total = published constant, over the unknown cells only."""
    rows = []
    for relation in relations:
        row: dict[int, int] = {}
        for part in relation.parts:
            if part in unknown:
                row[unknown[part]] = row.get(unknown[part], 0) + 1
        if relation.total in unknown:
            row[unknown[relation.total]] = row.get(unknown[relation.total], 0) - 1
        row = {column: coefficient for column, coefficient in row.items() if coefficient}
        if row:
            rows.append(row)
    return rows


def _normalised(row: dict[int, int]) -> dict[int, int]:
    """The row divided by the greatest common divisor of its entries, its pivot positive."""
    divisor = math.gcd(*row.values())
    if row[min(row)] < 0:
        divisor = -divisor
    return {column: value // divisor for column, value in row.items()}


def _minus(row: dict[int, int], scale: int, other: dict[int, int], factor: int) -> dict[int, int]:
    """scale * row - factor * other, without its zero entries."""
    result = {column: value * scale for column, value in row.items()}
    for column, value in other.items():
        result[column] = result.get(column, 0) - factor * value
    return {column: value for column, value in result.items() if value}


def _reduced_rows(rows: list[dict[int, int]]) -> dict[int, dict[int, int]]:
    """The reduced row echelon form of the equations, as {pivot column: row}, exact: integer
    rows scaled instead of divided (fraction-free), each kept divided by its entries' gcd.
    A pivot row is a multiple of the row of rational RREF, with the same zeros."""
    pivots: dict[int, dict[int, int]] = {}
    for raw in rows:
        row = dict(raw)
        for column in [c for c in row if c in pivots]:
            factor = row.get(column)
            if factor:
                pivot_row = pivots[column]
                row = _minus(row, pivot_row[column], pivot_row, factor)
        if not row:
            continue
        row = _normalised(row)
        pivot = min(row)
        for key, existing in pivots.items():
            factor = existing.get(pivot)
            if factor:
                pivots[key] = _normalised(_minus(existing, row[pivot], row, factor))
        pivots[pivot] = row
    return pivots


def recoverable(relations: Iterable[Relation], suppressed: set[Key]) -> set[Key]:
    """The suppressed cells whose exact value follows from the published cells and relations.

    A suppressed cell is determined exactly when its unit vector lies in the row space of the
    equations over the suppressed cells, i.e. when the reduced row echelon form has a row that
    is that unit vector. Empty means the table is safe.
    """
    keys = sorted(suppressed, key=repr)
    unknown = {key: index for index, key in enumerate(keys)}
    found: set[Key] = set()
    for rows in _components(_equations(relations, unknown)):
        pivots = _reduced_rows(rows)
        found |= {keys[pivot] for pivot, row in pivots.items() if len(row) == 1}
    return found


def _components(rows: list[dict[int, int]]) -> list[list[dict[int, int]]]:
    """The equations in groups that share no unknown: each group is solved on its own (the
    cost of elimination grows much faster than the number of unknowns)."""
    parent: dict[int, int] = {}

    def root(column: int) -> int:
        while parent.setdefault(column, column) != column:
            parent[column] = parent[parent[column]]
            column = parent[column]
        return column

    for row in rows:
        first, *rest = row
        for column in rest:
            parent[root(column)] = root(first)
    groups: dict[int, list[dict[int, int]]] = {}
    for row in rows:
        groups.setdefault(root(next(iter(row))), []).append(row)
    return list(groups.values())


def protect(
    values: Mapping[Key, int],
    persons: Mapping[Key, int],
    relations: Iterable[Relation],
    threshold: int = MIN_PERSONS,
) -> dict[Key, str]:
    """The cells to suppress and why: {key: "primary" | "secondary"}; the rest is published.

    `values` and `persons` cover every cell of the table (totals included).
    """
    relations = list(relations)
    first = primary(persons, threshold)
    hidden = secondary(values, relations, first)
    order = _order(values)
    while True:
        exposed = recoverable(relations, hidden)
        if not exposed:
            break
        extra = _extra_for(exposed, relations, values, hidden, order)
        if extra is None:
            break
        hidden = secondary(values, relations, hidden | {extra})
    return {key: ("primary" if key in first else "secondary") for key in hidden}


def _extra_for(
    exposed: set[Key],
    relations: list[Relation],
    values: Mapping[Key, int],
    hidden: set[Key],
    order: Mapping[Key, int],
) -> Key | None:
    """One more cell to suppress for a cell that can still be worked out: the smallest published
    cell of a relation it is in."""
    for cell in sorted(exposed, key=lambda key: order[key]):
        options = [
            choice
            for relation in relations
            if cell in relation.cells()
            and (choice := _smallest_published(relation, values, hidden, order)) is not None
        ]
        if options:
            return min(options, key=lambda key: (values[key], order[key]))
    published = [key for key in values if key not in hidden]
    return min(published, key=lambda key: (values[key], order[key])) if published else None
