"""DFDG's last answers for the pages that only show data (My Plan, the job log, the CV, the
public statistics), for while DFDG cannot be reached.

Each answer DFDG gives such a page is kept in the web store (`known_answers`), keyed by whose
it is and what it is: a person's own pages keep theirs under their person id, and only a page
of that same person reads it back; the public statistics keep the last answer per query under
PUBLIC. While DFDG is away the page shows the kept answer and says from when
(`g.dfdg_known_at`, as `last_known` does for the status). Only a citizen's own views are kept
and shown: a caseworker acting for them asks DFDG, as before.

An answer is written only when it changed or the kept one is old, so a page view costs no
write; rows not renewed for KNOWN_ANSWERS_RETENTION_DAYS are purged by the housekeeping.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from flask import current_app, g
from flask_login import current_user
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from jobnet.clients.dfdg_client.errors import DfdgUnavailable
from jobnet.db import Store
from jobnet.web.journeys import last_known
from jobnet.web.platform.sessions import as_utc, utcnow
from jobnet.web.store.models import KnownAnswer

PUBLIC = "public"  # the owner of answers that are no one's (the public statistics)
_MAX_REMEMBERED = 10_000
MAX_PUBLIC_ANSWERS = 2000  # statistics queries kept at most (the newest)
WRITTEN_KEY = "known_answers_written"  # (owner, kind) -> (digest kept, when written here)

Answer = dict[str, Any]


def _store() -> Store:
    return current_app.extensions["web_store"]


def query_kind(prefix: str, query: object) -> str:
    """A kind for one query's answer: the prefix and a hash of the query."""
    digest = hashlib.sha256(json.dumps(query, sort_keys=True, default=str).encode()).hexdigest()
    return f"{prefix}:{digest[:40]}"


def own_answer(person_id: str, kind: str, fetch: Callable[[], Answer]) -> Answer:
    """`fetch`'s answer about `person_id`; kept, and shown while DFDG is away, only when the
    person asks for their own (a citizen, not a caseworker acting for them)."""
    own = current_user.is_authenticated and current_user.is_citizen
    if not own or str(current_user.id) != person_id:
        return fetch()
    return known_answer(person_id, kind, fetch)


def known_answer(owner: str, kind: str, fetch: Callable[[], Answer]) -> Answer:
    """DFDG's answer (kept for later); while DFDG cannot be reached, the last one kept, and
    `g.dfdg_known_at` says from when. Raises DfdgUnavailable when nothing is kept."""
    try:
        answer = last_known.ask_dfdg(fetch)
    except DfdgUnavailable:
        with _store().read() as db:
            row = db.execute(
                select(KnownAnswer.answer, KnownAnswer.answered_at).where(
                    KnownAnswer.owner == owner, KnownAnswer.kind == kind
                )
            ).first()
        if row is None:
            raise
        g.dfdg_known_at = as_utc(row.answered_at)
        return dict(row.answer)
    _remember(owner, kind, answer)
    return answer


def _remember(owner: str, kind: str, answer: Answer) -> None:
    digest = hashlib.sha256(json.dumps(answer, sort_keys=True, default=str).encode()).hexdigest()
    written_here: dict[tuple[str, str], tuple[str, float]] = current_app.extensions.setdefault(
        WRITTEN_KEY, {}
    )
    written = written_here.get((owner, kind))
    if (
        written
        and written[0] == digest
        and time.monotonic() - written[1] < last_known.REWRITE_SECONDS
    ):
        return
    values = {"answer": answer, "answered_at": utcnow()}
    store = _store()
    for _attempt in range(2):
        with store.session() as db:
            changed = db.execute(
                update(KnownAnswer)
                .where(KnownAnswer.owner == owner, KnownAnswer.kind == kind)
                .values(**values)
            )
            if changed.rowcount:  # type: ignore[attr-defined]
                break
        try:
            with store.session() as db:
                db.add(KnownAnswer(owner=owner, kind=kind, **values))
            break
        except IntegrityError:
            continue  # another request inserted it meanwhile: update that one
    if len(written_here) >= _MAX_REMEMBERED:
        written_here.clear()
    written_here[(owner, kind)] = (digest, time.monotonic())


def purge_old(store: Store, days: float, public_max: int = MAX_PUBLIC_ANSWERS) -> int:
    """Delete the answers not renewed for `days`, and the oldest public ones beyond
    `public_max` (one a statistics query: many distinct queries must not grow the table
    without end); returns how many."""
    with store.session() as db:
        old = db.execute(
            delete(KnownAnswer).where(KnownAnswer.answered_at < utcnow() - timedelta(days=days))
        )
        purged = int(old.rowcount or 0)  # type: ignore[attr-defined]
        newest_kept = (
            select(KnownAnswer.kind)
            .where(KnownAnswer.owner == PUBLIC)
            .order_by(KnownAnswer.answered_at.desc())
            .limit(public_max)
        )
        beyond = db.execute(
            delete(KnownAnswer).where(
                KnownAnswer.owner == PUBLIC, KnownAnswer.kind.not_in(newest_kept.scalar_subquery())
            )
        )
        return purged + int(beyond.rowcount or 0)  # type: ignore[attr-defined]
