"""Write-through with an outbox: every citizen or caseworker command reaches DFDG exactly once.

`record()` stores the command (the receipt) in the web store; `deliver()` sends it at once; if
DFDG is down, slow or answers 5xx the command stays `received` and a worker retries it with
back-off. DFDG answers a repeated idempotency key with its first answer, so a retry after DFDG
wrote but before we heard back never registers twice. Claiming a command is a conditional UPDATE
of its lease (the same on SQLite and PostgreSQL), so several workers can run at once.
"""

from __future__ import annotations

import logging
import random
import secrets
import time
from dataclasses import asdict
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from sqlalchemy import bindparam, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from jobnet.clients.dfdg_client.client import DfdgClient
from jobnet.clients.dfdg_client.errors import DfdgError, DfdgForbidden, DfdgNotFound, DfdgRejected
from jobnet.clients.dfdg_client.messages import without_contents
from jobnet.clients.dfdg_client.values import Actor
from jobnet.db import Store, retry_on_disconnect
from jobnet.web.journeys import provisional
from jobnet.web.platform.sessions import as_utc, utcnow
from jobnet.web.store.models import OutboxCommand

log = logging.getLogger(__name__)

RECEIVED = "received"
REGISTERED = "registered"
REJECTED = "rejected"
# DFDG answered this command with 5xx again and again (or it is very old): retrying it blocks
# nothing any more, an operator or the job centre looks at it (`jobnet.web.journeys.outbox_stuck`).
SET_ASIDE = "set_aside"
CANCELLED = "cancelled"  # set aside, then cancelled by an operator: never sent

LEASE = timedelta(seconds=60)
MAX_BACKOFF_SECONDS = 30 * 60
# A command DFDG answered with 5xx this many times is set aside (about 2 hours of back-off);
# one DFDG did not answer at all (down, hung) waits on, unless it is older than SET_ASIDE_AGE.
SET_ASIDE_ATTEMPTS = 10
SET_ASIDE_AGE = timedelta(days=3)
_REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
# Less than this left of a send's budget is not worth a call to DFDG: the worker sends it.
MIN_DELIVERY_SECONDS = 0.05
AWAY_STATUSES = (429, 502, 503, 504)  # a front's answers for a DFDG away: they end a round


def new_reference() -> str:
    """A short reference a person can read aloud on the phone, e.g. JN-4F7K-Q2XM."""
    chars = "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(8))
    return f"JN-{chars[:4]}-{chars[4:]}"


def new_idempotency_key() -> str:
    return secrets.token_urlsafe(24)


def backoff(attempts: int) -> timedelta:
    """15 s, 30 s, 1 min, 2 min … at most 30 min, with a little jitter so retries spread out."""
    seconds = min(15 * 2 ** max(attempts - 1, 0), MAX_BACKOFF_SECONDS)
    return timedelta(seconds=seconds * random.uniform(0.9, 1.1))


def record(
    store: Store,
    *,
    person_id: str,
    kind: str,
    method: str,
    path: str,
    body: dict[str, Any],
    summary: dict[str, Any],
    actor: Actor,
    idempotency_key: str,
    organisation_name: str | None = None,
    reference: str | None = None,
) -> OutboxCommand:
    """Store a command; the same idempotency key answers the command already stored.

    The key's unique index decides: the insert is tried first (a repeat is rare, and a look
    beforehand would cost every report a transaction), and only a clash is looked up."""
    now = utcnow()

    def insert(reference: str) -> OutboxCommand:
        command = OutboxCommand(
            reference=reference,
            idempotency_key=idempotency_key,
            person_id=person_id,
            kind=kind,
            method=method,
            path=path,
            body=body,
            summary=summary,
            actor={**asdict(actor), "organisation_name": organisation_name},
            status=RECEIVED,
            attempts=0,
            next_attempt_at=now,
            created_at=now,
        )
        with store.session() as db:
            db.add(command)
        return command

    for attempt in range(5):
        chosen = reference if reference and attempt == 0 else new_reference()
        try:
            # A dropped connection is tried once more: the key's unique index keeps it single.
            return retry_on_disconnect(partial(insert, chosen))
        except IntegrityError:
            existing = find_by_key(store, idempotency_key)
            if existing is not None:
                return existing  # a second tab or a double click won the race
    raise RuntimeError("could not find a free reference number")


