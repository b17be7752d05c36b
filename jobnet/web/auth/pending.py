"""The login under way, between the redirect to the provider and its callback, in a signed
cookie of its own instead of a server-side session: starting a login creates no session row
(300 anonymous `GET /auth/login` once made 300), and the row is made only when someone has
logged in.

The cookie holds state, nonce, PKCE verifier, the audience and where to go next; it is signed
(not readable by anyone else's browser, not changeable), HttpOnly, SameSite=Lax (the callback
is a top-level navigation from the provider), limited to /auth and to PENDING_LOGIN_SECONDS,
and deleted when the callback has read it: a second use of the same callback finds none.
"""

from __future__ import annotations

from typing import Any

from flask import after_this_request, current_app, g, request
from itsdangerous import BadSignature, URLSafeTimedSerializer
from werkzeug.wrappers import Response

PENDING_COOKIE = "jobnet_login"
PENDING_LOGIN_SECONDS = 15 * 60


def _signer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(str(current_app.config["SECRET_KEY"]), salt="oidc-pending")


def remember_pending(response: Response, pending: dict[str, Any]) -> Response:
    response.set_cookie(
        PENDING_COOKIE,
        _signer().dumps(pending),
        max_age=PENDING_LOGIN_SECONDS,
        path="/auth",
        httponly=True,
        secure=bool(current_app.config.get("SESSION_COOKIE_SECURE")),
        samesite="Lax",
    )
    return response


def take_pending() -> dict[str, Any] | None:
    """The login under way (once: the cookie is deleted with this request's answer)."""
    raw = request.cookies.get(PENDING_COOKIE)
    if not raw:
        return None

    @after_this_request
    def _forget(response: Response) -> Response:
        response.delete_cookie(PENDING_COOKIE, path="/auth")
        return response

    try:
        pending = _signer().loads(raw, max_age=PENDING_LOGIN_SECONDS)
    except BadSignature:
        return None
    return pending if isinstance(pending, dict) else None


def login_next() -> str | None:
    """Where the login under way was going (for a failed login's "try again")."""
    return g.get("login_next")


def set_login_next(path: str | None) -> None:
    g.login_next = path
