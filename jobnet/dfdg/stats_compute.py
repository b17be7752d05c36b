"""Computing DFDG's public statistics: every measure, every month, disclosure-controlled.

From the earliest month with data (at most PUBLISHED_MONTHS back) to the last complete
month, each month of each measure is
counted afresh and compared with its last computation by a fingerprint of the counts. A month
seen for the first time is computed (revision 1); a month whose counts changed (late data:
records dated in a month already computed, or changed since) is recomputed with the next
revision, and the published cells whose figure changed are marked revised (until the next run
that publishes anything); an unchanged month is left as it is. Running it again is safe.
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
from jobnet.dfdg.queries import statistics_counts
from jobnet.domain.statistics import (
    MEASURES,
    PUBLISHED_MONTHS,
    RawCell,
    add_months,
    breakdowns_of,
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
        (
            cell.municipality_code or "",
            cell.contact_group,
            cell.age,
            cell.gender,
            cell.duration,
            cell.value,
            cell.persons,
        )
        for cell in cells
    )
    return hashlib.sha256(json.dumps(rows, separators=(",", ":")).encode()).hexdigest()


def compute_statistics(session: Session, today: date | None = None) -> ComputeResult:
    """Bring the precomputed figures up to date with DFDG's records."""
    last = last_complete_month(today or clock.today())
    earliest = statistics_counts.earliest_day(session)
    if earliest is None or month_start(earliest) > last:
        return ComputeResult(0, 0, 0, None, None)
    first = max(month_start(earliest), add_months(last, 1 - PUBLISHED_MONTHS))
    latest = stats_queries.latest_computations(session)
    computed = revised = unchanged = 0
    publishing = False
    for measure in MEASURES:
        for month in months(first, last):
            raw = statistics_counts.count_month(session, measure, month)
            counts_print = fingerprint(raw)
            previous = latest.get((measure.value, month))
            if previous is not None and previous.fingerprint == counts_print:
                unchanged += 1
                continue
            if not publishing:
                stats_queries.clear_revised_marks(session)
                publishing = True
            cells = publish_table(raw, measure_breakdowns=breakdowns_of(measure))
            changed = stats_queries.replace_figures(
                session, measure, month, cells, mark_changes=previous is not None
            )
            revision = previous.revision + 1 if previous else 1
            stats_queries.log_computation(
                session, measure, month, revision, counts_print, revised=changed > 0
            )
            if previous is None:
                computed += 1
            elif changed:
                revised += 1
            else:  # counted afresh (say, a new breakdown) with no published figure changed
                unchanged += 1
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
