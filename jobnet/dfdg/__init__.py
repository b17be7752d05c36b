"""DFDG, the system of record: its own Flask app, database, migrations and JSON API."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask, Request, Response
from flask.sessions import SessionInterface
from werkzeug.exceptions import HTTPException

from jobnet.db import Store
from jobnet.dfdg.assertion import AssertionVerifier
from jobnet.dfdg.context import (
    STORE_KEY,
    SYSTEMS_KEY,
    TOKENS_KEY,
    VERIFIER_KEY,
    close_request_session,
)
from jobnet.dfdg.http_headers import set_answer_headers
from jobnet.dfdg.problems import ProblemError, problem_response
from jobnet.dfdg.settings import load_dfdg_settings
from jobnet.dfdg.systems import parse_registry
from jobnet.environment import DEFAULT_ASSERTION_AUDIENCE, parse_system_tokens

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

log = logging.getLogger(__name__)

_HTTP_SLUGS = {
    400: "malformed-json",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
}


class _NoCookieSession(SessionInterface):
    """DFDG authenticates every request by its bearer token and keeps no cookie session, so no
    request pays for reading and verifying one; Flask's null session refuses any write."""

    def open_session(self, app: Flask, request: Request) -> None:
        return None

    def save_session(self, app: Flask, session: Any, response: Response) -> None:
        return None


def create_dfdg_app(settings: Mapping[str, Any] | None = None) -> Flask:
    """The DFDG service app. `settings` defaults to its own (`jobnet.dfdg.settings`)."""
    settings = dict(load_dfdg_settings() if settings is None else settings)
    app = Flask(__name__, static_folder=None)
    app.session_interface = _NoCookieSession()
    app.config.update(settings)
    app.json.sort_keys = False  # type: ignore[attr-defined]
    _setup_store(app, settings)
    _register_limits(app, settings)
    _register_api(app)
    _register_error_handlers(app)
    app.after_request(set_answer_headers)
    _register_cli(app)
    _prepare_database(app, settings)
    return app


def start_embedded_worker(app: Flask, interval: float) -> Any:
    """DFDG's worker (`jobnet.dfdg.worker`) as a thread beside the in-process DFDG `app`; the
    web app starts it in the embedded default (`DFDG_WORKER_EMBEDDED`)."""
    from jobnet.dfdg.worker import start_embedded

    return start_embedded(app, interval)


def _setup_store(app: Flask, settings: Mapping[str, Any]) -> None:
    app.extensions[STORE_KEY] = Store(settings["DFDG_DATABASE_URL"], MIGRATIONS_DIR)
    app.extensions[TOKENS_KEY] = parse_system_tokens(settings.get("DFDG_SYSTEM_TOKENS", ""))
    app.extensions[SYSTEMS_KEY] = parse_registry(settings.get("DFDG_SYSTEMS") or "")
    audience = settings.get("DFDG_ASSERTION_AUDIENCE") or DEFAULT_ASSERTION_AUDIENCE
    app.extensions[VERIFIER_KEY] = AssertionVerifier(audience)
    app.teardown_appcontext(close_request_session)


def _register_limits(app: Flask, settings: Mapping[str, Any]) -> None:
    from jobnet.dfdg import abuse_limits

    abuse_limits.init_app(app, settings)


def _register_api(app: Flask) -> None:
    from jobnet.dfdg.api import URL_PREFIX, bp

    app.register_blueprint(bp, url_prefix=URL_PREFIX)


def _http_problem(exc: HTTPException) -> Response:
    status = exc.code or 500
    response = problem_response(status, _HTTP_SLUGS.get(status, "internal-error"), exc.description)
    if status == 405 and exc.get_response().headers.get("Allow"):
        response.headers["Allow"] = exc.get_response().headers["Allow"]
    return response


def _internal_error(exc: Exception) -> Response:
    """A 500 problem. Only the exception's type and frames are logged: its message could hold
    statement parameters, and CPR numbers never go to a log."""
    close_request_session()
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error("DFDG request failed with %s\n%s", type(exc).__name__, frames)
    return problem_response(500, "internal-error", "An unexpected error occurred")


def _register_error_handlers(app: Flask) -> None:
    app.register_error_handler(ProblemError, lambda exc: exc.to_response())
    app.register_error_handler(HTTPException, _http_problem)
    app.register_error_handler(Exception, _internal_error)


def _register_cli(app: Flask) -> None:
    from jobnet.dfdg.cli import dfdg_cli

    app.cli.add_command(dfdg_cli)


def _prepare_database(app: Flask, settings: Mapping[str, Any]) -> None:
    store: Store = app.extensions[STORE_KEY]
    if settings.get("AUTO_MIGRATE", False):
        store.upgrade()
    if settings.get("LOAD_DEMO_DATA", False):
        from jobnet.dfdg.demo import load_demo_data_if_empty
        from jobnet.dfdg.stats_compute import compute_in_store
        from jobnet.dfdg.synthetic import load_synthetic_if_empty

        load_demo_data_if_empty(store)
        load_synthetic_if_empty(store, int(settings.get("SYNTHETIC_PERSONS") or 0))
        compute_in_store(store)
