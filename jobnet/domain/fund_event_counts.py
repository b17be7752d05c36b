"""The statistics of fund events: how many events of each type went to each fund, published
with the same disclosure control as the public statistics (`jobnet.domain.disclosure`).

The table has a cell for each (fund, event type), a total for each fund and each type, and the
grand total. A cell about 1-4 persons is suppressed, and so is any cell that would let a
suppressed one be worked out from the totals.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from jobnet.domain.disclosure import MIN_PERSONS, Key, Relation, protect

ALL = "*"
Cell = tuple[str, str]  # (fund, event type); ALL in either place for a total


@dataclass(frozen=True)
class Published:
    fund: str
    type: str
    events: int | None  # None: suppressed
    suppressed: str | None  # "primary" | "secondary" | None


def count_table(
    rows: Iterable[tuple[str, str, str]], funds: Iterable[str], types: Iterable[str]
) -> tuple[dict[Cell, int], dict[Cell, int]]:
    """(events, persons) of every cell from (fund, type, person) rows, one row per event."""
    funds, types = list(funds), list(types)
    events: dict[Cell, int] = {}
    persons: dict[Cell, set[str]] = {}
    cells = [(f, t) for f in funds for t in types] + [(f, ALL) for f in funds]
    cells += [(ALL, t) for t in types] + [(ALL, ALL)]
    for cell in cells:
        events[cell] = 0
        persons[cell] = set()
    for fund, kind, person in rows:
        for cell in ((fund, kind), (fund, ALL), (ALL, kind), (ALL, ALL)):
            if cell in events:
                events[cell] += 1
                persons[cell].add(person)
    return events, {cell: len(who) for cell, who in persons.items()}


def relations(funds: Iterable[str], types: Iterable[str]) -> list[Relation]:
    funds, types = list(funds), list(types)
    found = [Relation((f, ALL), tuple((f, t) for t in types)) for f in funds]
    found += [Relation((ALL, t), tuple((f, t) for f in funds)) for t in types]
    found.append(Relation((ALL, ALL), tuple((f, ALL) for f in funds)))
    found.append(Relation((ALL, ALL), tuple((ALL, t) for t in types)))
    return found


def publish(
    events: Mapping[Cell, int],
    persons: Mapping[Cell, int],
    funds: Iterable[str],
    types: Iterable[str],
    threshold: int = MIN_PERSONS,
) -> list[Published]:
    """Every cell, with its figure or suppressed and why."""
    values: dict[Key, int] = {cell: count for cell, count in events.items()}
    people: dict[Key, int] = {cell: count for cell, count in persons.items()}
    hidden = protect(values, people, relations(funds, types), threshold)
    return [
        Published(fund, kind, None if (fund, kind) in hidden else count, hidden.get((fund, kind)))
        for (fund, kind), count in events.items()
    ]
