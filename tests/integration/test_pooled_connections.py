"""Pooled PostgreSQL connections survive a server that dropped them (PostgreSQL only).

A connection idle for longer than IDLE_BEFORE_PING_SECONDS is pinged before use and replaced
if it is gone; one in steady use is not pinged, and fails once before the pool replaces it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from jobnet import db


@pytest.fixture
def engine(pg_cluster: Any) -> Iterator[Engine]:
    made = db.make_engine(pg_cluster.create_database("pool_test"))
    yield made
    made.dispose()


def _backend_pid(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text("SELECT pg_backend_pid()")).scalar_one())


def _terminate(pg_cluster: Any, pid: int) -> None:
    other = db.make_engine(pg_cluster.url("postgres"))
    with other.begin() as connection:
        connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    other.dispose()


def test_an_idle_connection_the_server_dropped_is_replaced_unseen(
    engine: Engine, pg_cluster: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    dropped = _backend_pid(engine)
    _terminate(pg_cluster, dropped)
    monkeypatch.setattr(db, "IDLE_BEFORE_PING_SECONDS", 0.0)

    assert _backend_pid(engine) != dropped


def test_a_busy_connection_is_not_pinged_and_the_pool_recovers_after_one_error(
    engine: Engine, pg_cluster: Any
) -> None:
    dropped = _backend_pid(engine)
    _terminate(pg_cluster, dropped)

    with pytest.raises(OperationalError):
        _backend_pid(engine)
    assert _backend_pid(engine) != dropped
