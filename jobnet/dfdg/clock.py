"""Time in DFDG: timestamps are stored in UTC; days are Danish days (Europe/Copenhagen).

Every rule that compares with "today" asks `today()`. A testing app may pin the day with the
`DFDG_FIXED_TODAY` setting (a `date` or an ISO date string), so tests can stand on the edges of
the rules (day 0, day 90, day 91) whatever the real date is. Outside a testing app the setting is
ignored: production always uses the real Danish date.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app, has_app_context

from jobnet.domain.clock import today_in_denmark

DANISH_TIME = ZoneInfo("Europe/Copenhagen")
FIXED_TODAY_SETTING = "DFDG_FIXED_TODAY"


def _fixed_today() -> date | None:
    if not has_app_context() or not current_app.testing:
        return None
    value = current_app.config.get(FIXED_TODAY_SETTING)
    if not value:
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def today() -> date:
    """Today's date in Denmark (or the testing app's fixed day)."""
    return _fixed_today() or today_in_denmark()


def start_of_day(day: date) -> datetime:
    """The UTC instant a Danish day begins."""
    return datetime.combine(day, time.min, tzinfo=DANISH_TIME).astimezone(UTC)


def end_of_day(day: date) -> datetime:
    """The UTC instant the next Danish day begins (exclusive end of `day`)."""
    return start_of_day(day + timedelta(days=1))
