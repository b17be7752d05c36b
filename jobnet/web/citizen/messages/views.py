"""The person's messages: threads newest first (unread marked), one thread with its answers
and when the job centre read each message, writing a new message or an answer with files, and
the files as downloads. Writing goes through the outbox with a receipt, like every report."""

from __future__ import annotations

from flask import abort, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.errors import DfdgNotFound
from jobnet.clients.dfdg_client.messages import (
    MESSAGE_SEND,
    MESSAGE_START,
    Thread,
    send_message_command,
    start_thread_command,
)
from jobnet.web.auth.users import citizen_required, current_actor, subject_person_id
from jobnet.web.citizen.messages import bp
from jobnet.web.citizen.messages.forms import NewMessageForm, ReplyForm
from jobnet.web.citizen.messages.uploads import Upload, download, read_uploads
from jobnet.web.journeys import outbox, outbox_reads
from jobnet.web.journeys.kept_status import web_store
from jobnet.web.journeys.machinery import receipt_for_key, send

MAX_ID_LENGTH = 36


def _key(form: NewMessageForm | ReplyForm) -> str:
    """The form's idempotency key; a new one if the post came without it (one command)."""
    return str(form.key.data or "") or outbox.new_idempotency_key()


PENDING_KINDS = {MESSAGE_START, MESSAGE_SEND}


def _person() -> str:
    return str(subject_person_id())


def _thread(thread_id: str) -> Thread:
    if not thread_id or len(thread_id) > MAX_ID_LENGTH:
        abort(404)
    try:
        return get_dfdg_client().message_thread(_person(), thread_id, current_actor())
    except DfdgNotFound:
        abort(404)


def _summary(subject: str, text: str, files: list[Upload], thread_id: str | None) -> dict:
    return {
        "subject": subject,
        "text": text,
        "attachments": [file.filename for file in files],
        "thread_id": thread_id,
    }


def _already_sent(form: NewMessageForm | ReplyForm) -> Response | None:
    if form.is_submitted() and form.key.data:
        existing = receipt_for_key(str(form.key.data))
        if existing is not None:
            return redirect(url_for("receipts.show", reference=existing.reference))
    return None


def _checked_files(form: NewMessageForm | ReplyForm) -> list[Upload] | None:
    """The files chosen, when every one keeps the rules; None (the errors on the field)
    otherwise. What was typed stays in the form."""
    files, errors = read_uploads(request.files.getlist(form.attachments.name))
    if errors:
        form.attachments.errors = [*form.attachments.errors, *errors]
        return None
    return files


@bp.get("/")
@citizen_required
def index() -> str:
    threads = get_dfdg_client().message_threads(_person(), current_actor())
    pending = outbox_reads.pending_for_person(web_store(), _person(), PENDING_KINDS)
    return render_template("citizen/messages/index.html", threads=threads, pending=pending)


@bp.route("/ny", methods=["GET", "POST"])
@citizen_required
def new() -> str | Response:
    form = NewMessageForm()
    earlier = _already_sent(form)
    if earlier is not None:
        return earlier
    if form.validate_on_submit():
        files = _checked_files(form)
        if files is not None:
            subject, text = str(form.subject.data).strip(), str(form.text.data).strip()
            reference = outbox.new_reference()
            pairs = [(f.filename, f.data) for f in files]
            command = start_thread_command(_person(), subject, text, pairs, reference)
            summary = _summary(subject, text, files, None)
            receipt = send(_person(), command, summary, _key(form), reference)
            return redirect(url_for("receipts.show", reference=receipt.reference))
    if not form.key.data:
        form.key.data = outbox.new_idempotency_key()
    return render_template("citizen/messages/new.html", form=form)


@bp.get("/<thread_id>")
@citizen_required
def show(thread_id: str) -> str:
    thread = _thread(thread_id)
    form = ReplyForm(formdata=None)
    form.key.data = outbox.new_idempotency_key()
    return render_template("citizen/messages/show.html", thread=thread, form=form)


@bp.post("/<thread_id>/svar")
@citizen_required
def reply(thread_id: str) -> str | Response:
    form = ReplyForm()
    earlier = _already_sent(form)
    if earlier is not None:
        return earlier
    thread = _thread(thread_id)
    if form.validate_on_submit():
        files = _checked_files(form)
        if files is not None:
            text = str(form.text.data).strip()
            reference = outbox.new_reference()
            pairs = [(f.filename, f.data) for f in files]
            command = send_message_command(_person(), thread.id, text, pairs, reference)
            summary = _summary(thread.subject, text, files, thread.id)
            receipt = send(_person(), command, summary, _key(form), reference)
            return redirect(url_for("receipts.show", reference=receipt.reference))
    if not form.key.data:
        form.key.data = outbox.new_idempotency_key()
    return render_template("citizen/messages/show.html", thread=thread, form=form)


@bp.get("/<thread_id>/bilag/<attachment_id>")
@citizen_required
def attachment(thread_id: str, attachment_id: str) -> Response:
    if len(thread_id) > MAX_ID_LENGTH or len(attachment_id) > MAX_ID_LENGTH:
        abort(404)
    try:
        file = get_dfdg_client().message_attachment(
            _person(), thread_id, attachment_id, current_actor()
        )
    except DfdgNotFound:
        abort(404)
    return download(file)
