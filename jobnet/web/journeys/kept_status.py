"""The person's situation as a journey's pages see it: DFDG's status kept in the journey's draft
for a short while, or what the web app last knew while DFDG is away, plus the person's commands
still on their way."""

from __future__ import annotations

import time
from typing import Any, overload

from flask import current_app, g, session
from flask_login import current_user

from jobnet.clients.dfdg_client.errors import DfdgUnavailable
from jobnet.clients.dfdg_client.status import PersonStatus, parse_status
from jobnet.db import Store
from jobnet.web.auth.users import current_actor, subject_person_id
from jobnet.web.journeys import last_known, outbox_reads, provisional
from jobnet.web.journeys.situation import JOURNEY_KINDS, Situation, from_status, pending_changes

DRAFTS_KEY = "drafts"
KEPT_STATUS_KEY = "status"


def web_store() -> Store:
    return current_app.extensions["web_store"]


@overload
def current_situation(keep_in: dict[str, Any] | None = None) -> Situation: ...


@overload
def current_situation(keep_in: dict[str, Any] | None, *, offline: bool) -> Situation | None: ...


def current_situation(
    keep_in: dict[str, Any] | None = None, *, offline: bool = False
) -> Situation | None:
    """DFDG's status for the person, plus their commands still on the way to DFDG.

    With `keep_in` (a journey's draft) the status is kept there, and one DFDG gave less than
    JOURNEY_STATUS_SECONDS ago is used again: the question and check pages of a journey need
    not ask DFDG each time (DFDG checks every command at delivery in any case). While DFDG
    cannot be reached, the status the web app last knew is used (`last_known`). `offline`
    asks DFDG nothing (the send, which stores before any call): the kept status of any age,
    else the last known, else None. The commands on their way are always read afresh."""
    person_id = subject_person_id()
    assert person_id is not None
    if provisional.is_provisional(person_id):
        return _unknown(person_id)
    status = _kept_status(keep_in, person_id) if keep_in is not None else None
    if status is None and offline and keep_in is not None:
        status = _kept_status(keep_in, person_id, any_age=True)
    if status is None and offline:
        known = last_known.last_status(person_id)
        if known is None:
            return None
        status = parse_status(known.answer)
    if status is None:
        try:
            answer = last_known.status_answer(person_id, current_actor())
        except DfdgUnavailable:
            if not current_user.is_citizen:
                raise  # a caseworker acts on what DFDG says, or is told it is away
            return _unknown(person_id)  # nothing known: the journeys that need no status
        status = parse_status(answer)
        fresh_answer = last_known.known_at() is None  # not what was known before an outage
        if fresh_answer and keep_in is not None and current_app.config["JOURNEY_STATUS_SECONDS"]:
            keep_in[KEPT_STATUS_KEY] = {"at": time.time(), "answer": answer}
            session.modified = True
    pending = outbox_reads.pending_for_person(web_store(), person_id, JOURNEY_KINDS)
    return from_status(status, pending_changes(pending))


def _unknown(person_id: str) -> Situation:
    """The situation of someone whose status the web app does not know while DFDG is away
    (never seen: `provisional`, or never kept): nothing but their reports on their way."""
    g.dfdg_status_unknown = True
    status = parse_status(provisional.blank_status(person_id, str(current_user.name)))
    pending = outbox_reads.pending_for_person(web_store(), person_id, JOURNEY_KINDS)
    situation = from_status(status, pending_changes(pending))
    situation.unknown = True
    return situation


def _kept_status(
    draft: dict[str, Any], person_id: str, *, any_age: bool = False
) -> PersonStatus | None:
    kept = draft.get(KEPT_STATUS_KEY)
    if not kept or kept["answer"].get("person_id") != person_id:
        return None
    age = time.time() - kept["at"]
    if not any_age and not 0 <= age < current_app.config["JOURNEY_STATUS_SECONDS"]:
        return None
    return parse_status(kept["answer"])


def forget_kept_statuses() -> None:
    """After a command is sent, every journey of this session asks DFDG again: the status kept
    for them does not have what was just delivered."""
    for draft in session.get(DRAFTS_KEY, {}).values():
        if draft.pop(KEPT_STATUS_KEY, None) is not None:
            session.modified = True
