"""The audit helper every read and write of person data calls (same transaction as the work)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from jobnet.dfdg.actor import current_actor
from jobnet.dfdg.context import current_system
from jobnet.dfdg.queries import audit as audit_queries

OK = "ok"
NOT_FOUND = "not_found"
DENIED = "denied"


def record_access(
    session: Session, action: str, *, person_id: str | None, outcome: str = OK
) -> None:
    """Log `action` on a person by the request's actor and connected system.

    Unknown persons are logged with person_id None: a CPR number is never written here. The
    entry is inserted at once (not at the next flush), so it is in the database before the
    view's later statements; it is committed or rolled back with them.
    """
    actor = current_actor()
    entry = {
        "person_id": person_id,
        "actor_type": actor.type,
        "actor_id": actor.id,
        "actor_name": actor.name,
        "organisation": actor.organisation,
        "on_behalf_of": actor.on_behalf_of,
        "purpose": actor.purpose,
        "action": action,
        "channel": actor.channel,
        "system": current_system(),
        "outcome": outcome,
    }
    audit_queries.add_entry(session, entry)
