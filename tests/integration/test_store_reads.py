"""`Store.read()` runs single reads outside a transaction, and leaves the pool transactional
(PostgreSQL only: SQLite has no round trips to save)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import text

from jobnet.db import Store


@pytest.fixture
def store(pg_cluster: Any) -> Iterator[Store]:
    made = Store(pg_cluster.create_database("reads_test"), Path("unused"))
    made.engine.pool.dispose()
    yield made
    made.engine.dispose()


def _status(session: Any) -> psycopg.pq.TransactionStatus:
    return session.connection().connection.dbapi_connection.info.transaction_status


def test_a_read_opens_no_transaction(store: Store) -> None:
    with store.read() as db:
        assert db.execute(text("SELECT 1")).scalar_one() == 1
        assert _status(db) == psycopg.pq.TransactionStatus.IDLE


def test_a_session_after_a_read_on_the_same_connection_is_a_transaction(store: Store) -> None:
    with store.read() as db:
        db.execute(text("SELECT 1"))
    with store.session() as db:
        db.execute(text("SELECT 1"))
        assert _status(db) == psycopg.pq.TransactionStatus.INTRANS
    assert store.engine.pool.checkedin() == 1  # the one connection served both
