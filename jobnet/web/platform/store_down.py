"""When the web app's own store (PostgreSQL) cannot be used: a page of our own, never a bare 500.

A request whose session cannot be read (the store is down or restarting) gets the
store-unavailable page in the person's language, which says that nothing was sent and that what
they answered before is kept; /health, /ready, the language switch and the assets need no
session and still answer. A connection dropped under a statement is retried once on a fresh
connection where that is safe (`jobnet.db.retry_on_disconnect`); what is left reaches the error
handler here. The page renders without the store: the user is read from the session in memory.
"""

from __future__ import annotations

import logging

from flask import Flask, render_template, request, session
from sqlalchemy.exc import SQLAlchemyError

from jobnet.db import is_unavailable

log = logging.getLogger(__name__)

# What answers without a session: liveness and readiness, the language and the stylesheets.
WITHOUT_SESSION = {"public.health", "public.ready", "public.switch_language", "static"}


class StoreUnavailable(Exception):
    """The web store could not be used for this request."""


def _needs_session() -> None:
    if not getattr(session, "unavailable", False):
        return
    endpoint = request.endpoint or ""
    if endpoint in WITHOUT_SESSION or endpoint.startswith("assets."):
        return
    raise StoreUnavailable


def _store_unavailable_page() -> tuple[str, int]:
    return render_template("errors/store_unavailable.html"), 503


def _on_store_unavailable(_error: StoreUnavailable) -> tuple[str, int]:
    log.warning("web store unavailable on %s", request.endpoint)
    return _store_unavailable_page()


def _on_database_error(error: SQLAlchemyError) -> tuple[str, int]:
    if is_unavailable(error):
        log.warning("web store unavailable on %s: %s", request.endpoint, type(error).__name__)
        return _store_unavailable_page()
    log.exception("database error on %s", request.endpoint)
    return render_template("errors/500.html"), 500


def init_app(app: Flask) -> None:
    # First of all: the form-token check and the kept-form hook need the session too.
    app.before_request_funcs.setdefault(None, []).insert(0, _needs_session)
    app.register_error_handler(StoreUnavailable, _on_store_unavailable)
    app.register_error_handler(SQLAlchemyError, _on_database_error)
