"""Dates are Danish dates: "today" is today in Europe/Copenhagen, whatever the server's zone."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

DANISH_TIME = ZoneInfo("Europe/Copenhagen")


def now_utc() -> datetime:
    return datetime.now(UTC)


def today_in_denmark(at: datetime | None = None) -> date:
    return (at or now_utc()).astimezone(DANISH_TIME).date()
