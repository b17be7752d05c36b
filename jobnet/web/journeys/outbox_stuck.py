"""Commands set aside: DFDG answered them with 5xx time after time (or they grew too old).

The outbox stops retrying such a command (`outbox.SET_ASIDE`), so the person's later commands go
on; the person sees "we could not register this; the job centre has been told" on the receipt
and Min side. An operator lists them and retries or cancels each (`flask outbox stuck`), and the
caseworkers of the person's job centre see them on their own page (`web.jobcentre.citizens`).
A retried command goes back in line; a cancelled one is never sent.
"""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select, update

from jobnet.db import Store
from jobnet.web.journeys import outbox
from jobnet.web.platform.sessions import utcnow
from jobnet.web.store.models import OutboxCommand


def set_aside(store: Store, limit: int = 200) -> list[OutboxCommand]:
    """Commands set aside, oldest first."""
    with store.read() as db:
        return list(
            db.scalars(
                select(OutboxCommand)
                .where(OutboxCommand.status == outbox.SET_ASIDE)
                .order_by(OutboxCommand.created_at, OutboxCommand.id)
                .limit(limit)
            )
        )


def retry(store: Store, reference: str) -> bool:
    """Put a set-aside command back in line, due now, its attempts counted afresh (one set aside
    for its age is set aside again at its next failure); False if none has `reference`."""
    with store.session() as db:
        changed = db.execute(
            update(OutboxCommand)
            .where(OutboxCommand.reference == reference, OutboxCommand.status == outbox.SET_ASIDE)
            .values(
                status=outbox.RECEIVED,
                attempts=0,
                next_attempt_at=utcnow(),
                lease_until=None,
            )
        )
        return bool(changed.rowcount)  # type: ignore[attr-defined]


def cancel(store: Store, reference: str) -> bool:
    """Never send a set-aside command; False if none has `reference`."""
    with store.session() as db:
        changed = db.execute(
            update(OutboxCommand)
            .where(OutboxCommand.reference == reference, OutboxCommand.status == outbox.SET_ASIDE)
            .values(status=outbox.CANCELLED, lease_until=None)
        )
        return bool(changed.rowcount)  # type: ignore[attr-defined]


@click.command("stuck")
@with_appcontext
@click.option("--retry", "to_retry", multiple=True, help="Put this reference back in line.")
@click.option("--cancel", "to_cancel", multiple=True, help="Never send this reference.")
def stuck_command(to_retry: tuple[str, ...], to_cancel: tuple[str, ...]) -> None:
    """List commands set aside (DFDG kept answering 5xx), or retry or cancel them."""
    store: Store = current_app.extensions["web_store"]
    for reference in to_retry:
        done = retry(store, reference)
        click.echo(f"{reference}: {'back in line' if done else 'not set aside, nothing done'}")
    for reference in to_cancel:
        done = cancel(store, reference)
        click.echo(f"{reference}: {'cancelled' if done else 'not set aside, nothing done'}")
    if to_retry or to_cancel:
        return
    found = set_aside(store)
    if not found:
        click.echo("outbox: no commands set aside")
        return
    click.echo("reference     kind                   person id         attempts  last error")
    for command in found:
        click.echo(
            f"{command.reference:<13} {command.kind:<22} {command.person_id:<17} "
            f"{command.attempts:>8}  {command.last_error or ''}"
        )
