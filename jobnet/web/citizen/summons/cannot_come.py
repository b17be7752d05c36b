""" "I can't come" on a summons: the person gives a lawful reason and a note before the
interview starts. Sent through the outbox like every report, with a receipt; a sickness reason
offers to report sickness as well."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from flask import abort, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response
from wtforms import HiddenField, RadioField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired

from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.errors import DfdgNotFound
from jobnet.clients.dfdg_client.summons import Summons, cannot_come_command
from jobnet.domain.cannot_come import CannotComeReason, check_cannot_come
from jobnet.web.auth.users import current_actor, subject_person_id, subject_required
from jobnet.web.citizen.summons import bp
from jobnet.web.citizen.summons.labels import interview_type_label
from jobnet.web.citizen.summons.messages import REASONS, reason_label
from jobnet.web.journeys import outbox
from jobnet.web.journeys.machinery import receipt_for_key, send
from jobnet.web.journeys.messages import problem_message
from jobnet.web.journeys.receipts.summaries import next_steps, summary_formatter
from jobnet.web.platform.i18n import format_local_datetime

MAX_ID_LENGTH = 36


class CannotComeForm(FlaskForm):
    class Meta:
        locales = ("da", "en")

    key = HiddenField()
    reason = RadioField(
        _l("Why can you not come?"),
        choices=[SelectChoice(reason.value, label) for reason, label in REASONS.items()],
        validators=[InputRequired(_l("Choose why you cannot come"))],
    )
    note = TextAreaField(
        _l("Note to the job centre"),
        description=_l("For example when you can come instead. At most 500 characters."),
    )


def _summons(summons_id: str) -> Summons:
    if not summons_id or len(summons_id) > MAX_ID_LENGTH:
        abort(404)
    try:
        return get_dfdg_client().summons(str(subject_person_id()), summons_id, current_actor())
    except DfdgNotFound:
        abort(404)


def _told_for_this_time(summons: Summons) -> bool:
    return summons.cannot_come is not None and summons.cannot_come.for_current_time


@bp.route("/<summons_id>/kan-ikke-komme", methods=["GET", "POST"])
@subject_required
def cannot_come(summons_id: str) -> str | Response:
    form = CannotComeForm()
    if form.is_submitted() and form.key.data:
        existing = receipt_for_key(form.key.data)
        if existing is not None:
            return redirect(url_for("receipts.show", reference=existing.reference))
    summons = _summons(summons_id)
    # Whether the interview has started is DFDG's to judge (its "now"); a late notice gets a
    # receipt that says why it was refused.
    closed = check_cannot_come(
        reason=CannotComeReason.SICKNESS,
        note=None,
        starts_at=summons.starts_at,
        now=summons.starts_at - timedelta(seconds=1),
        cancelled=summons.is_cancelled,
        told_for_this_time=_told_for_this_time(summons),
    )
    if form.validate_on_submit() and not closed:
        reason = CannotComeReason(str(form.reason.data))
        note = (form.note.data or "").strip() or None
        problems = check_cannot_come(
            reason=reason,
            note=note,
            starts_at=summons.starts_at,
            now=summons.starts_at - timedelta(seconds=1),
            cancelled=False,
            told_for_this_time=False,
        )
        for _field, problem in problems:
            form.note.errors = [*form.note.errors, problem_message(problem)]
        if not problems:
            person_id = str(subject_person_id())
            reference = outbox.new_reference()
            command = cannot_come_command(person_id, summons.id, reason.value, note, reference)
            summary = {
                "summons_id": summons.id,
                "type": summons.type,
                "starts_at": summons.starts_at.isoformat(),
                "reason": reason.value,
                "note": note,
            }
            receipt = send(person_id, command, summary, str(form.key.data), reference)
            return redirect(url_for("receipts.show", reference=receipt.reference))
    if not form.key.data:
        form.key.data = outbox.new_idempotency_key()
    return render_template(
        "citizen/summons/cannot_come.html",
        form=form,
        summons=summons,
        closed=[problem_message(problem) for _field, problem in closed],
    )


@summary_formatter("cannot_come", _l("I can't come to an interview"))
def _receipt_rows(summary: dict[str, Any]) -> list[tuple[str, str]]:
    starts_at = summary.get("starts_at")
    when = format_local_datetime(datetime.fromisoformat(starts_at)) if starts_at else ""
    rows = [
        (_("Interview"), f"{interview_type_label(str(summary.get('type')))}, {when}"),
        (_("Why you cannot come"), reason_label(summary.get("reason"))),
    ]
    if summary.get("note"):
        rows.append((_("Note to the job centre"), str(summary["note"])))
    return rows


@next_steps("cannot_come")
def _after(summary: dict[str, Any]) -> list[str]:
    lines = [_("The job centre will contact you about a new time.")]
    if summary.get("reason") == CannotComeReason.SICKNESS.value:
        lines.append(
            _("If you are sick, report sickness as well: you find it on My page (Report sickness).")
        )
    return lines
