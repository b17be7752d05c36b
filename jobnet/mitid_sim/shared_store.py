"""The simulator's codes, tokens and nonces in one SQLite file, shared by every process.

Behind several web workers (gunicorn, nginx in front) the login's callback may reach another
worker than the one that issued the code; with the in-memory store that worker refused the
code as unknown. With MITID_SIM_STORE_PATH set, every worker keeps them in this file instead.
Same rules as the in-memory store: codes are single-use, and a replayed code revokes its token.
A development tool still: production refuses the simulator altogether.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from jobnet.mitid_sim.records import (
    NONCE_MEMORY_SECONDS,
    SimAuthorizationCode,
    SimClient,
    SimToken,
    SimUser,
)

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS codes (code TEXT PRIMARY KEY, data TEXT NOT NULL, expires_at REAL);
CREATE TABLE IF NOT EXISTS redeemed (code TEXT PRIMARY KEY, expires_at REAL, access_token TEXT);
CREATE TABLE IF NOT EXISTS tokens (
    access_token TEXT PRIMARY KEY, data TEXT NOT NULL, client_id TEXT, sub TEXT,
    expires_at REAL, revoked INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS nonces (
    client_id TEXT, nonce TEXT, expires_at REAL, PRIMARY KEY (client_id, nonce));
"""


def _user(data: dict[str, Any]) -> SimUser:
    return SimUser(dict(data["claims"]), str(data["level"]))


def _user_data(user: SimUser) -> dict[str, Any]:
    return {"claims": dict(user.claims), "level": user.level}


def _code_data(record: SimAuthorizationCode) -> str:
    fields = {name: value for name, value in vars(record).items() if name != "user"}
    return json.dumps({**fields, "user": _user_data(record.user)})


def _code(data: str) -> SimAuthorizationCode:
    fields = json.loads(data)
    return SimAuthorizationCode(**{**fields, "user": _user(fields["user"])})


def _token_data(token: SimToken) -> str:
    fields = {name: value for name, value in vars(token).items() if name not in ("user", "client")}
    return json.dumps({**fields, "user": _user_data(token.user), "client": asdict(token.client)})


def _token(data: str, revoked: bool) -> SimToken:
    fields = json.loads(data)
    client = fields["client"]
    for name in ("redirect_uris", "post_logout_redirect_uris"):
        client[name] = tuple(client[name])
    return SimToken(
        **{
            **fields,
            "user": _user(fields["user"]),
            "client": SimClient(**client),
            "revoked": revoked,
        }
    )


class SharedSimulatorStore:
    """SimulatorStore's methods, kept in a SQLite file (one connection per call)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connection() as connection:
            connection.executescript(_SCHEMA)

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            connection.execute("PRAGMA busy_timeout = 30000")
            yield connection
        finally:
            connection.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once: a code is taken by one worker only."""
        with self._connection() as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    def save_code(self, record: SimAuthorizationCode) -> None:
        now = time.time()
        with self._transaction() as db:
            self._purge(db, now)
            db.execute(
                "INSERT OR REPLACE INTO codes VALUES (?, ?, ?)",
                (record.code, _code_data(record), record.expires_at),
            )
            if record.nonce:
                db.execute(
                    "INSERT OR REPLACE INTO nonces VALUES (?, ?, ?)",
                    (record.client_id, record.nonce, now + NONCE_MEMORY_SECONDS),
                )

    def take_code(self, code: str, client_id: str) -> SimAuthorizationCode | None:
        """Remove and return a live code issued to `client_id`. A code seen before is refused
        and the token issued for it is revoked (RFC 6749 section 4.1.2)."""
        with self._transaction() as db:
            seen = db.execute(
                "SELECT access_token FROM redeemed WHERE code = ?", (code,)
            ).fetchone()
            if seen is not None:
                if seen[0]:
                    db.execute("UPDATE tokens SET revoked = 1 WHERE access_token = ?", (seen[0],))
                log.info("mitid-sim: refused a replayed authorization code")
                return None
            row = db.execute("SELECT data FROM codes WHERE code = ?", (code,)).fetchone()
            if row is None:
                return None
            db.execute("DELETE FROM codes WHERE code = ?", (code,))
            record = _code(row[0])
            db.execute(
                "INSERT INTO redeemed VALUES (?, ?, NULL)",
                (code, record.expires_at + NONCE_MEMORY_SECONDS),
            )
        if record.client_id != client_id or record.expires_at < time.time():
            return None
        return record

    def save_token(self, token: SimToken) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO tokens VALUES (?, ?, ?, ?, ?, ?)",
                (
                    token.access_token,
                    _token_data(token),
                    token.client.client_id,
                    token.user.sub,
                    token.issued_at + token.expires_in,
                    int(token.revoked),
                ),
            )
            if token.code:
                db.execute(
                    "UPDATE redeemed SET access_token = ? WHERE code = ?",
                    (token.access_token, token.code),
                )

    def find_token(self, access_token: str) -> SimToken | None:
        with self._connection() as db:
            row = db.execute(
                "SELECT data, revoked FROM tokens WHERE access_token = ?", (access_token,)
            ).fetchone()
        return None if row is None else _token(row[0], bool(row[1]))

    def revoke_tokens(self, client_id: str, sub: str) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE tokens SET revoked = 1 WHERE client_id = ? AND sub = ?", (client_id, sub)
            )

    def nonce_seen(self, client_id: str, nonce: str) -> bool:
        with self._connection() as db:
            row = db.execute(
                "SELECT expires_at FROM nonces WHERE client_id = ? AND nonce = ?",
                (client_id, nonce),
            ).fetchone()
        return row is not None and row[0] > time.time()

    @staticmethod
    def _purge(db: sqlite3.Connection, now: float) -> None:
        for table in ("codes", "redeemed", "tokens", "nonces"):
            db.execute(f"DELETE FROM {table} WHERE expires_at < ?", (now,))  # noqa: S608
