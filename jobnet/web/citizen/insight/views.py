"""My data (/mine-data): thin views over the DFDG client; the words live in `present`."""

from __future__ import annotations

import csv
import io
import json
import time
from typing import Any

from flask import (
    Response,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.errors import DfdgNotFound
from jobnet.clients.dfdg_client.insight import (
    INSIGHT_REQUEST,
    AuditLogFilter,
    audit_log_page,
    insight_request_command,
    whole_audit_log,
)
from jobnet.domain.clock import today_in_denmark
from jobnet.domain.insight import answer_deadline, audit_log_oldest_day
from jobnet.domain.joblog import csv_cell
from jobnet.web.auth.resume import form_data
from jobnet.web.auth.users import (
    citizen_required,
    current_actor,
    subject_person_id,
    subject_required,
)
from jobnet.web.citizen.insight import bp
from jobnet.web.citizen.insight.forms import AuditLogFilterForm, InsightRequestForm
from jobnet.web.citizen.insight.log_groups import group_reads
from jobnet.web.citizen.insight.present import (
    TEMPLATE_HELPERS,
    action_label,
    entry_actor,
    outcome_label,
)
from jobnet.web.journeys import outbox
from jobnet.web.journeys.labels import purpose_label
from jobnet.web.journeys.machinery import receipt_for_key, send
from jobnet.web.journeys.receipts.summaries import format_date, summary_formatter
from jobnet.web.notifications import choices, held
from jobnet.web.platform import login_log
from jobnet.web.platform.i18n import format_local_datetime

# The page shows this many entries, newest first, with a link to the older ones.
AUDIT_LOG_PAGE_SIZE = 100


# The NSIS levels of assurance by the names the login accepts (MitID's own words).
LOGIN_LEVELS = {"Low": _l("Low"), "Substantial": _l("Substantial"), "High": _l("High")}


def login_level_label(level: str) -> str:
    return str(LOGIN_LEVELS.get(level, level))


@bp.context_processor
def _helpers() -> dict[str, Any]:
    return {**TEMPLATE_HELPERS, "login_level_label": login_level_label}


def _person_id() -> str:
    person_id = subject_person_id()
    assert person_id is not None
    return person_id


def _held_by_jobnet() -> dict[str, Any] | None:
    """What the web app itself holds about the citizen (their notification contact data, and
    their logins: `jobnet.web.platform.login_log`): for the citizen only; a caseworker acting
    for them has no need of it (data minimisation)."""
    if not current_user.is_citizen:
        return None
    subject = choices.subject_of(choices.CITIZEN, _person_id())
    store = current_app.extensions["web_store"]
    return {**held.held_for(store, subject), "logins": login_log.logins_of(store, subject)}


@bp.get("/")
@subject_required
def index() -> str:
    export = get_dfdg_client().export(_person_id(), current_actor())
    return render_template(
        "citizen/insight/index.html", export=export, held_by_jobnet=_held_by_jobnet()
    )


@bp.get("/hent")
@subject_required
def download() -> Response:
    export = get_dfdg_client().export(_person_id(), current_actor())
    document = dict(export.document)
    jobnet_held = _held_by_jobnet()
    if jobnet_held is not None:
        logins = jobnet_held.pop("logins")
        document["held_by_jobnet"] = {"notifications": jobnet_held, "logins": logins}
    body = json.dumps(document, ensure_ascii=False, indent=2)
    filename = f"mine-data-{export.generated_at.date().isoformat()}.json"
    return Response(
        body,
        mimetype="application/json",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _log_filter() -> tuple[AuditLogFilterForm, AuditLogFilter | None]:
    """The filter form and its filter; None when the form has errors."""
    form = AuditLogFilterForm(formdata=request.args if request.args else None)
    if request.args and not form.validate():
        return form, None
    return form, AuditLogFilter(
        date_from=form.date_from.data,
        date_to=form.date_to.data,
        actor_type=form.actor_type.data or None,
    )


def _filter_args() -> dict[str, Any]:
    """The query's filters without the page: for the download and the page links."""
    return {name: value for name, value in request.args.items() if name != "before"}


@bp.get("/hvem-har-set")
@citizen_required
def audit_log() -> str:
    form, audit_filter = _log_filter()
    page = None
    if audit_filter is not None:
        before = request.args.get("before", type=int)
        if before is not None and before < 1:
            abort(400)
        page = audit_log_page(
            get_dfdg_client(),
            _person_id(),
            current_actor(),
            audit_filter,
            limit=AUDIT_LOG_PAGE_SIZE,
            before=before,
        )
    oldest = audit_log_oldest_day(today_in_denmark())
    return render_template(
        "citizen/insight/audit_log.html",
        form=form,
        lines=group_reads(page.entries) if page else (),
        oldest=oldest,
        page_size=AUDIT_LOG_PAGE_SIZE,
        older_url=url_for("insight.audit_log", **_filter_args(), before=page.next_before)
        if page and page.next_before
        else None,
        newest_url=url_for("insight.audit_log", **_filter_args())
        if "before" in request.args
        else None,
        csv_url=url_for("insight.audit_log_csv", **_filter_args()),
    )


@bp.get("/hvem-har-set.csv")
@citizen_required
def audit_log_csv() -> Response:
    """Every entry of the chosen period, however many: DFDG is read page by page."""
    _form, audit_filter = _log_filter()
    if audit_filter is None:
        abort(400)
    entries = whole_audit_log(get_dfdg_client(), _person_id(), current_actor(), audit_filter)
    # As the job log's file: `;` between cells and UTF-8 with a byte order mark, so a Danish
    # spreadsheet opens both the same way; no cell runs as a formula.
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([_("When"), _("Who"), _("What"), _("Purpose"), _("Channel"), _("Outcome")])
    for entry in entries:
        writer.writerow(
            [
                csv_cell(cell)
                for cell in (
                    format_local_datetime(entry.at, "short"),
                    entry_actor(entry),
                    action_label(entry.action),
                    purpose_label(entry.purpose),
                    entry.channel,
                    outcome_label(entry.outcome),
                )
            ]
        )
    filename = f"hvem-har-set-mine-data-{today_in_denmark().isoformat()}.csv"
    return Response(
        "\ufeff" + out.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@bp.get("/historik/<record_type>/<record_id>")
@subject_required
def history(record_type: str, record_id: str) -> str:
    try:
        record = get_dfdg_client().record_history(
            _person_id(), record_type, record_id, current_actor()
        )
    except DfdgNotFound:
        abort(404)
    return render_template("citizen/insight/history.html", record=record)


# A request sent from this session is the one its form sends again for this long: the Back
# button (which reloads the page) or a second tab then shows the same receipt, as the journeys do.
RESEND_SECONDS = 30 * 60
REQUEST_KEY = "insight_request"


def _request_draft(person_id: str) -> dict[str, Any]:
    """This session's request: its idempotency key and, once sent, its receipt's reference."""
    draft: dict[str, Any] = session.get(REQUEST_KEY) or {}
    fresh = draft.get("person_id") == person_id
    if fresh and draft.get("sent") and time.time() - draft.get("at", 0) > RESEND_SECONDS:
        fresh = False
    if not fresh:
        draft = {"person_id": person_id, "key": outbox.new_idempotency_key(), "sent": None}
        session[REQUEST_KEY] = draft
    return draft


@bp.route("/anmod-om-indsigt", methods=["GET", "POST"])
@citizen_required
def request_access() -> Any:
    person_id = _person_id()
    form = InsightRequestForm(form_data())  # a GET shows what was kept from an expired session
    draft = _request_draft(person_id)
    if request.method == "GET":
        form.key.data = form.key.data or draft["key"]
    elif form.validate_on_submit() and form.key.data:
        existing = receipt_for_key(form.key.data)
        if existing is not None:
            return redirect(url_for("receipts.show", reference=existing.reference))
        received_on = today_in_denmark()
        note = (form.note.data or "").strip() or None
        reference = outbox.new_reference()
        command = insight_request_command(person_id, received_on, note, reference)
        summary = {
            "received_on": received_on.isoformat(),
            "deadline": answer_deadline(received_on).isoformat(),
            "note": note,
        }
        receipt = send(person_id, command, summary, form.key.data, reference)
        if form.key.data == draft["key"]:
            session[REQUEST_KEY] = {**draft, "sent": receipt.reference, "at": time.time()}
        return redirect(url_for("receipts.show", reference=receipt.reference))
    elif not form.key.data:
        abort(400)
    return render_template("citizen/insight/request.html", form=form, sent=draft["sent"])


@summary_formatter(INSIGHT_REQUEST, _l("Request for access to your data"))
def _receipt_rows(summary: dict[str, Any]) -> list[tuple[str, str]]:
    rows = [
        (_("Request received"), format_date(summary.get("received_on"))),
        (_("We answer you by"), format_date(summary.get("deadline"))),
    ]
    if summary.get("note"):
        rows.append((_("Your note"), str(summary["note"])))
    if summary["answer"].get("reference"):
        rows.append((_("DFDG's reference number"), str(summary["answer"]["reference"])))
    return rows
