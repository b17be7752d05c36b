"""Alembic environment of the web store.

Run through `flask db upgrade` (jobnet/web/platform/cli.py)."""

from alembic import context

from jobnet.web.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through `flask db upgrade`, which passes a connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
