"""Rate-limit counters kept in a SQL database, for Flask-Limiter (the `limits` library).

Every web worker and host counts in the same table, so a limit holds across processes without
a Redis. Each counter is one row (key, count, expires_at): `incr` is a single upsert that
starts a new window when the old one has expired, atomic on PostgreSQL and SQLite alike.
Shared by the two services (each with the table in its own store): it imports neither.
"""

from __future__ import annotations

import time
from typing import Any

from limits.storage import Storage
from sqlalchemy import Engine, Table, case, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

#: Engines and tables by name, for the "jobnet-sql://<name>" storage URI (Flask-Limiter makes
#: its storage from a URI; a live engine cannot be put into one).
_REGISTERED: dict[str, tuple[Engine, Table]] = {}


def register(name: str, engine: Engine, table: Table) -> str:
    """Make `engine`'s `table` the storage named `name`; returns the URI for Flask-Limiter."""
    _REGISTERED[name] = (engine, table)
    return f"jobnet-sql://{name}"


class SqlStorage(Storage):
    """Fixed-window counters in a table with the columns key, count and expires_at."""

    STORAGE_SCHEME = ["jobnet-sql"]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options: Any):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        name = (uri or "").removeprefix("jobnet-sql://")
        self.engine, self.table = _REGISTERED[name]
        # Reads in autocommit: no transaction to end, so returning the connection to the pool
        # sends no ROLLBACK. psycopg forgets every statement it prepared on a connection at a
        # ROLLBACK, and a read per request made PostgreSQL plan each of the service's
        # statements anew on every request (docs/performance.md).
        self.reader = self.engine.execution_options(isolation_level="AUTOCOMMIT")

    @property
    def base_exceptions(self) -> type[Exception] | tuple[type[Exception], ...]:
        return SQLAlchemyError

    def _upsert(self) -> Any:
        if self.engine.dialect.name == "postgresql":
            return postgresql.insert(self.table)
        return sqlite.insert(self.table)

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        now = time.time()
        c = self.table.c
        expired = c.expires_at <= now
        statement = (
            self._upsert()
            .values(key=key, count=amount, expires_at=now + expiry)
            .on_conflict_do_update(
                index_elements=[c.key],
                set_={
                    "count": case((expired, amount), else_=c.count + amount),
                    "expires_at": case((expired, now + expiry), else_=c.expires_at),
                },
            )
            .returning(c.count)
        )
        with self.engine.begin() as connection:
            return int(connection.execute(statement).scalar_one())

    def get(self, key: str) -> int:
        c = self.table.c
        with self.reader.connect() as connection:
            count = connection.execute(
                select(c.count).where(c.key == key, c.expires_at > time.time())
            ).scalar()
        return int(count or 0)

    def get_expiry(self, key: str) -> float:
        c = self.table.c
        with self.reader.connect() as connection:
            expires_at = connection.execute(select(c.expires_at).where(c.key == key)).scalar()
        return float(expires_at) if expires_at is not None else time.time()

    def check(self) -> bool:
        try:
            with self.reader.connect() as connection:
                connection.execute(select(func.count()).select_from(self.table))
        except SQLAlchemyError:
            return False
        return True

    def reset(self) -> int | None:
        with self.engine.begin() as connection:
            return int(connection.execute(delete(self.table)).rowcount or 0)

    def clear(self, key: str) -> None:
        with self.engine.begin() as connection:
            connection.execute(delete(self.table).where(self.table.c.key == key))


def purge_expired_counters(engine: Engine, table: Table) -> int:
    """Delete the counters whose window has ended; returns how many."""
    with engine.begin() as connection:
        result = connection.execute(delete(table).where(table.c.expires_at <= time.time()))
        return int(result.rowcount or 0)
