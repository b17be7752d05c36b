from __future__ import annotations

from flask import abort, current_app, render_template

from jobnet.web.auth.users import subject_person_id, subject_required
from jobnet.web.journeys import outbox
from jobnet.web.journeys.receipts import bp
from jobnet.web.journeys.receipts.summaries import rejection_messages, summary_rows
from jobnet.web.store.models import OutboxCommand


def _command(reference: str) -> OutboxCommand:
    person_id = subject_person_id()
    command = outbox.find(current_app.extensions["web_store"], reference, person_id or "")
    if command is None:
        abort(404)
    return command


def _context(command: OutboxCommand) -> dict[str, object]:
    return {
        "command": command,
        "rows": summary_rows(command.kind, command.summary, command.result),
        "rejection": rejection_messages(command.rejection),
        "overdue": outbox.is_overdue(command),
    }


@bp.get("/<reference>")
@subject_required
def show(reference: str) -> str:
    return render_template("journeys/receipts/show.html", **_context(_command(reference)))


@bp.get("/<reference>/print")
@subject_required
def print_view(reference: str) -> str:
    return render_template("journeys/receipts/print.html", **_context(_command(reference)))
