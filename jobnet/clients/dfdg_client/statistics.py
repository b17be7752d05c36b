"""DFDG's public statistics as the web app sees them, and the cache of the published figures."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
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

    def figure(
        self, month: date, area: tuple[str, str], contact_group: int | None = ALL_GROUPS
    ) -> Figure | None:
        for item in self.figures:
            if (
                item.month == month
                and (item.area_kind, item.area_code) == area
                and item.contact_group == contact_group
            ):
                return item
        return None

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
            )
            for item in data["figures"]
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

    def get(self, key: Hashable, fetch: Callable[[], T]) -> T:
        if self.seconds <= 0:
            return fetch()
        now = self._clock()
        with self._lock:
            kept = self._kept.get(key)
        if kept is not None and now - kept[0] < self.seconds:
            return kept[1]
        value = fetch()
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
        return parse_catalogue(self._request("GET", "/statistics/measures"))

    def statistics(
        self,
        measure: str,
        month_from: date | None = None,
        month_to: date | None = None,
        municipality: str | None = None,
    ) -> StatisticsTable:
        """Published monthly figures (suppressed ones without a value)."""
        params = statistics_params(measure, month_from, month_to, municipality)
        return parse_table(self._request("GET", "/statistics", params=params))
