"""The web app's own small store: server-side sessions and (later) the outbox.

It holds no citizen data beyond what a session or an undelivered command needs.
"""

from __future__ import annotations

from pathlib import Path

from jobnet.db import Store

MIGRATIONS = Path(__file__).parent / "migrations"


def create_store(url: str) -> Store:
    return Store(url, MIGRATIONS)
