from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from jobnet.clients.dfdg_client.commands import Command, deregister_command
from jobnet.domain.jobseeker import RegistrationProblem, deregistration_window
from jobnet.domain.standing import AfterDeregistration, absence_after_deregistration
from jobnet.web.citizen.deregistration import bp
from jobnet.web.citizen.deregistration.forms import REASON_CHOICES, DateForm, ReasonForm
from jobnet.web.journeys.kept_status import current_situation
from jobnet.web.journeys.machinery import AnswerRow, Journey, Step, add_journey_routes, date_answer
from jobnet.web.journeys.messages import problem_message
from jobnet.web.journeys.receipts.summaries import format_date, summary_formatter
from jobnet.web.journeys.situation import Situation
from jobnet.web.platform.i18n import format_local_date


def _reason_text(reason: str | None, other: str | None) -> str:
    label = next((str(c.label) for c in REASON_CHOICES if c.value == reason), "")
    return f"{label}: {other}" if reason == "other" and other else label


def _sickness_text(sick_since: date, when: date) -> str:
    """What the deregistration does to the open sickness (docs/domain.md: the law ends an
    absence with the registration)."""
    if absence_after_deregistration(sick_since, None, when) == AfterDeregistration.END:
        return _(
            "Your sickness from %(since)s is ended: you are not registered on that day.",
            since=format_local_date(sick_since),
        )
    return _(
        "Your sickness from %(since)s ends with your registration: its last day is %(last)s, "
        "unless you report recovery before then.",
        since=format_local_date(sick_since),
        last=format_local_date(when - timedelta(days=1)),
    )


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
        intro = _(
            "Choose a day from today, %(first)s, up to 90 days ahead, %(last)s.",
            first=format_local_date(first),
            last=format_local_date(last),
        )
        if situation.sick_since is not None:
            intro += " " + _(
                "You are reported sick from %(date)s: your sickness ends the day before the day "
                "you choose, unless you report recovery before then.",
                date=format_local_date(situation.sick_since),
            )
        return {"intro": intro}

    def summary(self, answers: dict[str, Any]) -> dict[str, Any]:
        """The answers, and the open sickness the deregistration ends (for the receipt)."""
        situation = current_situation(self.draft(), offline=True)
        sick_since = situation.sick_since if situation is not None else None
        return {**answers, "sick_since": sick_since.isoformat() if sick_since else None}

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
    rows = [
        (_("Deregistered from"), format_date(summary.get("when"))),
        (_("Reason"), _reason_text(summary.get("reason"), summary.get("other_reason"))),
    ]
    sick_since, when = _iso_day(summary.get("sick_since")), _iso_day(summary.get("when"))
    if sick_since is not None and when is not None:
        rows.append((_("Your sickness"), _sickness_text(sick_since, when)))
    return rows


def _iso_day(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


add_journey_routes(bp, DeregistrationJourney())
