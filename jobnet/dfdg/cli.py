"""`flask --app jobnet.dfdg:create_dfdg_app dfdg ...` commands."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from jobnet.dfdg.context import current_store
from jobnet.dfdg.demo import load_demo_data

dfdg_cli = AppGroup("dfdg", help="DFDG service commands.")


@dfdg_cli.command("migrate")
def migrate_command() -> None:
    """Bring DFDG's database schema to the newest migration."""
    current_store().upgrade()
    click.echo("DFDG database is at the newest migration.")


@dfdg_cli.command("load-demo")
def load_demo_command() -> None:
    """Load the fictitious demo persons and organisations (safe to run again)."""
    if current_app.config.get("ENV_NAME") == "production":
        raise click.ClickException("demo data is never loaded in production")
    with current_store().session() as session:
        result = load_demo_data(session)
    click.echo(
        f"Demo data loaded: {result.persons_added} persons and "
        f"{result.organisations_added} organisations added."
    )


@dfdg_cli.command("stats-compute")
def stats_compute_command() -> None:
    """Compute the public statistics up to the last complete month; revise changed months."""
    from jobnet.dfdg.stats_compute import compute_in_store, describe

    click.echo(describe(compute_in_store(current_store())))


@dfdg_cli.command("seed-scale")
@click.option("--persons", type=int, default=1_000_000, show_default=True)
@click.option("--records", type=int, default=10_000_000, show_default=True)
def seed_scale_command(persons: int, records: int) -> None:
    """Fill DFDG (PostgreSQL only) with made-up persons and records for scale benchmarks."""
    import time

    from jobnet.dfdg.seed import seed_scale

    if current_app.config.get("ENV_NAME") == "production":
        raise click.ClickException("made-up persons are never seeded in production")
    began = time.monotonic()
    try:
        written = seed_scale(current_store().engine, persons, records, report=click.echo)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    total = sum(written.values())
    click.echo(f"seeded {total:,} rows in {time.monotonic() - began:.0f} s")


@dfdg_cli.command("purge-messages")
def purge_messages_command() -> None:
    """Delete message threads whose retention period (MESSAGE_RETENTION_DAYS) has passed."""
    from jobnet.dfdg.message_retention import purge_expired_messages
    from jobnet.dfdg.models.base import utcnow

    days = int(current_app.config.get("MESSAGE_RETENTION_DAYS", 5 * 365))
    with current_store().session() as session:
        purged = purge_expired_messages(session, utcnow(), days)
    click.echo(f"{purged} message threads older than {days} days deleted.")


@dfdg_cli.command("deliver-fund-events")
@click.option("--timeout", type=float, default=10.0, show_default=True)
def deliver_fund_events_command(timeout: float) -> None:
    """Push due fund events to the funds' webhooks (DFDG_FUND_WEBHOOKS) once."""
    from jobnet.dfdg.worker import deliver_webhooks

    result = deliver_webhooks(current_app._get_current_object(), timeout)  # type: ignore[attr-defined]
    click.echo(
        f"{result.delivered} delivered, {result.failed} failed (to be retried), "
        f"{result.waiting} waiting."
    )


@dfdg_cli.command("booking-deadlines")
def booking_deadlines_command() -> None:
    """Record the fund event of each booking request not booked by its deadline (once a
    request; run it daily, or let `dfdg work` run it)."""
    from jobnet.dfdg.worker import missed_bookings

    result = missed_bookings(current_app._get_current_object())  # type: ignore[attr-defined]
    click.echo(
        f"{result.recorded} missed bookings recorded for the funds; "
        f"{result.not_covered} not for a fund (not a member in contact group 1)."
    )


@dfdg_cli.command("work")
@click.option("--interval", type=float, default=30.0, show_default=True)
@click.option("--once", is_flag=True, help="One round, then stop.")
def work_command(interval: float, once: bool) -> None:
    """DFDG's worker: missed booking deadlines (every 5 minutes) and the funds' webhooks
    (every round), until stopped."""
    import time

    from jobnet.dfdg.worker import DfdgWorker

    worker = DfdgWorker(current_app._get_current_object())  # type: ignore[attr-defined]
    while True:
        done = worker.round()
        if done.missed is not None and done.missed.recorded:
            click.echo(f"{done.missed.recorded} missed bookings recorded.")
        if done.delivered.delivered or done.delivered.failed:
            click.echo(f"{done.delivered.delivered} delivered, {done.delivered.failed} failed.")
        if once:
            return
        time.sleep(interval)
