"""DFDG's public statistics as the web app sees them, and the cache of the published figures."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable, Mapping
from datetime import date, datetime
from functools import cached_property
from typing import Annotated, Any, TypeVar

from pydantic import BeforeValidator, field_validator

from jobnet.clients.dfdg_client.calls import Calls
from jobnet.clients.dfdg_client.values import Value, json_object, parse

T = TypeVar("T")


def _first_of_month(value: Any) -> Any:
    """DFDG's months, YYYY-MM, as their first day."""
    return f"{value}-01" if isinstance(value, str) and len(value) == 7 else value


Month = Annotated[date, BeforeValidator(_first_of_month)]  # DFDG's YYYY-MM


ALL_GROUPS = None  # contact_group of a total over all contact groups


class StatisticsMeasure(Value):
    code: str
    kind: str  # "stock" or "flow"
    counts: str  # "persons", "reports", "interviews" or "entries"


class StatisticsCatalogue(Value):
    measures: tuple[StatisticsMeasure, ...]
    first_month: Month | None = None
    last_month: Month | None = None
    computed_at: datetime | None = None
    min_persons: int


class Figure(Value):
    month: Month
    area_kind: str  # "municipality", "comparison_group" or "country"
    area_code: str
    contact_group: int | None = None  # None: all contact groups
    value: int | None = None  # None when suppressed
    persons: int | None = None
    suppressed: bool
    revised: bool = False  # changed by late data when the figures were last published


class BreakdownFigure(Value):
    """A figure by age band, gender or duration of registration (`breakdown`, `category`)."""

    month: Month
    area_kind: str
    area_code: str
    breakdown: str  # "age", "gender" or "duration"
    category: str  # "under_25" … "60_plus", "female"/"male", "under_3" … "12_plus", "unknown"
    value: int | None = None  # None when suppressed
    persons: int | None = None
    suppressed: bool
    revised: bool = False


class Population(Value):
    """An area's inhabitants aged 16-66 (None: not known for every municipality in it)."""

    area_kind: str
    area_code: str
    inhabitants_16_66: int | None = None
    source: str | None = None


class FigureRevision(Value):
    month: Month
    revision: int
    revised_at: datetime


class StatisticsTable(Value):
    measure: str
    from_month: Month
    to_month: Month
    areas: tuple[tuple[str, str], ...]  # (kind, code); DFDG's objects {kind, code}
    figures: tuple[Figure, ...]
    revisions: tuple[FigureRevision, ...]
    min_persons: int
    breakdowns: tuple[BreakdownFigure, ...] = ()
    populations: tuple[Population, ...] = ()

    @field_validator("areas", mode="before")
    @classmethod
    def _area_pairs(cls, areas: Any) -> Any:
        """DFDG's areas, objects with a kind and a code, as (kind, code) pairs."""
        if not isinstance(areas, list | tuple):
            return areas
        return [
            (area.get("kind"), area.get("code")) if isinstance(area, Mapping) else area
            for area in areas
        ]

    @cached_property
    def _by_key(self) -> dict[tuple[date, str, str, int | None], Figure]:
        return {
            (item.month, item.area_kind, item.area_code, item.contact_group): item
            for item in self.figures
        }

    @cached_property
    def _breakdowns_by_key(self) -> dict[tuple[date, str, str, str, str], BreakdownFigure]:
        return {
            (item.month, item.area_kind, item.area_code, item.breakdown, item.category): item
            for item in self.breakdowns
        }

    def figure(
        self, month: date, area: tuple[str, str], contact_group: int | None = ALL_GROUPS
    ) -> Figure | None:
        return self._by_key.get((month, area[0], area[1], contact_group))

    def breakdown(
        self, month: date, area: tuple[str, str], breakdown: str, category: str
    ) -> BreakdownFigure | None:
        return self._breakdowns_by_key.get((month, area[0], area[1], breakdown, category))

    def categories(self, breakdown: str) -> tuple[str, ...]:
        """The categories of a breakdown in the figures, in DFDG's order."""
        return tuple(
            dict.fromkeys(item.category for item in self.breakdowns if item.breakdown == breakdown)
        )

    def inhabitants(self, area: tuple[str, str]) -> int | None:
        for item in self.populations:
            if (item.area_kind, item.area_code) == area:
                return item.inhabitants_16_66
        return None

    @property
    def synthetic(self) -> bool:
        """The figures come from the embedded default's synthetic population."""
        return any("synthetic" in (item.source or "") for item in self.populations)

    @property
    def months(self) -> tuple[date, ...]:
        return tuple(sorted({item.month for item in self.figures}))


