"""Failed bearer tokens are limited per address: after DFDG_TOKEN_FAILURE_LIMIT answers of 401
to one address, every request from it gets 429 (problem+json, Retry-After) until the window
ends, whatever token it sends, so a token cannot be guessed by trying. The count is kept in
DFDG's database (jobnet/rate_limit_storage.py), shared by every DFDG process; only 401 answers
count, so a connected system with a valid token is never slowed. Each hit is logged with the
route, never with a token.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Mapping
from typing import Any

from flask import Flask, Response, current_app, request
from flask_limiter import Limiter, RequestLimit
from flask_limiter.errors import RateLimitExceeded

from jobnet.dfdg.context import STORE_KEY
from jobnet.dfdg.models.limits import RateLimitCounter
from jobnet.dfdg.problems import problem_response
from jobnet.rate_limit_storage import register

log = logging.getLogger(__name__)

DEFAULT_LIMIT = "10 per minute;100 per hour"


def _address() -> str:
    return f"addr:{request.remote_addr or 'unknown'}"


def _enabled() -> bool:
    """On in development and production (ABUSE_LIMITS_ENABLED, jobnet/dfdg/settings.py); off
    for an app made from bare test settings."""
    return bool(current_app.config.get("ABUSE_LIMITS_ENABLED", False))


def _log_hit(limit: RequestLimit) -> None:
    log.warning("DFDG: failed bearer tokens over the limit (%s) on %s", limit.limit, request.path)


def _too_many(error: RateLimitExceeded) -> Response:
    limiter: Limiter = current_app.extensions["dfdg_abuse_limiter"]
    window = limiter.current_limit
    retry_after = max(1, math.ceil(window.reset_at - time.time())) if window else 60
    return problem_response(
        429,
        "too-many-requests",
        "Too many requests with an invalid bearer token from this address; try again later",
        headers={"Retry-After": str(retry_after)},
    )


def init_app(app: Flask, settings: Mapping[str, Any]) -> None:
    store = app.extensions[STORE_KEY]
    uri = register(f"dfdg-{id(app)}", store.engine, RateLimitCounter.__table__)  # type: ignore[arg-type]
    app.config["RATELIMIT_ENABLED"] = True  # on or off by ABUSE_LIMITS_ENABLED, per request
    limiter = Limiter(
        key_func=_address,
        app=app,
        storage_uri=uri,
        strategy="fixed-window",
        application_limits=[str(settings.get("DFDG_TOKEN_FAILURE_LIMIT") or DEFAULT_LIMIT)],
        application_limits_exempt_when=lambda: not _enabled(),
        application_limits_deduct_when=lambda response: response.status_code == 401,
        on_breach=_log_hit,
        swallow_errors=True,
        enabled=True,
    )
    app.extensions["dfdg_abuse_limiter"] = limiter
    app.register_error_handler(RateLimitExceeded, _too_many)
