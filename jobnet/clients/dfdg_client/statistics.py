"""DFDG's public statistics as the web app sees them, and the cache of the published figures."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import Any, TypeVar

from jobnet.clients.dfdg_client.calls import Calls

T = TypeVar("T")


ALL_GROUPS = None  # contact_group of a total over all contact groups


@dataclass(frozen=True)
class StatisticsMeasure:
    code: str
    kind: str  # "stock" or "flow"
    counts: str  # "persons", "reports", "interviews" or "entries"


@dataclass(frozen=True)
class StatisticsCatalogue:
    measures: tuple[StatisticsMeasure, ...]
    first_month: date | None
    last_month: date | None
    computed_at: datetime | None
    min_persons: int


@dataclass(frozen=True)
class Figure:
    month: date
    area_kind: str  # "municipality", "comparison_group" or "country"
    area_code: str
    contact_group: int | None  # None: all contact groups
    value: int | None  # None when suppressed
    persons: int | None
    suppressed: bool
    revised: bool = False  # changed by late data when the figures were last published


@dataclass(frozen=True)
class BreakdownFigure:
    """A figure by age band, gender or duration of registration (`breakdown`, `category`)."""

    month: date
    area_kind: str
    area_code: str
    breakdown: str  # "age", "gender" or "duration"
    category: str  # "under_25" … "60_plus", "female"/"male", "under_3" … "12_plus", "unknown"
    value: int | None  # None when suppressed
    persons: int | None
    suppressed: bool
    revised: bool = False


@dataclass(frozen=True)
class Population:
    """An area's inhabitants aged 16-66 (None: not known for every municipality in it)."""

    area_kind: str
    area_code: str
    inhabitants_16_66: int | None
    source: str | None


@dataclass(frozen=True)
class FigureRevision:
    month: date
    revision: int
    revised_at: datetime


@dataclass(frozen=True)
class StatisticsTable:
    measure: str
    from_month: date
    to_month: date
    areas: tuple[tuple[str, str], ...]  # (kind, code)
    figures: tuple[Figure, ...]
    revisions: tuple[FigureRevision, ...]
    min_persons: int
    breakdowns: tuple[BreakdownFigure, ...] = ()
    populations: tuple[Population, ...] = ()

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


def _month(text: str | None) -> date | None:
    return date.fromisoformat(f"{text}-01") if text else None


def _required_month(text: str) -> date:
    return date.fromisoformat(f"{text}-01")


def _datetime(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def parse_catalogue(data: Mapping[str, Any]) -> StatisticsCatalogue:
    return StatisticsCatalogue(
        measures=tuple(
            StatisticsMeasure(code=item["code"], kind=item["kind"], counts=item["counts"])
            for item in data["measures"]
        ),
        first_month=_month(data.get("first_month")),
        last_month=_month(data.get("last_month")),
        computed_at=_datetime(data.get("computed_at")),
        min_persons=int(data["min_persons"]),
    )


def parse_table(data: Mapping[str, Any]) -> StatisticsTable:
    return StatisticsTable(
        measure=data["measure"],
        from_month=_required_month(data["from_month"]),
        to_month=_required_month(data["to_month"]),
        areas=tuple((area["kind"], area["code"]) for area in data["areas"]),
        figures=tuple(
            Figure(
                month=_required_month(item["month"]),
                area_kind=item["area_kind"],
                area_code=item["area_code"],
                contact_group=item.get("contact_group"),
                value=item.get("value"),
                persons=item.get("persons"),
                suppressed=bool(item["suppressed"]),
                revised=bool(item.get("revised")),
            )
            for item in data["figures"]
        ),
        breakdowns=tuple(
            BreakdownFigure(
                month=_required_month(item["month"]),
                area_kind=item["area_kind"],
                area_code=item["area_code"],
                breakdown=item["breakdown"],
                category=item["category"],
                value=item.get("value"),
                persons=item.get("persons"),
                suppressed=bool(item["suppressed"]),
                revised=bool(item.get("revised")),
            )
            for item in data.get("breakdowns", ())
        ),
        populations=tuple(
            Population(
                area_kind=item["area_kind"],
                area_code=item["area_code"],
                inhabitants_16_66=item.get("inhabitants_16_66"),
                source=item.get("source"),
            )
            for item in data.get("populations", ())
        ),
        revisions=tuple(
            FigureRevision(
                month=_required_month(item["month"]),
                revision=int(item["revision"]),
                revised_at=datetime.fromisoformat(item["revised_at"]),
            )
            for item in data["revisions"]
        ),
        min_persons=int(data["min_persons"]),
    )


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
        return dict(self._request("GET", "/statistics/measures"))

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
        return dict(self._request("GET", "/statistics", params=params))
