from __future__ import annotations

from dataclasses import dataclass

from flask import abort, current_app, g, render_template, request
from flask_login import current_user

from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.duties import Duties
from jobnet.clients.dfdg_client.errors import DfdgUnavailable
from jobnet.clients.dfdg_client.status import parse_status
from jobnet.clients.dfdg_client.summons import SummonsOverview
from jobnet.web.auth.users import citizen_actor, citizen_required
from jobnet.web.citizen.duties.section import what_to_do_html
from jobnet.web.citizen.min_side import bp
from jobnet.web.citizen.min_side.reports import page_of_reports
from jobnet.web.journeys import last_known, outbox, outbox_reads, provisional
from jobnet.web.journeys.machinery import web_store
from jobnet.web.journeys.receipts.summaries import rejection_messages
from jobnet.web.journeys.situation import JOURNEY_KINDS, Situation, from_status, pending_changes
from jobnet.web.store.models import OutboxCommand

LATEST_REPORTS = 10


@dataclass(frozen=True)
class Rejected:
    """A report DFDG refused, with why in the reader's language (as on its receipt)."""

    report: OutboxCommand
    reasons: list[str]


def _front_page(
    person_id: str, pending: list[OutboxCommand]
) -> tuple[Situation | None, SummonsOverview | None, Duties | None]:
    """Status, interviews and duties in one DFDG call, counting reports still on their way;
    nothing while DFDG cannot be reached (the page still shows the person's reports)."""
    if provisional.is_provisional(person_id):  # never seen, logged in while DFDG was away
        g.dfdg_status_unknown = True
        return None, None, None
    try:
        answer, interviews, duties = last_known.ask_dfdg(
            lambda: get_dfdg_client().front_page_answer_with_duties(person_id, citizen_actor())
        )
    except DfdgUnavailable:
        # What the web app last knew, saying from when; nothing if it knows nothing.
        known = last_known.last_status(person_id)
        if known is None:
            g.dfdg_status_unknown = True
            return None, None, None
        g.dfdg_known_at = known.at
        return from_status(parse_status(known.answer), pending_changes(pending)), None, None
    last_known.remember_status(person_id, answer)
    return from_status(parse_status(answer), pending_changes(pending)), interviews, duties


@bp.get("/")
@citizen_required
def index() -> str:
    # The outbox is read before DFDG: a report delivered in between then shows as on its way
    # and as registered, never as neither.
    overview = outbox_reads.overview_for_person(
        web_store(), current_user.id, latest=LATEST_REPORTS, pending_kinds=JOURNEY_KINDS
    )
    situation, interviews, duties = _front_page(current_user.id, overview.pending)
    rejected = [
        Rejected(report, rejection_messages(report.rejection))
        for report in overview.latest
        if report.status == outbox.REJECTED
    ]
    return render_template(
        "citizen/min_side/index.html",
        situation=situation,
        duties=duties,
        duties_section=what_to_do_html(duties) if duties else None,
        reports=overview.latest,
        rejected=rejected,
        interviews=interviews,
    )


@bp.get("/indberetninger")
@citizen_required
def reports() -> str:
    number = request.args.get("side", default=1, type=int)
    page = page_of_reports(current_app.extensions["web_store"], current_user.id, number)
    if page is None:
        abort(404)
    return render_template("citizen/min_side/reports.html", page=page)
