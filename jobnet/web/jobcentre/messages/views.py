"""The job centre's inbox and threads. DFDG decides which threads are the job centre's (its
citizens' only: any other is not found, here a 404 too) and audits every read. An answer is
sent through the outbox like every command; the page says whether DFDG has it yet."""

from __future__ import annotations

from dataclasses import replace

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.errors import DfdgNotFound, DfdgUnavailable
from jobnet.clients.dfdg_client.messages import (
    Thread,
    answer_command,
    start_thread_command,
    take_command,
)
from jobnet.clients.dfdg_client.values import Actor
from jobnet.web.auth.users import (
    acting_jobcentre_required,
    current_actor,
    jobcentre_required,
    subject_person_id,
)
from jobnet.web.citizen.messages.forms import NewMessageForm, ReplyForm
from jobnet.web.citizen.messages.uploads import download, read_uploads
from jobnet.web.jobcentre.messages import bp
from jobnet.web.journeys import last_known, outbox
from jobnet.web.journeys.kept_status import web_store
from jobnet.web.journeys.labels import MESSAGES_PURPOSE
from jobnet.web.journeys.machinery import receipt_for_key, send
from jobnet.web.store.models import OutboxCommand

MAX_ID_LENGTH = 36


def _key(form: NewMessageForm | ReplyForm) -> str:
    """The form's idempotency key; a new one if the post came without it (one command)."""
    return str(form.key.data or "") or outbox.new_idempotency_key()


# The filter as the address names it, and as DFDG does.
FILTERS = {"alle": "all", "ulaeste": "unread", "ubesvarede": "unanswered"}


def _actor(person_id: str | None = None) -> Actor:
    """The caseworker working in the job centre's messages (the purpose DFDG records)."""
    return replace(current_actor(), on_behalf_of=person_id, purpose=MESSAGES_PURPOSE)


def _cvr() -> str:
    return str(current_user.organisation_cvr)


def _thread(thread_id: str) -> Thread:
    if not thread_id or len(thread_id) > MAX_ID_LENGTH:
        abort(404)
    try:
        return get_dfdg_client().jobcentre_thread(_cvr(), thread_id, _actor())
    except DfdgNotFound:
        abort(404)


@bp.get("/")
@jobcentre_required
def inbox() -> str:
    chosen = request.args.get("vis", "alle")
    show = FILTERS.get(chosen, "all")
    found = get_dfdg_client().message_inbox(_cvr(), show, _actor())
    return render_template(
        "jobcentre/messages/inbox.html", inbox=found, chosen=chosen, filters=FILTERS
    )


def _thread_page(thread: Thread, form: ReplyForm, status: int = 200) -> tuple[str, int]:
    page = render_template("jobcentre/messages/thread.html", thread=thread, form=form)
    return page, status


@bp.get("/<thread_id>")
@jobcentre_required
def show(thread_id: str) -> tuple[str, int]:
    form = ReplyForm(formdata=None)
    form.key.data = outbox.new_idempotency_key()
    return _thread_page(_thread(thread_id), form)


@bp.post("/<thread_id>/tag")
@jobcentre_required
def take(thread_id: str) -> Response:
    thread = _thread(thread_id)
    release = request.form.get("release") == "1"
    command = take_command(_cvr(), thread.id, release=release)
    try:
        get_dfdg_client().send_command(
            command.method,
            command.path,
            command.body,
            actor=_actor(thread.person_id),
            idempotency_key=outbox.new_idempotency_key(),
        )
    except DfdgUnavailable:
        flash(_("The thread could not be taken: the employment database cannot be reached."))
    return redirect(url_for("jobcentre_messages.show", thread_id=thread.id))


def _deliver(command: OutboxCommand) -> OutboxCommand:
    if not last_known.dfdg_seems_away():
        budget = current_app.config["OUTBOX_SEND_BUDGET_SECONDS"]
        outbox.deliver_queue(web_store(), get_dfdg_client(), command.person_id, budget=budget)
    found = outbox.find_by_key(web_store(), command.idempotency_key)
    return found or command


@bp.post("/<thread_id>/svar")
@jobcentre_required
def answer(thread_id: str) -> Response | tuple[str, int]:
    thread = _thread(thread_id)
    form = ReplyForm()
    if form.validate_on_submit():
        files, errors = read_uploads(request.files.getlist(form.attachments.name))
        form.attachments.errors = [*form.attachments.errors, *errors]
        if not errors:
            text = str(form.text.data).strip()
            reference = outbox.new_reference()
            pairs = [(f.filename, f.data) for f in files]
            command = answer_command(_cvr(), thread.id, text, pairs, reference)
            stored = outbox.record(
                web_store(),
                person_id=thread.person_id,
                kind=command.kind,
                method=command.method,
                path=command.path,
                body=command.body,
                summary={
                    "subject": thread.subject,
                    "text": text,
                    "attachments": [f.filename for f in files],
                    "thread_id": thread.id,
                },
                actor=_actor(thread.person_id),
                idempotency_key=_key(form),
                organisation_name=current_user.organisation_name,
                reference=reference,
            )
            delivered = _deliver(stored)
            if delivered.status == outbox.REGISTERED:
                flash(_("Your answer is sent."), "success")
            elif delivered.status == outbox.REJECTED:
                flash(_("The employment database refused the answer."), "error")
            else:
                flash(
                    _(
                        "Your answer (reference %(reference)s) is sent as soon as the "
                        "employment database can be reached.",
                        reference=delivered.reference,
                    ),
                    "info",
                )
            return redirect(url_for("jobcentre_messages.show", thread_id=thread.id))
    if not form.key.data:
        form.key.data = outbox.new_idempotency_key()
    return _thread_page(thread, form)


@bp.get("/<thread_id>/bilag/<attachment_id>")
@jobcentre_required
def attachment(thread_id: str, attachment_id: str) -> Response:
    if len(thread_id) > MAX_ID_LENGTH or len(attachment_id) > MAX_ID_LENGTH:
        abort(404)
    try:
        file = get_dfdg_client().jobcentre_attachment(_cvr(), thread_id, attachment_id, _actor())
    except DfdgNotFound:
        abort(404)
    return download(file)


@bp.route("/ny", methods=["GET", "POST"])
@acting_jobcentre_required
def new() -> str | Response:
    """Start a thread with the citizen the caseworker has opened (for example about a
    summons); a receipt like every command."""
    form = NewMessageForm()
    if form.is_submitted() and form.key.data:
        existing = receipt_for_key(str(form.key.data))
        if existing is not None:
            return redirect(url_for("receipts.show", reference=existing.reference))
    if form.validate_on_submit():
        files, errors = read_uploads(request.files.getlist(form.attachments.name))
        form.attachments.errors = [*form.attachments.errors, *errors]
        if not errors:
            person_id = str(subject_person_id())
            subject, text = str(form.subject.data).strip(), str(form.text.data).strip()
            reference = outbox.new_reference()
            pairs = [(f.filename, f.data) for f in files]
            command = start_thread_command(
                person_id, subject, text, pairs, reference, by_caseworker=True
            )
            summary = {
                "subject": subject,
                "text": text,
                "attachments": [f.filename for f in files],
                "thread_id": None,
            }
            receipt = send(person_id, command, summary, _key(form), reference)
            return redirect(url_for("receipts.show", reference=receipt.reference))
    if not form.key.data:
        form.key.data = outbox.new_idempotency_key()
    return render_template("jobcentre/messages/new.html", form=form)
