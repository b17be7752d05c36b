"""The initial migration makes exactly the models' schema, on SQLite and on PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from jobnet.db import Store
from jobnet.dfdg.models.base import VERSION_TABLE, Base


def test_migrations_equal_models(dfdg_store: Store) -> None:
    with dfdg_store.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"version_table": VERSION_TABLE, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_migrations_are_recorded_in_dfdg_version_table(dfdg_store: Store) -> None:
    tables = set(inspect(dfdg_store.engine).get_table_names())
    assert VERSION_TABLE in tables
    assert {table.name for table in Base.metadata.sorted_tables} <= tables


def test_upgrade_again_is_harmless(dfdg_store: Store) -> None:
    dfdg_store.upgrade()
