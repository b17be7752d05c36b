"""Computing DFDG's public statistics: every measure, every month, disclosure-controlled.

From the earliest month with data to the last complete month, each month of each measure is
counted afresh and compared with its last computation by a fingerprint of the counts. A month
seen for the first time is computed (revision 1); a month whose counts changed (late data:
records dated in a month already computed, or changed since) is recomputed with the next
revision and marked revised; an unchanged month is left as it is. Running it again is safe.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from jobnet.db import Store
from jobnet.dfdg import clock
from jobnet.dfdg.queries import statistics as stats_queries
from jobnet.domain.statistics import (
    MEASURES,
    RawCell,
    last_complete_month,
    month_key,
    month_start,
    months,
    publish_table,
)


@dataclass(frozen=True)
class ComputeResult:
    computed: int  # months computed for the first time
    revised: int  # months recomputed because their data changed
    unchanged: int
    first_month: date | None
    last_month: date | None


def fingerprint(cells: Iterable[RawCell]) -> str:
    """SHA-256 of the counts, independent of the order the database answered them in."""
    rows = sorted(
        (cell.municipality_code or "", cell.contact_group, cell.value, cell.persons)
        for cell in cells
    )
    return hashlib.sha256(json.dumps(rows, separators=(",", ":")).encode()).hexdigest()


def compute_statistics(session: Session, today: date | None = None) -> ComputeResult:
    """Bring the precomputed figures up to date with DFDG's records."""
    last = last_complete_month(today or clock.today())
    earliest = stats_queries.earliest_day(session)
    if earliest is None or month_start(earliest) > last:
        return ComputeResult(0, 0, 0, None, None)
    first = month_start(earliest)
    latest = stats_queries.latest_computations(session)
    computed = revised = unchanged = 0
    for measure in MEASURES:
        for month in months(first, last):
            raw = stats_queries.count_month(session, measure, month)
            counts_print = fingerprint(raw)
            previous = latest.get((measure.value, month))
            if previous is not None and previous.fingerprint == counts_print:
                unchanged += 1
                continue
            stats_queries.replace_figures(session, measure, month, publish_table(raw))
            revision = previous.revision + 1 if previous else 1
            stats_queries.log_computation(session, measure, month, revision, counts_print)
            if previous is None:
                computed += 1
            else:
                revised += 1
    return ComputeResult(computed, revised, unchanged, first, last)


def compute_in_store(store: Store, today: date | None = None) -> ComputeResult:
    with store.session() as session:
        return compute_statistics(session, today)


def describe(result: ComputeResult) -> str:
    if result.first_month is None or result.last_month is None:
        return "No complete month with data yet: nothing to compute."
    return (
        f"Statistics {month_key(result.first_month)} to {month_key(result.last_month)}: "
        f"{result.computed} months computed, {result.revised} revised, "
        f"{result.unchanged} unchanged."
    )