# Built once, like the other statements a page runs on every view: every send looks its key up.
_BY_KEY = select(OutboxCommand).where(OutboxCommand.idempotency_key == bindparam("key"))


def find_by_key(store: Store, idempotency_key: str) -> OutboxCommand | None:
    def read() -> OutboxCommand | None:
        with store.read() as db:
            return db.scalar(_BY_KEY, {"key": idempotency_key})

    return retry_on_disconnect(read)


_CLAIM = (
    update(OutboxCommand)
    .where(
        OutboxCommand.id == bindparam("command_id"),
        OutboxCommand.status == RECEIVED,
        or_(OutboxCommand.lease_until.is_(None), OutboxCommand.lease_until < bindparam("now")),
    )
    .values(lease_until=bindparam("until"))
    .returning(OutboxCommand)
)


def _claim(db: Session, command_id: int, now: datetime) -> OutboxCommand | None:
    """The command, leased to this process, or None if it is not due or someone holds it."""
    return db.scalar(_CLAIM, {"command_id": command_id, "now": now, "until": now + LEASE})


def deliver(
    store: Store, client: DfdgClient, command_id: int, timeout: float | None = None
) -> OutboxCommand | None:
    """Send one command to DFDG if no one else is sending it; returns it as it now stands.
    `timeout`: the most this call may wait for DFDG (None: the client's own limit)."""
    return _deliver(store, client, command_id, timeout)[0]


def _deliver(
    store: Store, client: DfdgClient, command_id: int, timeout: float | None = None
) -> tuple[OutboxCommand | None, bool]:
    """`deliver`, and whether DFDG was not reached at all (no answer, or its front's)."""
    with store.session() as db:
        command = _claim(db, command_id, utcnow())
        if command is None:
            return db.get(OutboxCommand, command_id), False
    # No transaction is held open while DFDG is called.
    outcome = provisional.before_sending(store, client, command) or _send(client, command, timeout)
    with store.session() as db:
        db.add(command)  # as claimed: the lease keeps everyone else off it meanwhile
        _apply(command, outcome, utcnow())
    status = getattr(outcome[1], "status", None)
    return command, outcome[0] == "retry" and (status is None or status in AWAY_STATUSES)


# Only these answers say something about the command itself; they end its delivery for good.
FINAL_ANSWERS = (DfdgRejected, DfdgForbidden, DfdgNotFound)


def _send(client: DfdgClient, command: OutboxCommand, timeout: float | None) -> tuple[str, Any]:
    try:
        answer = client.send_command(
            command.method,
            command.path,
            command.body,
            actor=_actor(command.actor),
            idempotency_key=command.idempotency_key,
            timeout=timeout,
        )
    except FINAL_ANSWERS as error:
        return "rejected", error
    except DfdgError as error:
        # Anything else is ours or DFDG's to mend, not the citizen's: a 5xx, a timeout, a key
        # still in progress (409), our token refused (401), rate limiting (429). Keep it and
        # try again; the idempotency key makes a retry after a lost answer harmless.
        return "retry", error
    return "registered", answer


def _actor(stored: dict[str, Any]) -> Actor:
    fields: dict[str, Any] = {
        name: stored.get(name) for name in Actor.__dataclass_fields__ if name in stored
    }
    return Actor(**fields)


def _apply(command: OutboxCommand, outcome: tuple[str, Any], now: datetime) -> None:
    kind, detail = outcome
    command.attempts += 1
    command.lease_until = None
    if kind in ("registered", "rejected"):
        # Files sent along (a message's attachments) are DFDG's to keep once it has answered.
        command.body = without_contents(command.body)
    if kind == "registered":
        command.status = REGISTERED
        command.result = detail if isinstance(detail, dict) else {}
        command.registered_at = now
        command.last_error = None
    elif kind == "rejected":
        command.status = REJECTED
        command.rejection = _rejection(detail)
        log.info("outbox %s rejected by DFDG (%s)", command.reference, type(detail).__name__)
    else:
        status = getattr(detail, "status", None)
        command.last_error = (type(detail).__name__ + (f" {status}" if status else ""))[:200]
        command.next_attempt_at = now + backoff(command.attempts)
        if _to_set_aside(command, answered=status is not None and status >= 500, now=now):
            command.status = SET_ASIDE
            log.warning(
                "outbox %s set aside after %s attempts", command.reference, command.attempts
            )
        else:
            log.info("outbox %s: DFDG not reached (%s), retry later", command.reference, detail)


