from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from jobnet.clients.dfdg_client.commands import Command, deregister_command
from jobnet.domain.jobseeker import RegistrationProblem, deregistration_window
from jobnet.web.citizen.deregistration import bp
from jobnet.web.citizen.deregistration.forms import REASON_CHOICES, DateForm, ReasonForm
from jobnet.web.journeys.machinery import AnswerRow, Journey, Step, add_journey_routes, date_answer
from jobnet.web.journeys.messages import problem_message
from jobnet.web.journeys.receipts.summaries import format_date, summary_formatter
from jobnet.web.journeys.situation import Situation
from jobnet.web.platform.i18n import format_local_date


def _reason_text(reason: str | None, other: str | None) -> str:
    label = next((str(c.label) for c in REASON_CHOICES if c.value == reason), "")
    return f"{label}: {other}" if reason == "other" and other else label


class DeregistrationJourney(Journey):
    name = "deregistration"
    kind = "deregistration"
    title = _l("Deregister as a jobseeker")
    steps = [
        Step("dato", DateForm, _l("From which day do you want to be deregistered?")),
        Step("aarsag", ReasonForm, _l("Why are you deregistering?")),
    ]

    def not_possible(self, situation: Situation) -> str | None:
        if not situation.has_registration:
            return problem_message(RegistrationProblem.NOT_REGISTERED)
        if "deregistration" in situation.pending or situation.deregistration_date:
            return _(
                "You have already deregistered. Contact your job centre if you want to change it."
            )
        return None

    def step_context(self, step: Step, situation: Situation) -> dict[str, Any]:
        if step.slug != "dato":
            return {}
        first, last = deregistration_window(situation.today)
        return {
            "intro": _(
                "Choose a day from today, %(first)s, up to 90 days ahead, %(last)s.",
                first=format_local_date(first),
                last=format_local_date(last),
            )
        }

    def command(self, answers: dict[str, Any], person_id: str, reference: str) -> Command:
        when = date_answer(answers, "when")
        assert when is not None
        reason = answers["reason"]
        return deregister_command(
            person_id,
            when=when,
            reason=reason,
            other_reason=answers.get("other_reason") if reason == "other" else None,
            reference=reference,
        )

    def answer_rows(self, answers: dict[str, Any]) -> list[AnswerRow]:
        return [
            AnswerRow(
                _("Deregistered from"), format_local_date(date_answer(answers, "when")), "dato"
            ),
            AnswerRow(
                _("Reason"),
                _reason_text(answers.get("reason"), answers.get("other_reason")),
                "aarsag",
            ),
        ]


@summary_formatter("deregistration", _l("Deregistration as a jobseeker"))
def _receipt_rows(summary: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (_("Deregistered from"), format_date(summary.get("when"))),
        (_("Reason"), _reason_text(summary.get("reason"), summary.get("other_reason"))),
    ]


add_journey_routes(bp, DeregistrationJourney())
