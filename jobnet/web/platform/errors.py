"""Friendly error pages in the user's language, never a stack trace."""

from __future__ import annotations

import logging

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from jobnet.clients.dfdg_client.errors import (
    DfdgBadAnswer,
    DfdgForbidden,
    DfdgNotFound,
    DfdgUnavailable,
)

log = logging.getLogger(__name__)

_TEMPLATES = {
    400: "errors/400.html",
    403: "errors/403.html",
    404: "errors/404.html",
    413: "errors/413.html",
}


def _http_error(error: HTTPException) -> tuple[str, int]:
    code = error.code or 500
    template = _TEMPLATES.get(code)
    if template is None:
        template = "errors/500.html" if code >= 500 else "errors/400.html"
    return render_template(template), code


def _csrf_error(error: CSRFError) -> tuple[str, int]:
    log.info("expired or missing form token on %s", request.path)
    return render_template("errors/form_expired.html", retry_path=request.path), 400


def _dfdg_unavailable(error: DfdgUnavailable) -> tuple[str, int, dict[str, str]]:
    """DFDG away and nothing kept for this page: our own page, saying what works for the
    reader (citizen, caseworker or anyone), 503 with when to try again."""
    log.warning("DFDG unavailable: %s", type(error).__name__)
    return render_template("errors/unavailable.html"), 503, {"Retry-After": "60"}


def _dfdg_refused(error: DfdgForbidden | DfdgNotFound) -> tuple[str, int]:
    """DFDG refused a page's read (e.g. a fund's member left the fund while their data was
    open): its answer, not a server error. DFDG has audited the attempt."""
    code = 404 if isinstance(error, DfdgNotFound) else 403
    log.info("DFDG answered %s on %s", code, request.endpoint)
    return render_template(_TEMPLATES[code]), code


def _dfdg_bad_answer(error: DfdgBadAnswer) -> tuple[str, int]:
    """DFDG answered in a shape the client cannot read (the two services disagree): the app's
    own error page as a bad gateway (502), logged for us to mend."""
    log.error("DFDG answered in the wrong shape on %s: %s", request.endpoint, error.__cause__)
    return render_template("errors/500.html"), 502


def _unexpected(error: Exception) -> tuple[str, int]:
    log.exception("unexpected error on %s", request.endpoint)
    return render_template("errors/500.html"), 500


def register_error_handlers(app: Flask) -> None:
    from jobnet.web.platform import store_down

    store_down.init_app(app)
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(DfdgUnavailable, _dfdg_unavailable)
    app.register_error_handler(DfdgNotFound, _dfdg_refused)
    app.register_error_handler(DfdgForbidden, _dfdg_refused)
    app.register_error_handler(DfdgBadAnswer, _dfdg_bad_answer)
    app.register_error_handler(Exception, _unexpected)
