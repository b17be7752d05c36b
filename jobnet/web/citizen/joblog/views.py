"""The job log pages: the list, add / change / delete an entry (with an "are you sure" page),
the week-by-week overview against the plan's job-search requirement, and a CSV download."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from flask import Response, abort, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.wrappers import Response as WerkzeugResponse

from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.joblog import (
    JOBLOG_ADD,
    JOBLOG_COPY_REMOVE,
    JOBLOG_DELETE,
    JOBLOG_EDIT,
    JOBLOG_KINDS,
    Joblog,
    JoblogEntry,
    joblog_add_command,
    joblog_delete_command,
    joblog_edit_command,
    parse_joblog,
)
from jobnet.domain.joblog import Requirement, csv_cell, weekly_overview
from jobnet.web.auth.resume import form_data
from jobnet.web.auth.users import current_actor, subject_person_id, subject_required
from jobnet.web.citizen.joblog import bp
from jobnet.web.citizen.joblog.copies import checked_copies
from jobnet.web.citizen.joblog.forms import KIND_LABELS, STATUS_LABELS, DeleteForm, EntryForm
from jobnet.web.journeys import known_answers, outbox_reads
from jobnet.web.journeys.changes import key_of, resubmitted, save
from jobnet.web.journeys.labels import report_actor_label
from jobnet.web.journeys.machinery import web_store
from jobnet.web.journeys.receipts.summaries import format_date, summary_formatter
from jobnet.web.platform.i18n import format_local_date

Page = str | Response | WerkzeugResponse


def _person_id() -> str:
    person_id = subject_person_id()
    assert person_id is not None
    return person_id


def _joblog() -> Joblog:
    """The job log; while DFDG is away, the citizen's own last known one (saying from when)."""
    person_id = _person_id()
    return parse_joblog(
        known_answers.own_answer(
            person_id, "joblog", lambda: get_dfdg_client().joblog_answer(person_id, current_actor())
        )
    )


def _entry(joblog: Joblog, entry_id: str) -> JoblogEntry:
    entry = joblog.entry(entry_id)
    if entry is None:
        abort(404)
    return entry


def _values(entry: JoblogEntry) -> dict[str, Any]:
    return {
        "applied_on": entry.applied_on,
        "employer": entry.employer,
        "job_title": entry.job_title,
        "kind": entry.kind,
        "status": entry.status,
        "link": entry.link,
        "note": entry.note,
    }


def _summary(values: dict[str, Any], copies: list[tuple[str, bytes]] | None = None) -> dict:
    summary = {
        name: value.isoformat() if isinstance(value, date) else value
        for name, value in values.items()
    }
    if copies:
        summary["copies"] = [name for name, _data in copies]
    return summary


def kind_label(kind: str) -> str:
    return str(KIND_LABELS.get(kind, kind))


def status_label(status: str) -> str:
    return str(STATUS_LABELS.get(status, status))


def registered_by(entry: JoblogEntry) -> str | None:
    """The caseworker's name and job centre (or "A system") when the citizen did not register the
    entry themself; None when they did."""
    if entry.created_by.type == "citizen":
        return None
    return report_actor_label(entry.created_by.model_dump())


@bp.context_processor
def _helpers() -> dict[str, Any]:
    return {"registered_by": registered_by}


def _form_page(form: EntryForm, title: Any, **extra: Any) -> str:
    form.ensure_key()
    return render_template(
        "citizen/joblog/entry.html",
        form=form,
        title=title,
        back_url=url_for("joblog.index"),
        **extra,
    )


@bp.get("/")
@subject_required
def index() -> str:
    joblog = _joblog()
    pending = outbox_reads.pending_for_person(web_store(), _person_id(), set(JOBLOG_KINDS))
    return render_template(
        "citizen/joblog/index.html",
        joblog=joblog,
        pending=len(pending),
        kind_label=kind_label,
        status_label=status_label,
    )


@bp.route("/ny", methods=["GET", "POST"])
@subject_required
def add() -> Page:
    if (again := resubmitted(url_for("joblog.index"))) is not None:
        return again
    joblog = _joblog()
    form = EntryForm(form_data())
    form.today = joblog.today
    valid = form.validate_on_submit()
    files = checked_copies(form, 0) if form.is_submitted() else None
    if valid and files is not None:
        body, pairs = form.body(), [(f.filename, f.data) for f in files]
        return save(
            lambda person_id, ref: joblog_add_command(person_id, body, ref, pairs),
            _summary(body, pairs),
            key_of(form),
            url_for("joblog.index"),
        )
    return _form_page(form, _("Add an application"))


