"""The DFDG JSON API under /api/v1.

Route modules register themselves on `api` (see `jobnet.dfdg.api.blueprint`); importing them
here is what puts them on the blueprint.
"""

from jobnet.dfdg.api import (  # noqa: F401  (registers routes)
    absences,
    booking,
    booking_changes,
    booking_slots,
    cannot_come,
    cv,
    cv_sections,
    duties,
    duty_overview,
    fund_events,
    fund_feed,
    fund_statistics,
    insight,
    interviews,
    joblog,
    joblog_copies,
    letters,
    messages,
    messages_jobcentre,
    meta,
    notices,
    organisations,
    persons,
    plans,
    registrations,
    statistics,
    status,
    summons,
    summons_reads,
)
from jobnet.dfdg.api.blueprint import URL_PREFIX, api, bp

__all__ = ["URL_PREFIX", "api", "bp"]
