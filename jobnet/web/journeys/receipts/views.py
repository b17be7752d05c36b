from __future__ import annotations

from flask import abort, current_app, render_template
from flask_login import current_user

from jobnet.web.auth.fund_pages import fund_may_see_receipt
from jobnet.web.auth.users import subject_person_id, subject_required
from jobnet.web.journeys import outbox, outbox_reads
from jobnet.web.journeys.receipts import bp
from jobnet.web.journeys.receipts.summaries import (
    next_step_lines,
    rejection_messages,
    summary_rows,
)
from jobnet.web.store.models import OutboxCommand


def _command(reference: str) -> OutboxCommand:
    person_id = subject_person_id()
    command = outbox_reads.find(current_app.extensions["web_store"], reference, person_id or "")
    if command is None:
        abort(404)
    if current_user.is_fund_employee and not fund_may_see_receipt(command.kind):
        abort(403)  # e.g. a plan's receipt: the job centre's
    return command


def _context(command: OutboxCommand) -> dict[str, object]:
    return {
        "command": command,
        "rows": summary_rows(command.kind, command.summary, command.result),
        "rejection": rejection_messages(command.rejection),
        "overdue": outbox.is_overdue(command),
        "next_steps": next_step_lines(command.kind, command.summary),
    }


@bp.get("/<reference>")
@subject_required
def show(reference: str) -> str:
    return render_template("journeys/receipts/show.html", **_context(_command(reference)))


@bp.get("/<reference>/print")
@subject_required
def print_view(reference: str) -> str:
    return render_template("journeys/receipts/print.html", **_context(_command(reference)))
