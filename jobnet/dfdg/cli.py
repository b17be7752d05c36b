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
