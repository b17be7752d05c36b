"""The developers' page of outgoing e-mail and SMS (/dev/outgoing): in the embedded default
nothing leaves the machine, so a person trying the app reads their codes and notifications
here. Registered only with DEV_OUTGOING_ENABLED, which production refuses."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template

from jobnet.web.auth.users import public
from jobnet.web.notifications import queue

bp = Blueprint("dev_outgoing", __name__, url_prefix="/dev")


@bp.get("/outgoing")
@public
def outgoing() -> str:
    rows = queue.latest(current_app.extensions["web_store"])
    return render_template("dev/outgoing.html", rows=rows)