def _to_set_aside(command: OutboxCommand, *, answered: bool, now: datetime) -> bool:
    """DFDG answers it with 5xx every time, or it is far too old: stop retrying it, so that the
    person's later commands go on and someone looks at this one."""
    too_old = now - as_utc(command.created_at) > SET_ASIDE_AGE
    return too_old or (answered and command.attempts >= SET_ASIDE_ATTEMPTS)


def _rejection(error: DfdgError) -> dict[str, Any]:
    errors = getattr(error, "errors", None) or []
    return {
        "status": getattr(error, "status", None),
        "code": getattr(error, "code", None) or type(error).__name__,
        "title": getattr(error, "title", None) or str(error),
        "errors": [
            {
                "field": getattr(e, "field", None),
                "code": getattr(e, "code", None),
                "rules": getattr(e, "rules", None),
            }
            for e in errors
        ],
    }


def _earlier_pending_exists() -> Any:
    """A person's commands reach DFDG in the order they were made: a recovery must not
    overtake the sickness report it ends while that one waits for a retry."""
    earlier = aliased(OutboxCommand)
    return (
        select(earlier.id)
        .where(
            earlier.person_id == OutboxCommand.person_id,
            earlier.status == RECEIVED,
            earlier.id < OutboxCommand.id,
        )
        .exists()
    )


def due(store: Store, limit: int = 50) -> list[int]:
    now = utcnow()
    with store.session() as db:
        return list(
            db.scalars(
                select(OutboxCommand.id)
                .where(
                    OutboxCommand.status == RECEIVED,
                    OutboxCommand.next_attempt_at <= now,
                    or_(OutboxCommand.lease_until.is_(None), OutboxCommand.lease_until < now),
                    ~_earlier_pending_exists(),
                )
                .order_by(OutboxCommand.next_attempt_at, OutboxCommand.id)
                .limit(limit)
            )
        )


# Built once: every send runs it.
_WAITING = (
    select(OutboxCommand.id)
    .where(OutboxCommand.person_id == bindparam("person_id"), OutboxCommand.status == RECEIVED)
    .order_by(OutboxCommand.id)
)


def deliver_queue(
    store: Store, client: DfdgClient, person_id: str, budget: float | None = None
) -> None:
    """Deliver a person's waiting commands now, oldest first, stopping at the first one that
    cannot be delivered yet (it will be retried by the worker, and the rest after it).

    `budget`: the most seconds all of it may wait for DFDG; what is left when it runs out is
    the worker's (a send shows its receipt within the budget however DFDG behaves)."""
    deadline = None if budget is None else time.monotonic() + budget
    with store.read() as db:
        waiting = list(db.scalars(_WAITING, {"person_id": person_id}))
    for command_id in waiting:
        left = None if deadline is None else deadline - time.monotonic()
        if left is not None and left < MIN_DELIVERY_SECONDS:
            return
        command = deliver(store, client, command_id, timeout=left)
        if command is None or command.status == RECEIVED:
            return


def deliver_due(store: Store, client: DfdgClient, limit: int = 50) -> int:
    """Deliver every command that is due; returns how many were registered or rejected. The
    round stops at the first DFDG did not answer (the rest, still due, wait for the next round
    rather than each waiting for the same timeout and hammering DFDG as it comes back)."""
    settled = 0
    for command_id in due(store, limit):
        command, unreachable = _deliver(store, client, command_id)
        if command is not None and command.status != RECEIVED:
            settled += 1
        if unreachable:
            break
    return settled


def is_overdue(command: OutboxCommand, now: datetime | None = None) -> bool:
    """Received more than an hour ago and still not registered: worth telling the person."""
    return command.status == RECEIVED and (now or utcnow()) - as_utc(
        command.created_at
    ) > timedelta(hours=1)
