from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from jobnet.clients.dfdg_client.commands import Command, jobcentre_absence_command
from jobnet.domain.absences import AbsenceReason
from jobnet.web.auth.users import acting_jobcentre_required
from jobnet.web.jobcentre.absence import bp
from jobnet.web.jobcentre.absence.forms import AbsenceForm, jobcentre_reasons
from jobnet.web.journeys.labels import ABSENCE_REASONS
from jobnet.web.journeys.machinery import AnswerRow, Journey, Step, add_journey_routes, date_answer
from jobnet.web.journeys.receipts.summaries import format_date, summary_formatter
from jobnet.web.journeys.situation import Situation
from jobnet.web.platform.i18n import format_local_date


def _reason_label(value: str | None) -> str:
    try:
        return str(ABSENCE_REASONS[AbsenceReason(value or "")])
    except ValueError:
        return ""


class JobcentreAbsenceJourney(Journey):
    name = "jobcentre_absence"
    kind = "jobcentre_absence"
    title = _l("Register an absence")
    steps = [Step("fravaer", AbsenceForm, _l("Which absence do you want to register?"))]

    def not_possible(self, situation: Situation) -> str | None:
        if not jobcentre_reasons(situation.contact_group, situation.match_group):
            return _("No absence that only a job centre registers applies to this citizen.")
        return None

    def command(self, answers: dict[str, Any], person_id: str, reference: str) -> Command:
        first_day = date_answer(answers, "first_day")
        assert first_day is not None
        return jobcentre_absence_command(
            person_id,
            reason=answers["reason"],
            first_day=first_day,
            last_day=date_answer(answers, "last_day"),
            reference=reference,
        )

    def answer_rows(self, answers: dict[str, Any]) -> list[AnswerRow]:
        last_day = date_answer(answers, "last_day")
        return [
            AnswerRow(_("Reason"), _reason_label(answers.get("reason")), "fravaer"),
            AnswerRow(
                _("First day"), format_local_date(date_answer(answers, "first_day")), "fravaer"
            ),
            AnswerRow(
                _("Last day"),
                format_local_date(last_day) if last_day else _("Not known"),
                "fravaer",
            ),
        ]


@summary_formatter("jobcentre_absence", _l("Absence registered by the job centre"))
def _receipt_rows(summary: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (_("Reason"), _reason_label(summary.get("reason"))),
        (_("First day"), format_date(summary.get("first_day"))),
        (_("Last day"), format_date(summary.get("last_day")) or _("Not known")),
    ]


add_journey_routes(bp, JobcentreAbsenceJourney(), access=acting_jobcentre_required)
