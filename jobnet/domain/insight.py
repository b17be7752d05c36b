"""The right of access (GDPR art. 15): the answer deadline and how far back the access log goes.

A request for access is answered "without undue delay and in any event within one month of
receipt". One month is counted as the same day in the next month; when that month is shorter
(31 January, 29 February in the year after), the deadline is the last day of that month.
"""

from __future__ import annotations

import calendar
from datetime import date

ANSWER_WITHIN_MONTHS = 1
AUDIT_LOG_YEARS_BACK = 2
NOTE_MAX_LENGTH = 2000
# A request sent through an outbox may reach DFDG later than the citizen sent it; it keeps the
# day it was received, within this many days.
RECEIVED_MAX_DAYS_BACK = 30


def add_months(day: date, months: int) -> date:
    """The same day `months` months later (earlier when negative), clamped to the month's end."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def answer_deadline(received_on: date) -> date:
    """The last day to answer a request for access received on `received_on`."""
    return add_months(received_on, ANSWER_WITHIN_MONTHS)


def received_on_problem(received_on: date, today: date) -> str | None:
    """Why `received_on` cannot be a request's day of receipt, or None."""
    if received_on > today:
        return "in_the_future"
    if (today - received_on).days > RECEIVED_MAX_DAYS_BACK:
        return "too_far_back"
    return None


def audit_log_oldest_day(today: date) -> date:
    """The first day the person's access log is shown from: two years back."""
    return add_months(today, -12 * AUDIT_LOG_YEARS_BACK)
