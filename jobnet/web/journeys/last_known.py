"""What the web app last knew of a person from DFDG, for while DFDG cannot be reached.

Each status DFDG gives for a person is kept in the web store (`known_persons`), and each login
keeps which person a CPR number is (as a keyed hash, never the number). While DFDG is away, a
login finds the person there, and the journeys and Min side use the last status, saying so
with its time (`g.dfdg_known_at`, shown by `partials/known_notice.html`). DFDG's rules still
decide every command at delivery.

A status is written only when it changed or the kept one is old, so a page view costs no write.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from flask import current_app, g
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.errors import DfdgUnavailable
from jobnet.clients.dfdg_client.values import Actor
from jobnet.db import Store
from jobnet.web.platform.sessions import as_utc, utcnow
from jobnet.web.store.models import KnownPerson

T = TypeVar("T")
# A status the same as the one kept is written again after this long, so its time stays near.
REWRITE_SECONDS = 600.0
_MAX_REMEMBERED = 10_000
# (when DFDG last failed, until when it is taken as away), in the app's monotonic time
AWAY_KEY = "dfdg_away"
WRITTEN_KEY = "last_known_written"  # the app's person id -> (digest kept, when written here)


@dataclass(frozen=True)
class KnownStatus:
    answer: dict[str, Any]
    at: datetime


def cpr_digest(cpr: str) -> str:
    key = str(current_app.config["SECRET_KEY"]).encode()
    return hmac.new(key, cpr.encode(), hashlib.sha256).hexdigest()


def _store() -> Store:
    return current_app.extensions["web_store"]


def _upsert(store: Store, person_id: str, values: dict[str, Any]) -> None:
    values = {**values, "updated_at": utcnow()}
    for _attempt in range(2):
        with store.session() as db:
            changed = db.execute(
                update(KnownPerson).where(KnownPerson.person_id == person_id).values(**values)
            )
            if changed.rowcount:  # type: ignore[attr-defined]
                return
        try:
            with store.session() as db:
                db.add(KnownPerson(person_id=person_id, **{"name": "", **values}))
            return
        except IntegrityError:
            continue  # another request inserted it meanwhile: update that one


def remember_login(cpr: str, person_id: str, name: str) -> None:
    """Keep who this CPR number is, so a login while DFDG is away still finds the person."""
    digest = cpr_digest(cpr)
    store = _store()
    with store.session() as db:  # a person id DFDG gave anew (never happens) frees the hash
        db.execute(
            update(KnownPerson)
            .where(KnownPerson.cpr_digest == digest, KnownPerson.person_id != person_id)
            .values(cpr_digest=None)
        )
    _upsert(store, person_id, {"cpr_digest": digest, "name": name[:200]})


def person_for_login(cpr: str) -> KnownPerson | None:
    with _store().read() as db:
        return db.scalar(select(KnownPerson).where(KnownPerson.cpr_digest == cpr_digest(cpr)))


def remember_status(person_id: str, answer: dict[str, Any]) -> None:
    # DFDG's JSON parsed keeps DFDG's order of keys, the same for the same status, so its repr
    # tells a changed status from the same one (a tenth of the cost of sorted JSON, every view).
    digest = hashlib.sha256(repr(answer).encode()).hexdigest()
    _written: dict[str, tuple[str, float]] = current_app.extensions.setdefault(WRITTEN_KEY, {})
    written = _written.get(person_id)
    if written and written[0] == digest and time.monotonic() - written[1] < REWRITE_SECONDS:
        return
    _upsert(_store(), person_id, {"status": answer, "status_at": utcnow()})
    if len(_written) >= _MAX_REMEMBERED:
        _written.clear()
    _written[person_id] = (digest, time.monotonic())


def last_status(person_id: str) -> KnownStatus | None:
    with _store().read() as db:
        row = db.execute(
            select(KnownPerson.status, KnownPerson.status_at).where(
                KnownPerson.person_id == person_id
            )
        ).first()
    if row is None or row.status is None or row.status_at is None:
        return None
    return KnownStatus(_aged(row.status, as_utc(row.status_at)), as_utc(row.status_at))


def _aged(answer: dict[str, Any], at: datetime) -> dict[str, Any]:
    """The kept answer with DFDG's `today` moved on by the days since it was given."""
    days = (utcnow().date() - at.date()).days
    if days <= 0 or not isinstance(answer.get("today"), str):
        return answer
    today = date.fromordinal(date.fromisoformat(answer["today"]).toordinal() + days)
    return {**answer, "today": today.isoformat()}


def status_answer(person_id: str, actor: Actor) -> dict[str, Any]:
    """DFDG's status answer for the person (kept for later); while DFDG cannot be reached, the
    last one known, and `g.dfdg_known_at` says from when. Raises DfdgUnavailable when DFDG is
    away and nothing is known."""
    try:
        answer = ask_dfdg(lambda: get_dfdg_client().status_answer(person_id, actor))
    except DfdgUnavailable:
        known = last_status(person_id)
        if known is None:
            raise
        g.dfdg_known_at = known.at
        return known.answer
    remember_status(person_id, answer)
    return answer


def ask_dfdg(call: Callable[[], T]) -> T:
    """`call`, unless DFDG failed a moment ago in this process: then DfdgUnavailable at once.

    A hung DFDG holds each call for the client's whole timeout; after one such failure the
    pages use what is known for DFDG_AWAY_SECONDS instead of each waiting again, and the send
    leaves delivery to the worker. The first call after that tries DFDG again, and so does any
    call once another call of this process got an answer from DFDG (a login, say): DFDG back
    is used at once, not up to DFDG_AWAY_SECONDS later."""
    if dfdg_seems_away():
        raise DfdgUnavailable("DFDG failed a moment ago; not asked again yet")
    try:
        return call()
    except DfdgUnavailable:
        seconds = float(current_app.config.get("DFDG_AWAY_SECONDS", 0))
        if seconds > 0:
            now = time.monotonic()
            current_app.extensions[AWAY_KEY] = (now, now + seconds)
        raise


def dfdg_seems_away() -> bool:
    failed_at, until = current_app.extensions.get(AWAY_KEY, (0.0, 0.0))
    if time.monotonic() >= until:
        return False
    return bool(get_dfdg_client().last_answered <= failed_at)


def known_at() -> datetime | None:
    """When what this page shows was last known, if DFDG could not be asked for it."""
    return g.get("dfdg_known_at")
