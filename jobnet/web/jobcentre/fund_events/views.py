from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from jobnet.clients.dfdg_client.commands import Command
from jobnet.clients.dfdg_client.fund_events import FUND_EVENT, fund_event_command
from jobnet.domain.fund_events import FUND_CONTACT_GROUP, OFFER_TYPES, FundEventType
from jobnet.web.auth.users import acting_jobcentre_required
from jobnet.web.jobcentre.fund_events import bp
from jobnet.web.jobcentre.fund_events.forms import OFFER_FIELDS, EventForm
from jobnet.web.journeys.fund_event_labels import event_type_label, offer_status_label
from jobnet.web.journeys.machinery import AnswerRow, Journey, Step, add_journey_routes, date_answer
from jobnet.web.journeys.receipts.summaries import format_date, summary_formatter
from jobnet.web.journeys.situation import Situation
from jobnet.web.platform.i18n import format_local_date


def _is_offer(answers: dict[str, Any]) -> bool:
    return answers.get("type") in {t.value for t in OFFER_TYPES}


def _offer_answers(answers: dict[str, Any]) -> dict[str, Any]:
    if not _is_offer(answers):
        return {}
    offer: dict[str, Any] = {name: answers.get(name) for name in OFFER_FIELDS}
    for name in ("granted_on", "start_date", "end_date"):
        offer[name] = date_answer(answers, name)
    return offer


class FundEventJourney(Journey):
    name = "fund_event"
    kind = FUND_EVENT
    title = _l("Report an event to the citizen's unemployment insurance fund")
    steps = [Step("haendelse", EventForm, _l("What happened?"))]

    def not_possible(self, situation: Situation) -> str | None:
        if situation.contact_group != FUND_CONTACT_GROUP:
            return _(
                "Events go to the fund only for citizens in contact group 1 (unemployment "
                "benefit). This citizen is not in contact group 1."
            )
        return None

    def command(self, answers: dict[str, Any], person_id: str, reference: str) -> Command:
        event_type = answers["type"]
        dated = event_type not in {FundEventType.OFFER_START.value, FundEventType.OFFER_END.value}
        return fund_event_command(
            person_id,
            event_type=event_type,
            event_date=date_answer(answers, "event_date") if dated else None,
            cause=(answers.get("cause") or "").strip() or None,
            comment=(answers.get("comment") or "").strip() or None,
            offer=_offer_answers(answers),
            reference=reference,
        )

    def answer_rows(self, answers: dict[str, Any]) -> list[AnswerRow]:
        rows = [AnswerRow(_("Event"), event_type_label(answers.get("type")), "haendelse")]
        if date_answer(answers, "event_date") and answers.get("type") not in {
            FundEventType.OFFER_START.value,
            FundEventType.OFFER_END.value,
        }:
            rows.append(
                AnswerRow(
                    _("Date of the event"),
                    format_local_date(date_answer(answers, "event_date")),
                    "haendelse",
                )
            )
        for label, value in _text_rows(answers):
            rows.append(AnswerRow(label, value, "haendelse"))
        return rows


def _text_rows(answers: dict[str, Any]) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    if answers.get("cause"):
        rows.append((_("Cause"), answers["cause"]))
    if answers.get("comment"):
        rows.append((_("Comment for the fund"), answers["comment"]))
    if _is_offer(answers):
        company = " ".join(
            part for part in (answers.get("company_cvr"), answers.get("company_name")) if part
        )
        rows += [
            (_("Company (CVR)"), company),
            (_("The offer's status"), offer_status_label(answers.get("status"))),
            (_("Granted"), format_date(answers.get("granted_on"))),
            (_("Start date"), format_date(answers.get("start_date"))),
            (_("End date"), format_date(answers.get("end_date"))),
            (_("Average hours a week"), str(answers.get("weekly_hours") or "")),
        ]
    return [(label, value) for label, value in rows if value]


@summary_formatter(FUND_EVENT, _l("Event for the fund"))
def _receipt_rows(summary: dict[str, Any]) -> list[tuple[str, str]]:
    rows = [(_("Event"), event_type_label(summary.get("type")))]
    if summary.get("event_date"):
        rows.append((_("Date of the event"), format_date(summary.get("event_date"))))
    return rows + _text_rows(summary)


add_journey_routes(bp, FundEventJourney(), access=acting_jobcentre_required)
