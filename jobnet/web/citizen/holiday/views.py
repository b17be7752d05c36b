from __future__ import annotations

from typing import Any

from flask import abort, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.wrappers import Response

from jobnet.clients.dfdg_client.commands import (
    HOLIDAY_CANCELLATION,
    Command,
    cancel_holiday_command,
    cancellation_path,
    holiday_command,
)
from jobnet.domain.absences import (
    AbsenceProblem,
    AbsenceReason,
    holiday_can_be_cancelled,
    reason_allowed,
)
from jobnet.web.auth.users import subject_person_id, subject_required
from jobnet.web.citizen.holiday import bp
from jobnet.web.citizen.holiday.forms import PeriodForm
from jobnet.web.journeys import outbox, outbox_reads
from jobnet.web.journeys.machinery import (
    AnswerRow,
    Journey,
    Step,
    add_journey_routes,
    current_situation,
    date_answer,
    receipt_for_key,
    send,
    web_store,
)
from jobnet.web.journeys.messages import problem_message
from jobnet.web.journeys.receipts.summaries import format_date, summary_formatter
from jobnet.web.journeys.situation import Situation
from jobnet.web.platform.forms import SubmitForm
from jobnet.web.platform.i18n import format_local_date


class HolidayJourney(Journey):
    name = "holiday"
    kind = "holiday"
    title = _l("Report holiday")
    steps = [Step("periode", PeriodForm, _l("When is your holiday?"))]

    def not_possible(self, situation: Situation) -> str | None:
        if not situation.is_registered:
            return problem_message(AbsenceProblem.NOT_REGISTERED)
        if not reason_allowed(
            AbsenceReason.HOLIDAY, situation.contact_group, situation.match_group
        ):
            return problem_message(AbsenceProblem.REASON_NOT_ALLOWED)
        return None

    def step_context(self, step: Step, situation: Situation) -> dict[str, Any]:
        return {"intro": _("Report your holiday before it starts. You can cancel it until then.")}

    def command(self, answers: dict[str, Any], person_id: str, reference: str) -> Command:
        first_day, last_day = date_answer(answers, "first_day"), date_answer(answers, "last_day")
        assert first_day is not None and last_day is not None
        return holiday_command(person_id, first_day, last_day, reference)

    def answer_rows(self, answers: dict[str, Any]) -> list[AnswerRow]:
        return [
            AnswerRow(
                _("First day of holiday"),
                format_local_date(date_answer(answers, "first_day")),
                "periode",
            ),
            AnswerRow(
                _("Last day of holiday"),
                format_local_date(date_answer(answers, "last_day")),
                "periode",
            ),
        ]


@summary_formatter("holiday", _l("Holiday report"))
def _receipt_rows(summary: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (_("First day of holiday"), format_date(summary.get("first_day"))),
        (_("Last day of holiday"), format_date(summary.get("last_day"))),
    ]


@summary_formatter("holiday_cancellation", _l("Holiday cancelled"))
def _cancellation_rows(summary: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (
            _("Cancelled holiday"),
            _(
                "%(first)s to %(last)s",
                first=format_date(summary.get("first_day")),
                last=format_date(summary.get("last_day")),
            ),
        ),
    ]


add_journey_routes(bp, HolidayJourney())


def _cancellable_holiday(absence_id: str) -> tuple[Any, Situation] | Response:
    """The holiday and the situation; for a holiday whose cancellation was sent already (the
    page reached again with the back button, say), that cancellation's receipt."""
    situation = current_situation()
    for holiday in situation.holidays:
        if holiday.id == absence_id and absence_id not in situation.cancelling:
            return holiday, situation
    person_id = subject_person_id()
    assert person_id is not None
    sent = outbox_reads.latest_to(
        web_store(), person_id, HOLIDAY_CANCELLATION, cancellation_path(person_id, absence_id)
    )
    if sent is None:
        abort(404)
    return redirect(url_for("receipts.show", reference=sent.reference))


@bp.route("/<absence_id>/aflys", methods=["GET", "POST"], endpoint="cancel")
@subject_required
def cancel(absence_id: str) -> str | Response:
    form = SubmitForm()
    key: str | None = form.key.data if form.validate_on_submit() else None
    if key and (existing := receipt_for_key(key)) is not None:
        return redirect(url_for("receipts.show", reference=existing.reference))
    found = _cancellable_holiday(absence_id)
    if isinstance(found, Response):
        return found
    holiday, situation = found
    if key:
        existing = None
        if holiday_can_be_cancelled(holiday.first_day, situation.today):
            reference = outbox.new_reference()
            person_id = subject_person_id()
            assert person_id is not None
            command = cancel_holiday_command(person_id, holiday.id, reference)
            summary = {
                "first_day": holiday.first_day.isoformat(),
                "last_day": holiday.last_day.isoformat(),
            }
            existing = send(person_id, command, summary, key, reference)
        if existing is not None:
            return redirect(url_for("receipts.show", reference=existing.reference))
    if not form.key.data:
        form.key.data = outbox.new_idempotency_key()
    return render_template(
        "citizen/holiday/cancel.html",
        form=form,
        holiday=holiday,
        can_cancel=holiday_can_be_cancelled(holiday.first_day, situation.today),
    )
