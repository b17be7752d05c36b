"""A small SQLAlchemy 2 helper shared by the two stores (the web app's and DFDG's).

Each store has its own declarative base, engine and migrations; this module only knows how to
make an engine that behaves the same on SQLite and PostgreSQL and how to run Alembic.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

T = TypeVar("T")


def is_disconnect(error: BaseException) -> bool:
    """The database connection was lost (a restart, a network cut), not the statement wrong."""
    return isinstance(error, exc.DBAPIError) and bool(error.connection_invalidated)


def is_unavailable(error: BaseException) -> bool:
    """The database could not be used at all: the connection was lost or could not be made."""
    return is_disconnect(error) or isinstance(error, exc.OperationalError)


def retry_on_disconnect(work: Callable[[], T]) -> T:
    """Run `work` (a read, or a write that is safe to repeat), once more on a fresh connection
    when its connection turned out to be dropped: after a database restart every pooled
    connection is dead, and SQLAlchemy throws them all away at the first error."""
    try:
        return work()
    except exc.DBAPIError as error:
        if not is_disconnect(error):
            raise
    return work()


def make_engine(url: str) -> Engine:
    """An engine for `url`. SQLite gets foreign keys, WAL and a busy timeout."""
    if url.startswith("sqlite"):
        if url in {"sqlite://", "sqlite:///:memory:"}:
            engine = create_engine(
                url, connect_args={"check_same_thread": False}, poolclass=StaticPool
            )
        else:
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):  # type: ignore[no-untyped-def]
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            if url not in {"sqlite://", "sqlite:///:memory:"}:
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()

        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    engine = create_engine(url, pool_size=5, max_overflow=5)
    _ping_when_idle(engine)
    return engine


# A pooled connection that sat unused this long is pinged before use. SQLAlchemy's
# pool_pre_ping pings on every checkout: a round trip per transaction, about a third of a
# small page's database time. A connection in steady use needs no ping; one that failed
# mid-use is still replaced, with the rest of the pool, on the first error.
IDLE_BEFORE_PING_SECONDS = 10.0


def _ping_when_idle(engine: Engine) -> None:
    @event.listens_for(engine, "checkin")
    def _note_checkin(_dbapi_connection: Any, record: Any) -> None:
        record.info["checked_in_at"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping_if_idle(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        checked_in_at = record.info.get("checked_in_at")
        if checked_in_at is None or time.monotonic() - checked_in_at < IDLE_BEFORE_PING_SECONDS:
            return
        try:
            cursor = dbapi_connection.cursor()
            try:
                cursor.execute("SELECT 1")
            finally:
                cursor.close()
            dbapi_connection.rollback()
        except Exception as error:  # noqa: BLE001 - any failure means the connection is gone
            # The pool discards this connection and checks out (or opens) another.
            raise exc.DisconnectionError() from error


class Store:
    """One database: an engine and a session factory."""

    def __init__(self, url: str, migrations: Path) -> None:
        self.url = url
        self.migrations = migrations
        self.engine = make_engine(url)
        self.session_factory = sessionmaker(self.engine, expire_on_commit=False)
        # A single statement needs no transaction around it: in autocommit it costs one round
        # trip instead of three (BEGIN, the statement, COMMIT or ROLLBACK), and is atomic alone.
        self.autocommit_engine = self.engine.execution_options(isolation_level="AUTOCOMMIT")
        self._reading_factory = sessionmaker(self.autocommit_engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on error."""
        session = self.session_factory()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for one statement that only reads (each statement is its own
        transaction, so two statements here may see different moments)."""
        session = self._reading_factory()
        try:
            yield session
        finally:
            session.close()

    def alembic_config(self) -> AlembicConfig:
        config = AlembicConfig()
        config.set_main_option("script_location", str(self.migrations))
        config.attributes["engine"] = self.engine
        return config

    def upgrade(self) -> None:
        """Bring the schema to the newest migration."""
        with self.engine.begin() as connection:
            config = self.alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "heads")
