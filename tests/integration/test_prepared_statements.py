"""PostgreSQL keeps the statements psycopg prepared on a pooled connection (PostgreSQL only).

psycopg prepares a statement once it has run five times on a connection, and forgets every
prepared statement (DEALLOCATE ALL) at a ROLLBACK. The rate-limit counters are read on every
request of both services; a read that ended in a ROLLBACK when its connection went back to the
pool made PostgreSQL plan every other statement of the request anew (docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, bindparam, select, text

from jobnet import db
from jobnet.dfdg.models.limits import RateLimitCounter
from jobnet.rate_limit_storage import SqlStorage, register

REPEATS = 6  # more than psycopg's prepare threshold (5)


@pytest.fixture
def engine(pg_cluster: Any) -> Iterator[Engine]:
    made = db.make_engine(pg_cluster.create_database("prepared_test"))
    RateLimitCounter.__table__.create(made)
    yield made
    made.dispose()


@pytest.fixture
def storage(engine: Engine) -> SqlStorage:
    return SqlStorage(register("prepared-test", engine, RateLimitCounter.__table__))  # type: ignore[arg-type]


def _run_a_statement_until_prepared(engine: Engine) -> None:
    statement = select(bindparam("n", type_=RateLimitCounter.count.type) + 1)
    for n in range(REPEATS):
        with engine.begin() as connection:
            connection.execute(statement, {"n": n})


def _prepared_on_the_pooled_connection(engine: Engine) -> int:
    with engine.begin() as connection:
        count = connection.execute(text("SELECT count(*) FROM pg_prepared_statements"))
        return int(count.scalar_one())


def test_a_statement_run_often_is_prepared(engine: Engine) -> None:
    _run_a_statement_until_prepared(engine)

    assert _prepared_on_the_pooled_connection(engine) >= 1


def test_reading_the_rate_limit_counters_keeps_the_prepared_statements(
    engine: Engine, storage: SqlStorage
) -> None:
    storage.incr("address", expiry=60)
    _run_a_statement_until_prepared(engine)

    assert storage.get("address") == 1
    assert storage.get_expiry("address") > 0
    assert storage.check()

    assert _prepared_on_the_pooled_connection(engine) >= 1


def test_a_rollback_forgets_them_which_is_why_reads_avoid_one(engine: Engine) -> None:
    _run_a_statement_until_prepared(engine)
    with engine.connect() as connection:  # a transaction ended by the pool's ROLLBACK
        connection.execute(text("SELECT 1"))

    assert _prepared_on_the_pooled_connection(engine) == 0
