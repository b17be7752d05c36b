from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from jobnet.clients.dfdg_client.commands import Command, held_interview_command
from jobnet.domain.codes import has_match_group
from jobnet.web.auth.users import acting_jobcentre_required
from jobnet.web.jobcentre.held_interview import bp
from jobnet.web.jobcentre.held_interview.forms import FORMS, OutcomeForm, WhenForm
from jobnet.web.journeys.labels import match_group_label
from jobnet.web.journeys.machinery import AnswerRow, Journey, Step, add_journey_routes, date_answer
from jobnet.web.journeys.receipts.summaries import format_date, summary_formatter
from jobnet.web.journeys.situation import Situation
from jobnet.web.platform.i18n import format_local_date


def _match_group(answers: dict[str, Any]) -> int | None:
    value = str(answers.get("match_group") or "")
    return int(value) if value in {"1", "2", "3"} else None


class HeldInterviewJourney(Journey):
    name = "held_interview"
    kind = "held_interview"
    title = _l("Record a held interview")
    steps = [
        Step("hvornaar", WhenForm, _l("When and how was the interview held?")),
        Step("aftale", OutcomeForm, _l("What was agreed?")),
    ]

    def not_possible(self, situation: Situation) -> str | None:
        if situation.contact_group is None:
            return _("The citizen is in no contact group, so no interview can be recorded.")
        return None

    def step_context(self, step: Step, situation: Situation) -> dict[str, Any]:
        if step.slug == "aftale" and not has_match_group(situation.contact_group or 0):
            return {"skip": ("match_group",)}
        return {}

    def command(self, answers: dict[str, Any], person_id: str, reference: str) -> Command:
        held_on = date_answer(answers, "held_on")
        assert held_on is not None
        return held_interview_command(
            person_id,
            held_on=held_on,
            form=answers["form"],
            agreement=(answers.get("agreement") or "").strip(),
            match_group=_match_group(answers),
            reference=reference,
        )

    def answer_rows(self, answers: dict[str, Any]) -> list[AnswerRow]:
        rows = [
            AnswerRow(
                _("Date of the interview"),
                format_local_date(date_answer(answers, "held_on")),
                "hvornaar",
            ),
            AnswerRow(
                _("How it was held"), str(FORMS.get(answers.get("form") or "", "")), "hvornaar"
            ),
            AnswerRow(
                _("Agreement on the further contact"), answers.get("agreement") or "", "aftale"
            ),
        ]
        if _match_group(answers):
            rows.append(
                AnswerRow(_("Match group"), match_group_label(_match_group(answers)), "aftale")
            )
        return rows


@summary_formatter("held_interview", _l("Held interview"))
def _receipt_rows(summary: dict[str, Any]) -> list[tuple[str, str]]:
    rows = [
        (_("Date of the interview"), format_date(summary.get("held_on"))),
        (_("How it was held"), str(FORMS.get(summary.get("form") or "", ""))),
        (_("Agreement on the further contact"), summary.get("agreement") or ""),
    ]
    if _match_group(summary):
        rows.append((_("Match group"), match_group_label(_match_group(summary))))
    return rows


add_journey_routes(bp, HeldInterviewJourney(), access=acting_jobcentre_required)
