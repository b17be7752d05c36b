"""Time in DFDG: timestamps are stored in UTC; days are Danish days (Europe/Copenhagen)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

DANISH_TIME = ZoneInfo("Europe/Copenhagen")


def today() -> date:
    """Today's date in Denmark."""
    return datetime.now(DANISH_TIME).date()


def start_of_day(day: date) -> datetime:
    """The UTC instant a Danish day begins."""
    return datetime.combine(day, time.min, tzinfo=DANISH_TIME).astimezone(UTC)


def end_of_day(day: date) -> datetime:
    """The UTC instant the next Danish day begins (exclusive end of `day`)."""
    return start_of_day(day + timedelta(days=1))
