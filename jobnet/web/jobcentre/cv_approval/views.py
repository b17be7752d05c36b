from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from jobnet.clients.dfdg_client.commands import Command
from jobnet.clients.dfdg_client.cv import cv_approval_command
from jobnet.web.auth.users import acting_caseworker_required
from jobnet.web.jobcentre.cv_approval import bp
from jobnet.web.jobcentre.cv_approval.forms import DECISIONS, ApprovalForm
from jobnet.web.journeys.machinery import AnswerRow, Journey, Step, add_journey_routes, date_answer
from jobnet.web.journeys.receipts.summaries import format_date, summary_formatter
from jobnet.web.platform.i18n import format_local_date


class CvApprovalJourney(Journey):
    name = "cv_approval"
    kind = "cv_approval"
    title = _l("Assess the CV")
    steps = [Step("vurdering", ApprovalForm, _l("Assess the citizen's CV"))]

    def command(self, answers: dict[str, Any], person_id: str, reference: str) -> Command:
        note = (answers.get("note") or "").strip() or None
        return cv_approval_command(
            person_id, answers["status"], date_answer(answers, "assessed_on"), reference, note
        )

    def answer_rows(self, answers: dict[str, Any]) -> list[AnswerRow]:
        return [
            AnswerRow(
                _("Assessment"), str(DECISIONS.get(answers.get("status") or "", "")), "vurdering"
            ),
            AnswerRow(
                _("Date of the assessment"),
                format_local_date(date_answer(answers, "assessed_on")),
                "vurdering",
            ),
            AnswerRow(
                _("Note to the citizen"), (answers.get("note") or "").strip() or "–", "vurdering"
            ),
        ]


@summary_formatter("cv_approval", _l("Assessment of the CV"))
def _receipt_rows(summary: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (_("Assessment"), str(DECISIONS.get(summary.get("status") or "", ""))),
        (_("Date of the assessment"), format_date(summary.get("assessed_on"))),
        (_("Note to the citizen"), (summary.get("note") or "").strip() or "–"),
    ]


add_journey_routes(bp, CvApprovalJourney(), access=acting_caseworker_required)