@bp.route("/<entry_id>", methods=["GET", "POST"])
@subject_required
def edit(entry_id: str) -> Page:
    if (again := resubmitted(url_for("joblog.index"))) is not None:
        return again
    joblog = _joblog()
    entry = _entry(joblog, entry_id)
    formdata = form_data()  # what was posted or kept from an expired session
    form = EntryForm(data=_values(entry)) if formdata is None else EntryForm(formdata)
    form.today = joblog.today
    valid = form.validate_on_submit()
    files = checked_copies(form, len(entry.copies)) if form.is_submitted() else None
    if valid and files is not None:
        body, pairs = form.body(), [(f.filename, f.data) for f in files]
        return save(
            lambda person_id, ref: joblog_edit_command(person_id, entry.id, body, ref, pairs),
            _summary(body, pairs),
            key_of(form),
            url_for("joblog.index"),
        )
    delete_url = url_for("joblog.delete", entry_id=entry.id)
    return _form_page(form, _("Change the application"), delete_url=delete_url, entry=entry)


@bp.route("/<entry_id>/slet", methods=["GET", "POST"])
@subject_required
def delete(entry_id: str) -> Page:
    if (again := resubmitted(url_for("joblog.index"))) is not None:
        return again
    entry = _entry(_joblog(), entry_id)
    form = DeleteForm()
    if form.validate_on_submit():
        return save(
            lambda person_id, ref: joblog_delete_command(person_id, entry.id, ref),
            _summary(_values(entry)),
            key_of(form),
            url_for("joblog.index"),
        )
    form.ensure_key()
    return render_template(
        "citizen/joblog/delete.html",
        form=form,
        entry=entry,
        kind_label=kind_label,
        status_label=status_label,
        back_url=url_for("joblog.edit", entry_id=entry.id),
    )


@bp.get("/uger")
@subject_required
def weeks() -> str:
    joblog = _joblog()
    required = joblog.applications_per_week
    # Each week is judged by the plan version in force on its Monday (an older DFDG that gives
    # only today's requirement: that one, for every week).
    requirements = joblog.requirements or (
        (Requirement(date.min, required),) if required is not None else ()
    )
    overview = weekly_overview(
        (entry.applied_on for entry in joblog.entries),
        joblog.today,
        requirements=requirements,
        copy_days=(entry.applied_on for entry in joblog.entries if entry.copies),
    )
    with_copies = any(week.copies_required for week in overview)
    return render_template(
        "citizen/joblog/weeks.html", weeks=overview, required=required, with_copies=with_copies
    )


CSV_COLUMNS = (
    ("applied_on", _l("Date")),
    ("employer", _l("Employer")),
    ("job_title", _l("Job title")),
    ("kind", _l("Kind")),
    ("status", _l("Status")),
    ("link", _l("Link")),
    ("note", _l("Note")),
)


def _csv_row(entry: JoblogEntry) -> list[str]:
    values = {
        "applied_on": format_local_date(entry.applied_on, "short"),
        "employer": entry.employer,
        "job_title": entry.job_title,
        "kind": kind_label(entry.kind),
        "status": status_label(entry.status),
        "link": entry.link or "",
        "note": entry.note or "",
    }
    return [csv_cell(values[name]) for name, _label in CSV_COLUMNS]


@bp.get("/joblog.csv")
@subject_required
def download() -> Response:
    """The job log for Excel: UTF-8 with a byte order mark, `;` between cells (as Danish Excel
    expects), a translated header row, and no cell a spreadsheet would run as a formula."""
    joblog = _joblog()
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([csv_cell(str(label)) for _name, label in CSV_COLUMNS])
    writer.writerows(_csv_row(entry) for entry in joblog.entries)
    filename = f"joblog-{joblog.today.isoformat()}.csv"
    return Response(
        "\ufeff" + buffer.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _receipt_rows(summary: dict[str, Any]) -> list[tuple[str, str]]:
    rows = [
        (_("Date of application"), format_date(summary.get("applied_on"))),
        (_("Employer"), summary.get("employer") or ""),
        (_("Job title"), summary.get("job_title") or ""),
        (_("Kind"), kind_label(summary.get("kind") or "")),
        (_("Status"), status_label(summary.get("status") or "")),
        (_("Copies of the application"), ", ".join(summary.get("copies") or ())),
    ]
    return [(label, value) for label, value in rows if value]


for _kind, _label in (
    (JOBLOG_ADD, _l("Application added to the joblog")),
    (JOBLOG_EDIT, _l("Application in the joblog changed")),
    (JOBLOG_DELETE, _l("Application deleted from the joblog")),
    (JOBLOG_COPY_REMOVE, _l("Copy of an application removed from the joblog")),
):
    summary_formatter(_kind, _label)(_receipt_rows)
