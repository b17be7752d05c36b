"""Transactions around API views, and idempotent writes.

A read view's work (including its audit entries) is committed when it returns a response and
rolled back when it raises; a view commits itself only what must outlive the error it is about
to raise (the audit entry of a failed access). A write view is wrapped by `idempotent`, which
commits the write together with the stored answer.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Response, g, make_response, request
from sqlalchemy.exc import IntegrityError

from jobnet.dfdg.context import current_system, request_session
from jobnet.dfdg.models.audit import IdempotencyRecord
from jobnet.dfdg.problems import ProblemError, field_error, validation_problem
from jobnet.dfdg.queries import idempotency as records

View = Callable[..., Any]

IDEMPOTENCY_HEADER = "Idempotency-Key"
REPLAY_HEADER = "Idempotent-Replayed"
_KEY_PATTERN = re.compile(r"[\x21-\x7e]{1,200}")


def request_json() -> Any:
    """The request body parsed as JSON (cached); a 400 problem when it is not JSON."""
    if "dfdg_json" not in g:
        raw = request.get_data(cache=True)
        if not raw.strip():
            raise ProblemError(400, "malformed-json", "The request body is empty")
        try:
            g.dfdg_json = json.loads(raw)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ProblemError(400, "malformed-json", f"Invalid JSON: {exc}") from None
    return g.dfdg_json


def transactional(view: View) -> View:
    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Response:
        session = request_session()
        try:
            response = make_response(view(*args, **kwargs))
        except BaseException:
            session.rollback()
            raise
        session.commit()
        return response

    return wrapper


def _idempotency_key() -> str:
    key = request.headers.get(IDEMPOTENCY_HEADER)
    if key is None or not key.strip():
        raise validation_problem(
            [field_error(IDEMPOTENCY_HEADER, "missing", "Writes need an Idempotency-Key header")]
        )
    if not _KEY_PATTERN.fullmatch(key.strip()):
        raise validation_problem(
            [field_error(IDEMPOTENCY_HEADER, "invalid", "1-200 visible ASCII characters")]
        )
    return key.strip()


def request_fingerprint(system: str, method: str, path: str, body: Any) -> str:
    """SHA-256 of the canonical JSON of what makes two requests the same."""
    canonical = json.dumps(
        {"system": system, "method": method, "path": path, "body": body},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _replay(record: IdempotencyRecord, request_hash: str) -> Response:
    if record.request_hash != request_hash:
        raise ProblemError(
            422,
            "idempotency-key-reused",
            "This Idempotency-Key was used for a different request; make a new key",
            errors=[field_error(IDEMPOTENCY_HEADER, "reused", "Used for a different request")],
        )
    if record.status_code is None:
        raise ProblemError(409, "idempotency-request-in-progress", "Retry later")
    response = make_response(json.dumps(record.response_body), record.status_code)
    response.mimetype = "application/json"
    response.headers[REPLAY_HEADER] = "true"
    return response


def _after_lost_race(system: str, key: str, request_hash: str) -> Response:
    session = request_session()
    session.rollback()
    record = records.find(session, system, key)
    if record is None:
        raise ProblemError(409, "idempotency-request-in-progress", "Retry later")
    return _replay(record, request_hash)


def idempotent(view: View) -> View:
    """Answer a repeated Idempotency-Key with the first answer; write at most once.

    The key record is inserted in the same transaction as the write, before it, so that two
    concurrent duplicates meet the unique constraint and only one write commits.
    """

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Response:
        system = current_system()
        key = _idempotency_key()
        request_hash = request_fingerprint(system, request.method, request.path, request_json())
        session = request_session()
        existing = records.find(session, system, key)
        if existing is not None:
            return _replay(existing, request_hash)
        try:
            record = records.claim(session, system, key, request_hash)
        except IntegrityError:
            return _after_lost_race(system, key, request_hash)
        try:
            response = make_response(view(*args, **kwargs))
        except BaseException:
            session.rollback()
            raise
        if 200 <= response.status_code < 300:
            records.complete(record, response.status_code, response.get_json())
        else:
            records.release(session, record)
        try:
            session.commit()
        except IntegrityError:
            return _after_lost_race(system, key, request_hash)
        return response

    return wrapper
