"""Command-line tasks: `flask --app app db upgrade`, `flask --app app outbox work`, …"""

from __future__ import annotations

import signal
from datetime import timedelta
from types import FrameType

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from jobnet.web.platform.sessions import ServerSessionInterface

db_cli = AppGroup("db", help="The web app's store (and the embedded DFDG's).")
sessions_cli = AppGroup("sessions", help="Server-side sessions.")
outbox_cli = AppGroup("outbox", help="The outbox of commands for DFDG.")


@db_cli.command("upgrade")
def db_upgrade() -> None:
    """Bring the web store (and the embedded DFDG store) to the newest migration."""
    current_app.extensions["web_store"].upgrade()
    click.echo("web store: up to date")
    dfdg_app = current_app.extensions.get("dfdg_app")
    if dfdg_app is not None:
        dfdg_app.extensions["dfdg_store"].upgrade()
        click.echo("DFDG store: up to date")


@sessions_cli.command("purge")
def sessions_purge() -> None:
    """Delete expired sessions."""
    idle = timedelta(minutes=current_app.config["SESSION_IDLE_MINUTES"])
    count = ServerSessionInterface.purge_expired(current_app.extensions["web_store"], idle)
    click.echo(f"purged {count} expired sessions")


@outbox_cli.command("work")
@click.option("--once", is_flag=True, help="Deliver what is due now, then stop.")
@click.option(
    "--interval",
    type=float,
    default=None,
    help="Seconds between rounds (default: OUTBOX_POLL_SECONDS).",
)
def outbox_work(once: bool, interval: float | None) -> None:
    """Deliver due commands to DFDG until SIGTERM or SIGINT (the production outbox worker).

    Several may run at once: a command is claimed with a lease before it is sent.
    """
    from jobnet.web.journeys.outbox import deliver_due
    from jobnet.web.journeys.outbox_worker import Worker

    app = current_app._get_current_object()  # type: ignore[attr-defined]
    if once:
        from jobnet.web.notifications.collect import notification_round

        settled = deliver_due(app.extensions["web_store"], app.extensions["dfdg_client"])
        click.echo(f"outbox: {settled} commands settled")
        click.echo(f"notifications: {notification_round(app)} sent")
        return
    worker = Worker(app, interval=interval or app.config["OUTBOX_POLL_SECONDS"])

    def _stop(signum: int, _frame: FrameType | None) -> None:
        click.echo(f"outbox: signal {signum}, stopping after this round")
        worker.stop()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    click.echo(f"outbox: worker started, a round every {worker.interval:g} s")
    worker.start()
    while worker.is_alive():
        worker.join(timeout=1.0)
    click.echo("outbox: worker stopped")


def init_app(app: Flask) -> None:
    from jobnet.web.journeys.outbox_stuck import stuck_command

    outbox_cli.add_command(stuck_command)
    app.cli.add_command(db_cli)
    app.cli.add_command(sessions_cli)
    app.cli.add_command(outbox_cli)
