from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from jobnet.clients.dfdg_client.commands import Command, sickness_command
from jobnet.domain.absences import AbsenceProblem, check_sickness
from jobnet.web.citizen.sickness import bp
from jobnet.web.citizen.sickness.forms import FirstDayForm
from jobnet.web.journeys.machinery import AnswerRow, Journey, Step, add_journey_routes, date_answer
from jobnet.web.journeys.messages import problem_message
from jobnet.web.journeys.receipts.summaries import format_date, summary_formatter
from jobnet.web.journeys.situation import Situation
from jobnet.web.platform.i18n import format_local_date


class SicknessJourney(Journey):
    name = "sickness"
    kind = "sickness"
    title = _l("Report sickness")
    steps = [Step("foerste-sygedag", FirstDayForm, _l("When did you fall ill?"))]

    while_unknown = True  # the day only; DFDG checks the registration at delivery

    def not_possible(self, situation: Situation) -> str | None:
        if situation.unknown:
            return None
        if not situation.is_registered:  # also from the deregistration day on
            return problem_message(AbsenceProblem.NOT_REGISTERED)
        problem = check_sickness(
            situation.today,
            situation.today,
            contact_group=situation.contact_group,
            match_group=situation.match_group,
            registered_since=situation.registered_since,
            open_sickness=situation.sick_since is not None,
        )
        # Only the person's situation can block the journey here; dates are the form's job.
        if problem and problem.value in {
            "not_registered",
            "sickness_benefit_recipient",
            "reason_not_allowed",
            "already_sick",
        }:
            return problem_message(problem)
        return None

    def command(self, answers: dict[str, Any], person_id: str, reference: str) -> Command:
        first_day = date_answer(answers, "first_day")
        assert first_day is not None
        return sickness_command(person_id, first_day, reference)

    def answer_rows(self, answers: dict[str, Any]) -> list[AnswerRow]:
        first_day = date_answer(answers, "first_day")
        return [
            AnswerRow(_("First day of sickness"), format_local_date(first_day), "foerste-sygedag")
        ]


@summary_formatter("sickness", _l("Sickness report"))
def _receipt_rows(summary: dict[str, Any]) -> list[tuple[str, str]]:
    return [(_("First day of sickness"), format_date(summary.get("first_day")))]


add_journey_routes(bp, SicknessJourney())
