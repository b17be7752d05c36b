"""The web store's migrations make exactly its models' schema (known_answers included), on
SQLite and on PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask

from jobnet.web.store.models import Base


def test_web_store_migrations_equal_models(app: Flask) -> None:
    with app.extensions["web_store"].engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
