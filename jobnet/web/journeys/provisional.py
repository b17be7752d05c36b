"""A person the web app has never seen who logs in while DFDG is away (issue 26).

Only DFDG can say which person id a CPR number has, but MitID has said who the person is, and
that is enough to let them in: they get a provisional person id (`ny-` and a keyed hash of
the CPR number, so a second login finds the same one), and their identity from MitID is kept,
encrypted under SECRET_KEY, in the web store (`known_answers`, owner the provisional id, kind
`identity`). Their reports go into the outbox under the provisional id with a receipt, like
anyone's. When DFDG is back, the first of the outbox worker or the person's next request
resolves the person at DFDG (as a login does: look up, else create from the claims), moves
their commands over to the real person id (and their notification choices:
`jobnet.web.notifications.moved`), keeps who the CPR number is (`known_persons`), and
deletes the encrypted identity. DFDG's rules decide each report then.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
from typing import Any
from urllib.parse import quote

from cryptography.fernet import Fernet, InvalidToken
from flask import current_app
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from jobnet.clients.dfdg_client.client import DfdgClient
from jobnet.clients.dfdg_client.errors import DfdgError
from jobnet.clients.dfdg_client.values import Actor
from jobnet.db import Store
from jobnet.domain.clock import today_in_denmark
from jobnet.web.journeys import last_known
from jobnet.web.notifications import moved as notification_moves
from jobnet.web.notifications.choices import CITIZEN, subject_of
from jobnet.web.platform import login_log
from jobnet.web.platform.sessions import utcnow
from jobnet.web.store.models import KnownAnswer, KnownPerson, OutboxCommand

log = logging.getLogger(__name__)

PREFIX = "ny-"  # never the start of a DFDG person id (a UUID)
IDENTITY = "identity"  # the kind of the kept (encrypted) identity
RESOLVED = "resolved"  # the kind that says which real person id a provisional one became


def is_provisional(person_id: str | None) -> bool:
    return bool(person_id) and str(person_id).startswith(PREFIX)


def provisional_id(cpr: str) -> str:
    return PREFIX + last_known.cpr_digest(cpr)[:40]


def blank_status(person_id: str, name: str) -> dict[str, Any]:
    """A status answer that knows nothing but the person's name and today."""
    return {
        "person_id": person_id,
        "given_name": name,
        "family_name": "",
        "today": today_in_denmark().isoformat(),
    }


def _fernet() -> Fernet:
    secret = str(current_app.config["SECRET_KEY"]).encode()
    key = hashlib.sha256(b"jobnet provisional identity\0" + secret).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def _store() -> Store:
    return current_app.extensions["web_store"]


def _upsert(store: Store, owner: str, kind: str, answer: dict[str, Any]) -> None:
    try:
        with store.session() as db:
            row = db.get(KnownAnswer, (owner, kind))
            if row is None:
                db.add(KnownAnswer(owner=owner, kind=kind, answer=answer, answered_at=utcnow()))
            else:
                row.answer, row.answered_at = answer, utcnow()
    except IntegrityError:
        pass  # a login of the same person at the same moment kept it


def begin(
    cpr: str, name: str, given_name: str, family_name: str, level: str | None, auth_time: int
) -> str:
    """The provisional person id for someone logging in while DFDG is away, their identity
    kept (encrypted) until DFDG is back."""
    person_id = provisional_id(cpr)
    identity = {
        "cpr": cpr,
        "name": name,
        "given_name": given_name,
        "family_name": family_name,
        "level": level,
        "auth_time": auth_time,
    }
    sealed = _fernet().encrypt(json.dumps(identity).encode()).decode()
    _upsert(_store(), person_id, IDENTITY, {"sealed": sealed})
    return person_id


def _kept(store: Store, person_id: str, kind: str) -> dict[str, Any] | None:
    with store.read() as db:
        row = db.get(KnownAnswer, (person_id, kind))
        return dict(row.answer) if row is not None else None


def resolved(person_id: str) -> str | None:
    """The real person id a provisional one became, if it has."""
    kept = _kept(_store(), person_id, RESOLVED)
    return str(kept["person_id"]) if kept else None


def resolve(client: DfdgClient, person_id: str) -> str | None:
    """The real person id for a provisional one, asking DFDG (look up, else create, as a login
    does) and moving the person's commands over; None if nothing is kept for it. Raises
    DfdgError when DFDG cannot answer."""
    store = _store()
    if (done := resolved(person_id)) is not None:
        return done
    kept = _kept(store, person_id, IDENTITY)
    if kept is None:
        return None
    try:
        identity = json.loads(_fernet().decrypt(kept["sealed"].encode()))
    except (InvalidToken, KeyError, ValueError):
        log.warning("a provisional identity could not be read (SECRET_KEY changed?)")
        return None
    actor = Actor(
        type="citizen",
        name=identity["name"],
        channel="web",
        auth_time=identity.get("auth_time"),
        level=identity.get("level"),
    )
    real = client.lookup_person(identity["cpr"], actor)
    if real is None:
        key = hmac.new(b"ensure", person_id.encode(), hashlib.sha256).hexdigest()[:40]
        real = client.ensure_person(
            cpr=identity["cpr"],
            given_name=identity["given_name"] or identity["name"],
            family_name=identity["family_name"] or "",
            actor=actor,
            idempotency_key=key,
        ).person_id
    _adopt(store, person_id, real)
    last_known.remember_login(identity["cpr"], real, identity["name"])
    log.info("a person first seen while DFDG was away is now resolved")
    return real


def moved(command: OutboxCommand, provisional: str, real: str) -> None:
    """The command as made by and for `real` instead of the provisional id."""
    command.person_id = real
    old, new = f"/persons/{quote(provisional, safe='')}/", f"/persons/{quote(real, safe='')}/"
    if command.path.startswith(old):
        command.path = new + command.path[len(old) :]
    if command.actor.get("id") == provisional:
        command.actor = {**command.actor, "id": real}


def _adopt(store: Store, provisional: str, real: str) -> None:
    with store.session() as db:
        for command in db.scalars(
            select(OutboxCommand).where(OutboxCommand.person_id == provisional)
        ):
            moved(command, provisional, real)
        # How they chose to be told, with the addresses they confirmed, goes with them.
        notification_moves.move_subject(
            db, subject_of(CITIZEN, provisional), subject_of(CITIZEN, real)
        )
        login_log.move_subject(db, subject_of(CITIZEN, provisional), subject_of(CITIZEN, real))
        db.execute(delete(KnownPerson).where(KnownPerson.person_id == provisional))
        db.execute(
            delete(KnownAnswer).where(
                KnownAnswer.owner == provisional, KnownAnswer.kind != RESOLVED
            )
        )
        existing = db.get(KnownAnswer, (provisional, RESOLVED))
        if existing is None:
            db.add(
                KnownAnswer(
                    owner=provisional,
                    kind=RESOLVED,
                    answer={"person_id": real},
                    answered_at=utcnow(),
                )
            )


def before_sending(
    store: Store, client: DfdgClient, command: OutboxCommand
) -> tuple[str, Any] | None:
    """For the outbox: a command made under a provisional id is moved to the real one first;
    None when it may be sent, else the outcome to apply (DFDG not reached: retry later)."""
    if not is_provisional(command.person_id):
        return None
    provisional = command.person_id
    try:
        real = resolve(client, provisional)
    except DfdgError as error:
        return "retry", error
    if real is None:
        # Nothing can say who it is (its identity was lost): set aside after a few tries.
        return "retry", DfdgError("nothing is kept of the person", status=500)
    moved(command, provisional, real)
    return None
