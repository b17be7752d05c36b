from __future__ import annotations

from flask import current_app, redirect, render_template, request, url_for
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.wrappers import Response

from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.errors import DfdgError
from jobnet.web.auth.users import public
from jobnet.web.platform.i18n import LANGUAGE_COOKIE
from jobnet.web.platform.security import is_local_path
from jobnet.web.public import bp


@bp.get("/")
@public
def index() -> str:
    return render_template(
        "public/index.html",
        login_url=url_for("auth.login"),
        caseworker_login_url=url_for("auth.caseworker_login"),
        statistics_url=url_for("statistics.index"),
    )


@bp.get("/language/<code>")
@public
def switch_language(code: str) -> Response:
    target = request.args.get("next", "")
    if not is_local_path(target):
        target = url_for("public.index")
    response = redirect(target)
    if code in current_app.config["LANGUAGES"]:
        response.set_cookie(
            LANGUAGE_COOKIE,
            code,
            max_age=365 * 24 * 3600,
            samesite="Lax",
            secure=current_app.config["SESSION_COOKIE_SECURE"],
            httponly=True,
        )
    return response


@bp.get("/was")
@public
def accessibility_statement() -> str:
    return render_template("public/accessibility.html")


@bp.get("/data-protection")
@public
def data_protection() -> str:
    return render_template("public/data_protection.html")


@bp.get("/health")
@public
def health() -> dict[str, str]:
    """Liveness: the process answers. It checks nothing else, so a restart is never caused by
    a database or DFDG being down."""
    return {"status": "ok"}


@bp.get("/ready")
@public
def ready() -> tuple[dict[str, str], int]:
    """Readiness: the web store answers and DFDG says it is up (a load balancer sends users
    only to workers that are ready)."""
    checks = {"database": "ok", "dfdg": "ok"}
    try:
        with current_app.extensions["web_store"].autocommit_engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError:
        checks["database"] = "unavailable"
    try:
        if get_dfdg_client().health().status != "ok":
            checks["dfdg"] = "unavailable"
    except DfdgError:
        checks["dfdg"] = "unavailable"
    up = all(value == "ok" for value in checks.values())
    return {"status": "ok" if up else "unavailable", **checks}, 200 if up else 503
