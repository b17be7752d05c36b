"""The web app's own log of logins (leftovers 2): when a citizen or caseworker logged in, at
which assurance level (the ID token's `acr`/level of assurance, as the relying party accepted
it), and for a caseworker their organisation.

Why here and not in DFDG's audit log: DFDG's log is the log of who read or changed a person's
data, and every entry already carries the actor's login time and level (the signed assertion).
A login itself touches no data in DFDG; it is the web app's own security event, and it must
never wait for DFDG nor be lost while DFDG is away (issue 26). So it is written to the web
store, in the login's own request, and a failure to write it is logged and never stops the
login. The citizen sees their recent logins in My data, with what else Jobnet itself holds
(GDPR art. 15); it is kept `LOGINS_KEPT` (storage limitation, art. 5(1)(e)) and then deleted
by the outbox worker's housekeeping.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from jobnet.db import Store
from jobnet.web.store.models import LoginEvent

log = logging.getLogger(__name__)

# A decision of this project: long enough to notice a login that was not one's own.
LOGINS_KEPT = timedelta(days=90)
# My data shows this many, newest first (the download has every one kept).
LOGINS_SHOWN = 20


def _now() -> datetime:
    return datetime.now(UTC)


def _insert(store: Store, event: LoginEvent) -> None:
    with store.session() as session:
        session.add(event)


def record(
    store: Store,
    subject: str,
    level: str,
    *,
    organisation_cvr: str | None = None,
    organisation_name: str | None = None,
    while_dfdg_away: bool = False,
) -> None:
    """Log a login; never raises (a login is never refused for its log)."""
    event = LoginEvent(
        subject=subject,
        at=_now(),
        level=level[:20],
        organisation_cvr=organisation_cvr,
        organisation_name=organisation_name,
        while_dfdg_away=while_dfdg_away,
    )
    try:
        _insert(store, event)
    except SQLAlchemyError:
        log.exception("a login could not be written to the login log")


def _iso(moment: datetime) -> str:
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).isoformat()


def logins_of(store: Store, subject: str, limit: int | None = None) -> list[dict[str, Any]]:
    """The subject's logins kept, newest first, as plain data."""
    query = (
        select(LoginEvent)
        .where(LoginEvent.subject == subject)
        .order_by(LoginEvent.at.desc(), LoginEvent.id.desc())
        .limit(limit)
    )
    with store.read() as session:
        return [
            {
                "at": _iso(row.at),
                "level": row.level,
                "organisation_cvr": row.organisation_cvr,
                "organisation_name": row.organisation_name,
                "while_dfdg_away": row.while_dfdg_away,
            }
            for row in session.scalars(query)
        ]


def move_subject(session: Session, old: str, new: str) -> None:
    """A provisional person's logins become the real person's (`journeys.provisional`)."""
    session.execute(update(LoginEvent).where(LoginEvent.subject == old).values(subject=new))


def purge_old(store: Store, now: datetime | None = None) -> int:
    """Delete logins older than LOGINS_KEPT; how many."""
    moment = now or _now()
    with store.session() as session:
        result = session.execute(delete(LoginEvent).where(LoginEvent.at < moment - LOGINS_KEPT))
        return int(result.rowcount or 0)  # type: ignore[attr-defined]