def parse_catalogue(data: Mapping[str, Any]) -> StatisticsCatalogue:
    """The catalogue from DFDG's answer (or the copy kept of it)."""
    return parse(StatisticsCatalogue, data)


def parse_table(data: Mapping[str, Any]) -> StatisticsTable:
    """The figures from DFDG's answer (or the copy kept of it)."""
    return parse(StatisticsTable, data)


def statistics_params(
    measure: str, month_from: date | None, month_to: date | None, municipality: str | None
) -> dict[str, str]:
    params = {"measure": measure}
    if month_from is not None:
        params["from"] = f"{month_from.year:04d}-{month_from.month:02d}"
    if month_to is not None:
        params["to"] = f"{month_to.year:04d}-{month_to.month:02d}"
    if municipality:
        params["municipality"] = municipality
    return params


class PublicFiguresCache:
    """DFDG's published statistics, kept for a while in this process.

    The figures are anonymised and change only when DFDG computes them again (monthly, or when
    late data arrives), yet every view of the public page would otherwise ask DFDG twice. Each
    answer is kept for `seconds` (0: not kept), so a revision shows within that time. No person
    data ever passes through here."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self._clock = clock
        self._kept: dict[Hashable, tuple[float, Any]] = {}
        self._lock = threading.Lock()

    def get(
        self, key: Hashable, fetch: Callable[[], T], keep: Callable[[], bool] = lambda: True
    ) -> T:
        """The kept answer for `key`, else `fetch`'s (kept unless `keep()` says no: an answer
        from before an outage is not kept as if it were new)."""
        if self.seconds <= 0:
            return fetch()
        now = self._clock()
        with self._lock:
            kept = self._kept.get(key)
        if kept is not None and now - kept[0] < self.seconds:
            return kept[1]
        value = fetch()
        if not keep():
            return value
        with self._lock:
            if len(self._kept) >= MAX_KEPT_ANSWERS:
                self._kept.clear()  # many distinct filters: start over rather than grow
            self._kept[key] = (now, value)
        return value


MAX_KEPT_ANSWERS = 2000


class StatisticsCalls(Calls):
    """The public statistics."""

    def statistics_measures(self) -> StatisticsCatalogue:
        """The public statistics' measures and the months they cover."""
        return parse_catalogue(self.statistics_measures_answer())

    def statistics_measures_answer(self) -> dict[str, Any]:
        """`statistics_measures` as DFDG's JSON, for keeping; `parse_catalogue` reads it."""
        return json_object(self._request("GET", "/statistics/measures"))

    def statistics(
        self,
        measure: str,
        month_from: date | None = None,
        month_to: date | None = None,
        municipality: str | None = None,
    ) -> StatisticsTable:
        """Published monthly figures (suppressed ones without a value)."""
        return parse_table(self.statistics_answer(measure, month_from, month_to, municipality))

    def statistics_answer(
        self,
        measure: str,
        month_from: date | None = None,
        month_to: date | None = None,
        municipality: str | None = None,
    ) -> dict[str, Any]:
        """`statistics` as DFDG's JSON, for keeping; `parse_table` reads it."""
        params = statistics_params(measure, month_from, month_to, municipality)
        return json_object(self._request("GET", "/statistics", params=params))
