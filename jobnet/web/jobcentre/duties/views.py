"""The job centre's overview of duties, and opening a citizen from it at the page to act on.

DFDG decides who is listed (the job centre's own citizens) and audits each person listed; a
fund's employee is refused here as there. Opening asks for the purpose, as every opening does,
and DFDG refuses a person the caseworker may not open."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask.sansio.blueprints import BlueprintSetupState
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.duties import Duty
from jobnet.clients.dfdg_client.errors import DfdgForbidden, DfdgNotFound, DfdgUnavailable
from jobnet.web.auth.users import current_actor, jobcentre_required
from jobnet.web.jobcentre.citizens.views import remember_citizen, search_actor
from jobnet.web.jobcentre.duties import bp
from jobnet.web.jobcentre.duties.forms import OpenFromOverviewForm
from jobnet.web.jobcentre.duties.labels import KINDS, TEMPLATE_GLOBALS
from jobnet.web.journeys.labels import DUTIES_LIST_PURPOSE

MAX_ID_LENGTH = 36
MAX_NAME_LENGTH = 200

# What the caseworker acts on, and the page they land on once the citizen is open.
ACTS: dict[str, tuple[str, str | None]] = {
    "cv": ("cv.index", None),
    "joblog": ("joblog.index", None),
    "interview": ("summons.show", "summons_id"),
    "move": ("jobcentre_summons_move.start", "summons"),
    "plan": ("caseworker.citizen", None),
    "booking": ("caseworker.citizen", None),  # its booking requests, to book, move or withdraw
}


@bp.record_once
def _register_labels(state: BlueprintSetupState) -> None:
    state.app.jinja_env.globals.update(TEMPLATE_GLOBALS)
    state.app.jinja_env.globals["duty_act"] = act_of


def act_of(duty: Duty) -> str:
    if duty.kind == "interview" and duty.cannot_come:
        return "move"
    return duty.kind if duty.kind in ACTS else "plan"


@bp.get("/")
@jobcentre_required
def index() -> str:
    chosen = request.args.get("type", "alle")
    if chosen not in KINDS:
        chosen = "alle"
    actor = replace(current_actor(), on_behalf_of=None, purpose=DUTIES_LIST_PURPOSE)
    try:
        overview = get_dfdg_client().jobcentre_duties(
            str(current_user.organisation_cvr), KINDS[chosen], actor
        )
    except DfdgUnavailable:
        overview = None
    return render_template(
        "jobcentre/duties/index.html", overview=overview, chosen=chosen, kinds=KINDS
    )


def _target(act: str, summons_id: str) -> str:
    endpoint, summons_arg = ACTS.get(act, ACTS["plan"])
    values: dict[str, Any] = {}
    if summons_arg is not None:
        if not summons_id:
            return url_for("caseworker.citizen")
        values[summons_arg] = summons_id
    return url_for(endpoint, **values)


@bp.post("/aabn")
@jobcentre_required
def open_citizen() -> Response | tuple[str, int]:
    """Open a citizen from the overview: first the purpose is asked, then DFDG is asked for the
    person (refused unless the job centre's), then the page to act on."""
    form = OpenFromOverviewForm()
    person_id = str(form.person_id.data or "")
    summons_id = str(form.summons.data or "")
    if not person_id or len(person_id) > MAX_ID_LENGTH or len(summons_id) > MAX_ID_LENGTH:
        abort(400)
    name = str(form.name.data or "")[:MAX_NAME_LENGTH]
    if form.confirm.data != "yes":  # the button in the overview: ask for the purpose
        form = OpenFromOverviewForm(
            formdata=None,
            person_id=person_id,
            name=name,
            act=form.act.data,
            summons=summons_id,
            confirm="yes",
        )
        return render_template("jobcentre/duties/open.html", form=form, name=name), 200
    if not form.validate_on_submit():
        return render_template("jobcentre/duties/open.html", form=form, name=name), 200
    try:
        person = get_dfdg_client().get_person(person_id, search_actor(form.purpose_text()))
    except (DfdgForbidden, DfdgNotFound):
        flash(_("You cannot open this citizen's data."), "info")
        return redirect(url_for("jobcentre_duties.index"))
    remember_citizen(person_id, person.full_name, form.purpose_text())
    return redirect(_target(str(form.act.data or ""), summons_id))
