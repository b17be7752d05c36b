from __future__ import annotations

from flask import render_template

from jobnet.auth.users import caseworker_required
from jobnet.caseworker import bp


@bp.get("/")
@caseworker_required
def index() -> str:
    return render_template("caseworker/index.html")
