from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from jobnet.clients.dfdg_client.commands import Command, recovery_command
from jobnet.domain.absences import AbsenceProblem
from jobnet.web.citizen.recovery import bp
from jobnet.web.citizen.recovery.forms import FitDayForm
from jobnet.web.journeys.machinery import AnswerRow, Journey, Step, add_journey_routes, date_answer
from jobnet.web.journeys.messages import problem_message
from jobnet.web.journeys.receipts.summaries import format_date, summary_formatter
from jobnet.web.journeys.situation import Situation
from jobnet.web.platform.i18n import format_local_date


class RecoveryJourney(Journey):
    name = "recovery"
    kind = "recovery"
    title = _l("Report recovery")
    steps = [Step("rask-dato", FitDayForm, _l("When were you fit again?"))]

    def not_possible(self, situation: Situation) -> str | None:
        if situation.sick_since is None:
            return problem_message(AbsenceProblem.NOT_SICK)
        return None

    def step_context(self, step: Step, situation: Situation) -> dict[str, Any]:
        return {
            "intro": _(
                "You are reported sick from %(date)s.", date=format_local_date(situation.sick_since)
            )
        }

    def command(self, answers: dict[str, Any], person_id: str, reference: str) -> Command:
        fit_day = date_answer(answers, "fit_day")
        assert fit_day is not None
        return recovery_command(person_id, fit_day, reference)

    def answer_rows(self, answers: dict[str, Any]) -> list[AnswerRow]:
        fit_day = date_answer(answers, "fit_day")
        return [AnswerRow(_("The day you were fit again"), format_local_date(fit_day), "rask-dato")]


@summary_formatter("recovery", _l("Recovery report"))
def _receipt_rows(summary: dict[str, Any]) -> list[tuple[str, str]]:
    return [(_("The day you were fit again"), format_date(summary.get("fit_day")))]


add_journey_routes(bp, RecoveryJourney())
