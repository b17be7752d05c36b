from __future__ import annotations

from flask import current_app, render_template
from flask_login import current_user

from jobnet import outbox
from jobnet.auth.users import citizen_actor, citizen_required
from jobnet.clients.dfdg import get_dfdg_client
from jobnet.min_side import bp


@bp.get("/")
@citizen_required
def index() -> str:
    person = get_dfdg_client().get_person(current_user.id, citizen_actor())
    reports = outbox.for_person(current_app.extensions["web_store"], current_user.id, limit=10)
    return render_template("min_side/index.html", person=person, reports=reports)
