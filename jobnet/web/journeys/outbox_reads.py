"""What the pages read of the outbox: a receipt by its reference, a person's latest commands and
those still on their way (Min side, the journeys, the caseworker's view). Writing and delivering
commands is `outbox.py`'s."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import BindParameter, Select, bindparam, or_, select

from jobnet.db import Store, retry_on_disconnect
from jobnet.web.journeys.outbox import RECEIVED
from jobnet.web.store.models import OutboxCommand

# Built once, like the other statements a page runs on every view: every receipt is found by
# its reference.
_BY_REFERENCE = select(OutboxCommand).where(
    OutboxCommand.reference == bindparam("reference"),
    OutboxCommand.person_id == bindparam("person_id"),
)


def find(store: Store, reference: str, person_id: str) -> OutboxCommand | None:
    """A person's command by reference; None for anyone else's."""

    def read() -> OutboxCommand | None:
        with store.read() as db:
            return db.scalar(_BY_REFERENCE, {"reference": reference, "person_id": person_id})

    return retry_on_disconnect(read)


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

    def read() -> list[OutboxCommand]:
        with store.read() as db:
            return list(db.scalars(_OVERVIEW, {"person_id": person_id, "latest": latest}))

    found = retry_on_disconnect(read)
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
