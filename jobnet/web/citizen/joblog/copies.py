"""Copies of applications on a job log entry (issue 22): files chosen on the entry's form,
checked by their content, a copy as a download, and removing one (with an "are you sure" page).
Attaching goes with the entry's add or change command through the outbox; removing is a
command of its own."""

from __future__ import annotations

from typing import Any

from flask import abort, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.datastructures import FileStorage
from werkzeug.wrappers import Response

from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.errors import DfdgNotFound
from jobnet.clients.dfdg_client.joblog import JoblogEntry, joblog_copy_remove_command
from jobnet.domain.joblog_copies import check_copies
from jobnet.domain.messages import (
    MAX_ATTACHMENT_BYTES,
    AttachmentFacts,
    safe_filename,
    sniff_kind,
)
from jobnet.web.auth.users import current_actor, subject_person_id, subject_required
from jobnet.web.citizen.joblog import bp
from jobnet.web.citizen.messages.uploads import Upload, download
from jobnet.web.journeys.changes import RuleForm, key_of, resubmitted, save
from jobnet.web.journeys.messages import problem_message

MAX_ID_LENGTH = 36
FIELD = "copies"


def read_copies(existing: int) -> tuple[list[Upload], list[str]]:
    """The files chosen in the form's copies field that keep the rules (with `existing` copies
    on the entry already), and a sentence for each problem."""
    chosen = [f for f in request.files.getlist(FIELD) if isinstance(f, FileStorage) and f.filename]
    datas = [storage.stream.read(MAX_ATTACHMENT_BYTES + 1) for storage in chosen]
    facts = [AttachmentFacts(size=len(data), head=data[:16]) for data in datas]
    errors: list[str] = []
    for field, problem in check_copies(existing, facts):
        if field == FIELD:
            errors.append(problem_message(problem))
            continue
        name = chosen[int(field.split(".")[1])].filename or ""
        errors.append(_("%(file)s: %(problem)s", file=name, problem=problem_message(problem)))
    if errors:
        return [], errors
    kept = []
    for storage, data in zip(chosen, datas, strict=True):
        kind = sniff_kind(data[:16])
        assert kind is not None
        kept.append(Upload(safe_filename(storage.filename, kind), data))
    return kept, errors


def checked_copies(form: Any, existing: int) -> list[Upload] | None:
    """The chosen files, or None with their problems on the form's copies field."""
    files, errors = read_copies(existing)
    if errors:
        form.copies.errors = [*form.copies.errors, *errors]
        return None
    return files


def _ids_ok(*ids: str) -> None:
    if any(not value or len(value) > MAX_ID_LENGTH for value in ids):
        abort(404)


@bp.get("/<entry_id>/kopi/<copy_id>")
@subject_required
def copy(entry_id: str, copy_id: str) -> Response:
    _ids_ok(entry_id, copy_id)
    person_id = subject_person_id()
    assert person_id is not None
    try:
        file = get_dfdg_client().joblog_copy(person_id, entry_id, copy_id, current_actor())
    except DfdgNotFound:
        abort(404)
    return download(file)


class RemoveCopyForm(RuleForm):
    """Are you sure? One button and the command's idempotency key."""


@bp.route("/<entry_id>/kopi/<copy_id>/fjern", methods=["GET", "POST"])
@subject_required
def copy_remove(entry_id: str, copy_id: str) -> str | Response:
    _ids_ok(entry_id, copy_id)
    back = url_for("joblog.edit", entry_id=entry_id)
    if (again := resubmitted(back)) is not None:
        return again
    person_id = subject_person_id()
    assert person_id is not None
    joblog = get_dfdg_client().joblog(person_id, current_actor())
    entry: JoblogEntry | None = joblog.entry(entry_id)
    found = joblog.copy(entry_id, copy_id)
    if entry is None or found is None:
        abort(404)
    form = RemoveCopyForm()
    if form.validate_on_submit():
        summary = {"employer": entry.employer, "job_title": entry.job_title}
        return save(
            lambda person_id, ref: joblog_copy_remove_command(person_id, entry.id, found.id, ref),
            {**summary, "applied_on": entry.applied_on.isoformat(), "copies": [found.filename]},
            key_of(form),
            back,
        )
    form.ensure_key()
    return render_template(
        "citizen/joblog/remove_copy.html", form=form, entry=entry, copy=found, back_url=back
    )
