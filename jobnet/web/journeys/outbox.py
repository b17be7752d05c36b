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
import threading
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from flask import Flask
from sqlalchemy import BindParameter, Select, bindparam, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from jobnet.clients.dfdg_client.client import DfdgClient
from jobnet.clients.dfdg_client.errors import DfdgError, DfdgForbidden, DfdgNotFound, DfdgRejected
from jobnet.clients.dfdg_client.values import Actor
from jobnet.db import Store
from jobnet.web.platform.sessions import as_utc, utcnow
from jobnet.web.store.models import OutboxCommand

log = logging.getLogger(__name__)

RECEIVED = "received"
REGISTERED = "registered"
REJECTED = "rejected"

LEASE = timedelta(seconds=60)
MAX_BACKOFF_SECONDS = 30 * 60
_REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


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
    for attempt in range(5):
        command = OutboxCommand(
            reference=reference if reference and attempt == 0 else new_reference(),
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
        try:
            with store.session() as db:
                db.add(command)
            return command
        except IntegrityError:
            existing = find_by_key(store, idempotency_key)
            if existing is not None:
                return existing  # a second tab or a double click won the race
    raise RuntimeError("could not find a free reference number")


# Built once, like the other statements a page runs on every view: every send looks its key
# up, and every receipt is found by its reference.
_BY_KEY = select(OutboxCommand).where(OutboxCommand.idempotency_key == bindparam("key"))
_BY_REFERENCE = select(OutboxCommand).where(
    OutboxCommand.reference == bindparam("reference"),
    OutboxCommand.person_id == bindparam("person_id"),
)


def find_by_key(store: Store, idempotency_key: str) -> OutboxCommand | None:
    with store.read() as db:
        return db.scalar(_BY_KEY, {"key": idempotency_key})


def find(store: Store, reference: str, person_id: str) -> OutboxCommand | None:
    """A person's command by reference; None for anyone else's."""
    with store.read() as db:
        return db.scalar(_BY_REFERENCE, {"reference": reference, "person_id": person_id})


_LATEST_TO = (
    select(OutboxCommand)
    .where(
        OutboxCommand.person_id == bindparam("person_id"),
        OutboxCommand.kind == bindparam("kind"),
        OutboxCommand.path == bindparam("path"),
    )
    .order_by(OutboxCommand.created_at.desc(), OutboxCommand.id.desc())
    .limit(1)
)


def latest_to(store: Store, person_id: str, kind: str, path: str) -> OutboxCommand | None:
    """The person's newest command of `kind` sent to `path` (one holiday's cancellation, say),
    whatever became of it."""
    with store.read() as db:
        return db.scalar(_LATEST_TO, {"person_id": person_id, "kind": kind, "path": path})


def for_person(store: Store, person_id: str, limit: int = 50) -> list[OutboxCommand]:
    with store.read() as db:
        return list(
            db.scalars(
                select(OutboxCommand)
                .where(OutboxCommand.person_id == person_id)
                .order_by(OutboxCommand.created_at.desc(), OutboxCommand.id.desc())
                .limit(limit)
            )
        )


@dataclass(frozen=True)
class ReportsOverview:
    """A person's latest commands, and those of the asked-for kinds not yet registered in DFDG."""

    latest: list[OutboxCommand]
    pending: list[OutboxCommand]


def _overview_statement() -> Select[OutboxCommand]:
    person: BindParameter[str] = bindparam("person_id")
    newest_first = (OutboxCommand.created_at.desc(), OutboxCommand.id.desc())
    latest_ids = (
        select(OutboxCommand.id)
        .where(OutboxCommand.person_id == person)
        .order_by(*newest_first)
        .limit(bindparam("latest"))
    )
    return (
        select(OutboxCommand)
        .where(
            OutboxCommand.person_id == person,
            or_(
                OutboxCommand.id.in_(latest_ids.scalar_subquery()),
                OutboxCommand.status == RECEIVED,
            ),
        )
        .order_by(*newest_first)
    )


# Built once: Min side runs it on every view, and building it cost more than running it.
_OVERVIEW = _overview_statement()


def overview_for_person(
    store: Store, person_id: str, *, latest: int, pending_kinds: set[str]
) -> ReportsOverview:
    """What Min side shows of the outbox, in one statement: the `latest` commands and every
    command of `pending_kinds` still on its way (those are nearly always among the latest)."""
    with store.read() as db:
        found = list(db.scalars(_OVERVIEW, {"person_id": person_id, "latest": latest}))
    return ReportsOverview(
        latest=found[:latest],
        pending=[c for c in found if c.status == RECEIVED and c.kind in pending_kinds],
    )


# Built once: every journey page runs it.
_PENDING = select(OutboxCommand).where(
    OutboxCommand.person_id == bindparam("person_id"),
    OutboxCommand.status == RECEIVED,
    OutboxCommand.kind.in_(bindparam("kinds", expanding=True)),
)


def pending_for_person(store: Store, person_id: str, kinds: set[str]) -> list[OutboxCommand]:
    """Commands not yet registered in DFDG, so pages can count them as on their way."""
    with store.read() as db:
        return list(db.scalars(_PENDING, {"person_id": person_id, "kinds": sorted(kinds)}))


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


def deliver(store: Store, client: DfdgClient, command_id: int) -> OutboxCommand | None:
    """Send one command to DFDG if no one else is sending it; returns it as it now stands."""
    with store.session() as db:
        command = _claim(db, command_id, utcnow())
        if command is None:
            return db.get(OutboxCommand, command_id)
    # No transaction is held open while DFDG is called.
    outcome = _send(client, command)
    with store.session() as db:
        db.add(command)  # as claimed: the lease keeps everyone else off it meanwhile
        _apply(command, outcome, utcnow())
    return command


# Only these answers say something about the command itself; they end its delivery for good.
FINAL_ANSWERS = (DfdgRejected, DfdgForbidden, DfdgNotFound)


def _send(client: DfdgClient, command: OutboxCommand) -> tuple[str, Any]:
    try:
        answer = client.send_command(
            command.method,
            command.path,
            command.body,
            actor=_actor(command.actor),
            idempotency_key=command.idempotency_key,
        )
    except FINAL_ANSWERS as error:
        return "rejected", error
    except DfdgError as error:
        # Anything else is ours or DFDG's to mend, not the citizen's: a 5xx, a timeout, a key
        # still in progress (409), our token refused (401), rate limiting (429). Keep it and
        # try again; the idempotency key makes a retry after a lost answer harmless.
        return "retry", type(error).__name__
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
        command.last_error = str(detail)[:200]
        command.next_attempt_at = now + backoff(command.attempts)
        log.info("outbox %s: DFDG not reached (%s), retry later", command.reference, detail)


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


def deliver_queue(store: Store, client: DfdgClient, person_id: str) -> None:
    """Deliver a person's waiting commands now, oldest first, stopping at the first one that
    cannot be delivered yet (it will be retried by the worker, and the rest after it)."""
    with store.read() as db:
        waiting = list(db.scalars(_WAITING, {"person_id": person_id}))
    for command_id in waiting:
        command = deliver(store, client, command_id)
        if command is None or command.status == RECEIVED:
            return


def deliver_due(store: Store, client: DfdgClient, limit: int = 50) -> int:
    """Deliver every command that is due; returns how many were registered or rejected."""
    settled = 0
    for command_id in due(store, limit):
        command = deliver(store, client, command_id)
        if command is not None and command.status != RECEIVED:
            settled += 1
    return settled


def is_overdue(command: OutboxCommand, now: datetime | None = None) -> bool:
    """Received more than an hour ago and still not registered: worth telling the person."""
    return command.status == RECEIVED and (now or utcnow()) - as_utc(
        command.created_at
    ) > timedelta(hours=1)


class Worker(threading.Thread):
    """Delivers due commands every `interval` seconds until stopped."""

    def __init__(self, app: Flask, interval: float = 2.0) -> None:
        super().__init__(name="outbox-worker", daemon=True)
        self.app = app
        self.interval = interval
        self.stopping = threading.Event()

    def run(self) -> None:
        store: Store = self.app.extensions["web_store"]
        client: DfdgClient = self.app.extensions["dfdg_client"]
        while not self.stopping.is_set():
            try:
                with self.app.app_context():
                    deliver_due(store, client)
            except Exception:  # the worker must outlive any one bad round
                log.exception("outbox worker round failed")
            self.stopping.wait(self.interval)

    def stop(self) -> None:
        self.stopping.set()
