"""Abuse limits: how often one person (or one address) may start a login, look up a CPR number
or post a form, counted in the web store so that every worker and host shares the count.

Each request has a route kind, and the kind its limit (settings RATE_LIMIT_*):

    login_start   GET /auth/login, /auth/caseworker/login       per client address
    cpr_lookup    a caseworker's look-up of a citizen by CPR    per caseworker
    form_post     any other POST                                per person, else per address
    pdf_render    GET of a letter's PDF (WeasyPrint costs CPU)  per person

and each limit counts per route. Logout, the provider's back-channel calls and the MitID
simulator are never limited. A request over its limit gets the 429 page in the person's
language with Retry-After; a form post's typed values are kept for the person who typed them
(jobnet.web.auth.resume), so "Try again" shows them again (a CPR number is never kept). Every
hit is logged with its kind and route, never with the person's identity.
"""

from __future__ import annotations

import hashlib
import logging
import math
import time

from flask import Flask, current_app, render_template, request
from flask_limiter import Limiter, RequestLimit
from flask_limiter.errors import RateLimitExceeded
from flask_login import current_user

from jobnet.rate_limit_storage import register
from jobnet.web.store.models import RateLimitCounter

log = logging.getLogger(__name__)

LOGIN_STARTS = frozenset({"auth.login", "auth.caseworker_login"})
CPR_LOOKUPS = frozenset({"caseworker.find_citizen"})
PDF_RENDERS = frozenset({"letters.summons_pdf", "letters.plan_pdf"})
NEVER_LIMITED = frozenset(
    {
        "static",
        "auth.logout",
        "auth.citizen_backchannel_logout",
        "auth.caseworker_backchannel_logout",
    }
)
_SETTING = {
    "login_start": "RATE_LIMIT_LOGIN_STARTS",
    "cpr_lookup": "RATE_LIMIT_CPR_LOOKUPS",
    "form_post": "RATE_LIMIT_FORM_POSTS",
    "pdf_render": "RATE_LIMIT_PDF_RENDERS",
}


def route_kind() -> str | None:
    """The kind of limit this request counts against; None when it is not limited."""
    if not current_app.config["ABUSE_LIMITS_ENABLED"]:
        return None
    endpoint = request.endpoint or ""
    if endpoint in NEVER_LIMITED or endpoint.startswith("mitid_sim."):
        return None
    if endpoint in LOGIN_STARTS:
        return "login_start"
    if endpoint in CPR_LOOKUPS and request.method == "POST":
        return "cpr_lookup"
    if request.method == "POST":
        return "form_post"
    if endpoint in PDF_RENDERS:
        return "pdf_render"
    return None


def _limit() -> str:
    kind = route_kind()
    return str(current_app.config[_SETTING[kind]]) if kind else "1000000 per second"


def _who() -> str:
    """Whom a request counts for: the logged-in person (a keyed hash of their id), else the
    client's address."""
    if route_kind() != "login_start" and current_user.is_authenticated:
        secret = str(current_app.config["SECRET_KEY"]).encode()
        digest = hashlib.sha256(secret + current_user.get_id().encode()).hexdigest()[:24]
        return f"user:{digest}"
    return f"addr:{request.remote_addr or 'unknown'}"


def _log_hit(limit: RequestLimit) -> None:
    log.warning("abuse limit hit: %s on %s (%s)", route_kind(), request.endpoint, limit.limit)


def _too_many(error: RateLimitExceeded) -> tuple[str, int, dict[str, str]]:
    from jobnet.web.auth.resume import keep_posted_form

    kind = route_kind()
    kept = kind == "form_post" and request.method == "POST" and keep_posted_form()
    retry_after = _retry_after_seconds(error)
    page = render_template(
        "errors/429.html",
        kind=kind,
        kept=kept,
        retry_path=request.path if request.method == "POST" else request.full_path.rstrip("?"),
        minutes=max(1, math.ceil((retry_after - 1) / 60)),
    )
    return page, 429, {"Retry-After": str(retry_after)}


def _retry_after_seconds(error: RateLimitExceeded) -> int:
    limiter: Limiter = current_app.extensions["abuse_limiter"]
    window = limiter.current_limit
    if window is None:
        return 60
    return max(1, math.ceil(window.reset_at - time.time()))


def init_app(app: Flask) -> None:
    """After CSRF protection and the store: a refused token is a 400, not a count."""
    app.config["RATELIMIT_ENABLED"] = True  # on or off by ABUSE_LIMITS_ENABLED, per request
    store = app.extensions["web_store"]
    uri = register(f"web-{id(app)}", store.engine, RateLimitCounter.__table__)  # type: ignore[arg-type]
    limiter = Limiter(
        key_func=_who,
        app=app,
        storage_uri=uri,
        strategy="fixed-window",
        default_limits=[_limit],
        default_limits_exempt_when=lambda: route_kind() is None,
        on_breach=_log_hit,
        headers_enabled=False,
        swallow_errors=True,
        enabled=True,
    )
    app.extensions["abuse_limiter"] = limiter
    app.register_error_handler(RateLimitExceeded, _too_many)
