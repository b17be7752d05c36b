"""A summons' time as a caseworker types it: a Danish day and a clock time "HH:MM" in
Europe/Copenhagen, made into an aware instant. Pure functions: no Flask, no database."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time

from jobnet.domain.clock import DANISH_TIME, today_in_denmark

_CLOCK = re.compile(r"([01]?[0-9]|2[0-3])[:.]([0-5][0-9])")
_PINNED_TIME_OF_DAY = time(12, 0)


def parse_clock(text: str | None) -> time | None:
    """ "9:30", "09:30" or "09.30" as a time of day; None when it is not one."""
    match = _CLOCK.fullmatch((text or "").strip())
    return time(int(match.group(1)), int(match.group(2))) if match else None


def danish_instant(day: date, clock: time) -> datetime | None:
    """The instant of `clock` on `day` in Danish time; None for a time that does not exist
    (the hour skipped when summer time begins). An hour that happens twice is its first."""
    local = datetime.combine(day, clock, tzinfo=DANISH_TIME)
    back = local.astimezone(UTC).astimezone(DANISH_TIME)
    if (back.date(), back.time()) != (day, clock):
        return None
    return local


def moment_for(today: date, real_now: datetime) -> datetime:
    """ "Now" for a given Danish today: the real now, or noon of a pinned day (as DFDG does)."""
    if today_in_denmark(real_now) == today:
        return real_now
    return datetime.combine(today, _PINNED_TIME_OF_DAY, tzinfo=DANISH_TIME).astimezone(UTC)


def repeated_hour(instant: datetime) -> int | None:
    """For an instant in the hour that happens twice when summer time ends: 1 for its first
    occurrence (still summer time), 2 for the second (winter time); None for any other time,
    which is unambiguous as a Danish clock time."""
    local = instant.astimezone(DANISH_TIME)
    other = local.replace(fold=1 - local.fold)
    if other.utcoffset() == local.utcoffset():
        return None
    return 2 if local.fold else 1
