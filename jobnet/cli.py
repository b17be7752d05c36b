"""Command-line tasks: `flask --app app db upgrade`, `flask --app app demo load`, …"""

from __future__ import annotations

from datetime import timedelta

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from jobnet.sessions import ServerSessionInterface

db_cli = AppGroup("db", help="The web app's store (and the embedded DFDG's).")
sessions_cli = AppGroup("sessions", help="Server-side sessions.")


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


def init_app(app: Flask) -> None:
    app.cli.add_command(db_cli)
    app.cli.add_command(sessions_cli)
