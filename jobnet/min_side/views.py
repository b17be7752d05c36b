from __future__ import annotations

from flask import current_app, render_template
from flask_login import current_user

from jobnet import outbox
from jobnet.auth.users import citizen_actor, citizen_required
from jobnet.clients.dfdg import DfdgUnavailable, get_dfdg_client
from jobnet.clients.dfdg_plans import SummonsOverview
from jobnet.journeys import web_store
from jobnet.min_side import bp
from jobnet.situation import JOURNEY_KINDS, Situation, from_status


def _front_page(person_id: str) -> tuple[Situation | None, SummonsOverview | None]:
    """Status and interviews in one DFDG call, counting reports still on their way; nothing
    while DFDG cannot be reached (the page still shows the person's reports)."""
    try:
        status, interviews = get_dfdg_client().front_page(person_id, citizen_actor())
    except DfdgUnavailable:
        return None, None
    pending = outbox.pending_for_person(web_store(), person_id, JOURNEY_KINDS)
    return from_status(status, [(c.kind, c.body) for c in pending]), interviews


@bp.get("/")
@citizen_required
def index() -> str:
    situation, interviews = _front_page(current_user.id)
    store = current_app.extensions["web_store"]
    reports = outbox.for_person(store, current_user.id, limit=10)
    rejected = [report for report in reports if report.status == outbox.REJECTED]
    return render_template(
        "min_side/index.html",
        situation=situation,
        reports=reports,
        rejected=rejected,
        interviews=interviews,
    )
