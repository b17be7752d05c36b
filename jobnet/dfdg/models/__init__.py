"""DFDG's tables, one module an area. Importing the package puts every table on `Base.metadata`,
which Alembic and the tests compare with the migrations."""

from jobnet.dfdg.models import (  # noqa: F401
    audit,
    booking,
    cv,
    fund_events,
    funds,
    insight,
    interviews,
    joblog_copies,
    limits,
    messages,
    notices,
    persons,
    plans,
    registrations,
    statistics,
    summons,
)
