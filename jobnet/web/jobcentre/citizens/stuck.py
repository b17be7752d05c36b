"""The job centre's page of its citizens' reports that Jobnet could not register: DFDG answered
them with an error time after time, so the outbox set them aside (`outbox_stuck`). A caseworker
sees those of citizens their organisation may open (DFDG decides, and logs the look in each
citizen's log) and sends each again or cancels it."""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.errors import DfdgError, DfdgUnavailable
from jobnet.clients.dfdg_client.values import Actor
from jobnet.web.auth.users import caseworker_required
from jobnet.web.jobcentre.citizens import bp
from jobnet.web.jobcentre.citizens.forms import StopActingForm
from jobnet.web.journeys import outbox_stuck
from jobnet.web.journeys.labels import SET_ASIDE_LIST_PURPOSE
from jobnet.web.store.models import OutboxCommand


@dataclass(frozen=True)
class SetAside:
    command: OutboxCommand
    full_name: str


def _actor() -> Actor:
    return Actor(
        type="caseworker",
        id=current_user.id,
        name=current_user.name,
        organisation=current_user.organisation_cvr,
        purpose=SET_ASIDE_LIST_PURPOSE,
        channel="web",
    )


def _ours() -> list[SetAside] | None:
    """The set-aside reports of citizens this caseworker may open; None while DFDG is away."""
    client, actor = get_dfdg_client(), _actor()
    names: dict[str, str | None] = {}
    found = []
    for command in outbox_stuck.set_aside(current_app.extensions["web_store"]):
        if command.person_id not in names:
            try:
                names[command.person_id] = client.get_person(command.person_id, actor).full_name
            except DfdgUnavailable:
                return None
            except DfdgError:  # not this job centre's citizen (or no longer known)
                names[command.person_id] = None
        name = names[command.person_id]
        if name is not None:
            found.append(SetAside(command, name))
    return found


@bp.get("/ikke-registreret")
@caseworker_required
def set_aside() -> str:
    return render_template(
        "jobcentre/citizens/set_aside.html", reports=_ours(), form=StopActingForm()
    )


@bp.post("/ikke-registreret")
@caseworker_required
def act_on_set_aside() -> Response:
    form = StopActingForm()
    reference, action = request.form.get("reference", ""), request.form.get("action")
    if not form.validate_on_submit() or action not in ("retry", "cancel"):
        abort(400)
    if not any(item.command.reference == reference for item in _ours() or []):
        abort(404)
    store = current_app.extensions["web_store"]
    if action == "retry" and outbox_stuck.retry(store, reference):
        flash(_("Report %(reference)s will be sent again.", reference=reference), "success")
    elif action == "cancel" and outbox_stuck.cancel(store, reference):
        flash(
            _("Report %(reference)s is cancelled and will not be sent.", reference=reference),
            "success",
        )
    return redirect(url_for("caseworker.set_aside"))
