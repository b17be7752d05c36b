"""Stored answers to write requests, keyed per connected system by Idempotency-Key."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from jobnet.dfdg.models.audit import IdempotencyRecord

# Built once: every write runs it.
_FIND = select(IdempotencyRecord).where(
    IdempotencyRecord.system == bindparam("system"), IdempotencyRecord.key == bindparam("key")
)


def find(session: Session, system: str, key: str) -> IdempotencyRecord | None:
    return session.scalars(_FIND, {"system": system, "key": key}).one_or_none()


def claim(session: Session, system: str, key: str, request_hash: str) -> IdempotencyRecord:
    """Insert the record now (flushed), so a concurrent duplicate meets the unique constraint."""
    record = IdempotencyRecord(system=system, key=key, request_hash=request_hash)
    session.add(record)
    session.flush()
    return record


def complete(record: IdempotencyRecord, status_code: int, body: Any) -> None:
    record.status_code = status_code
    record.response_body = body


def release(session: Session, record: IdempotencyRecord) -> None:
    session.delete(record)
