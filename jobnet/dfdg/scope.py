"""Each connected system keeps to what it is registered for (`jobnet.dfdg.systems`).

Checked on every authenticated operation before the view runs, after the actor is verified:
- with an assertion: the system may assert this actor type, a caseworker's organisation is
  one it may act for, and it may read (GET, a lookup) or write in the operation's area;
- without one (the system acting as itself): only the endpoints it is registered for, and
  never a person's whole record.
A refusal is 403 and audited (as a denied access, with the person when the path names a
known one), whatever the access rules would have said.
"""

from __future__ import annotations

from typing import NoReturn

from jobnet.dfdg.actor import ActorContext
from jobnet.dfdg.audit import DENIED, record_access
from jobnet.dfdg.context import connected_system, request_session
from jobnet.dfdg.problems import ProblemError
from jobnet.dfdg.queries import persons as person_queries
from jobnet.domain.codes import ActorType

# POSTs that change nothing (the CPR number travels in the body, not the URL).
READ_POSTS = frozenset({"lookup_person"})
SCOPE_ACTION = "person.access"


def operation_level(method: str, endpoint: str) -> str:
    return "read" if method in {"GET", "HEAD"} or endpoint in READ_POSTS else "write"


def refusal(actor: ActorContext, area: str, level: str, endpoint: str) -> str | None:
    """Why the request's system may not do this, or None when it may."""
    system = connected_system()
    if actor.type == ActorType.SYSTEM:
        if system.may_call_without_actor(endpoint):
            return None
        return "This system may not call this operation without a person acting"
    if not system.may_assert(actor.type):
        return f"This system may not act for a {actor.type}"
    if actor.type == ActorType.CASEWORKER and not system.may_act_for(actor.organisation):
        return "This system may not act for this organisation"
    if not system.may(area, level):
        return f"This system may not {level} {area}"
    return None


def check_scope(
    actor: ActorContext, *, area: str, method: str, endpoint: str, person_id: str | None
) -> None:
    reason = refusal(actor, area, operation_level(method, endpoint), endpoint)
    if reason is not None:
        _refuse(person_id, reason)


def _refuse(person_id: str | None, reason: str) -> NoReturn:
    session = request_session()
    known = person_queries.get(session, person_id) if person_id else None
    record_access(session, SCOPE_ACTION, person_id=known.id if known else None, outcome=DENIED)
    session.commit()
    raise ProblemError(403, "outside-scope", reason)
