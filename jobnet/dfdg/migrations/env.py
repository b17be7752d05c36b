"""Alembic environment for DFDG's database.

Run by `jobnet.db.Store.upgrade()`, which hands over an open connection in
`config.attributes["connection"]`; no alembic.ini is needed. Offline (SQL script) mode uses the
`sqlalchemy.url` main option.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from jobnet.dfdg.models.base import VERSION_TABLE, Base

config = context.config
target_metadata = Base.metadata


def _configure_online(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        version_table=VERSION_TABLE,
        compare_type=True,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure_online(connection)
        return
    engine = config.attributes.get("engine")
    if engine is None:
        raise RuntimeError("DFDG migrations need config.attributes['connection'] or ['engine']")
    with engine.begin() as connection:
        _configure_online(connection)


def run_migrations_offline() -> None:
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("offline DFDG migrations need the sqlalchemy.url option")
    context.configure(
        url=url,
        target_metadata=target_metadata,
        version_table=VERSION_TABLE,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
