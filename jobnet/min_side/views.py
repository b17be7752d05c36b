from __future__ import annotations

from flask import current_app, render_template
from flask_login import current_user

from jobnet import outbox
from jobnet.auth.users import citizen_required
from jobnet.clients.dfdg import DfdgUnavailable
from jobnet.journeys import current_situation
from jobnet.min_side import bp
from jobnet.summons.overview import summons_overview_or_none


@bp.get("/")
@citizen_required
def index() -> str:
    try:
        situation = current_situation()
    except DfdgUnavailable:
        situation = None  # the page still shows the person's reports and their status
    store = current_app.extensions["web_store"]
    reports = outbox.for_person(store, current_user.id, limit=10)
    rejected = [report for report in reports if report.status == outbox.REJECTED]
    return render_template(
        "min_side/index.html",
        situation=situation,
        reports=reports,
        rejected=rejected,
        interviews=summons_overview_or_none() if situation else None,
    )
