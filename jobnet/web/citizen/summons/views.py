"""The citizen's summons to interviews: the list, one summons, and its calendar file."""

from __future__ import annotations

from flask import Response, abort, render_template
from flask.sansio.blueprints import BlueprintSetupState

from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.errors import DfdgNotFound
from jobnet.clients.dfdg_client.summons import Summons
from jobnet.web.auth.users import current_actor, subject_person_id, subject_required
from jobnet.web.citizen.summons import bp
from jobnet.web.citizen.summons.calendar import filename, summons_calendar
from jobnet.web.citizen.summons.labels import (
    interview_form_label,
    interview_type_label,
    summons_status_label,
)

MAX_ID_LENGTH = 36


@bp.record_once
def _register_labels(state: BlueprintSetupState) -> None:
    state.app.jinja_env.globals.update(
        interview_form_label=interview_form_label,
        interview_type_label=interview_type_label,
        summons_status_label=summons_status_label,
    )


def _summons(summons_id: str) -> Summons:
    if not summons_id or len(summons_id) > MAX_ID_LENGTH:
        abort(404)
    try:
        return get_dfdg_client().summons(str(subject_person_id()), summons_id, current_actor())
    except DfdgNotFound:
        abort(404)


@bp.get("/")
@subject_required
def index() -> str:
    overview = get_dfdg_client().summons_overview(str(subject_person_id()), current_actor())
    return render_template("citizen/summons/index.html", overview=overview)


@bp.get("/<summons_id>")
@subject_required
def show(summons_id: str) -> str:
    return render_template("citizen/summons/show.html", summons=_summons(summons_id))


@bp.get("/<summons_id>/kalender.ics")
@subject_required
def calendar(summons_id: str) -> Response:
    summons = _summons(summons_id)
    response = Response(summons_calendar(summons), mimetype="text/calendar")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename(summons)}"'
    return response
