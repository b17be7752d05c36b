from __future__ import annotations

from flask import current_app, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from jobnet.auth.users import public
from jobnet.i18n import LANGUAGE_COOKIE
from jobnet.public import bp
from jobnet.security import is_local_path


@bp.get("/")
@public
def index() -> str:
    return render_template("public/index.html")


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
    return {"status": "ok"}
