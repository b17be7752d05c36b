"""The summons journeys: create a summons, and move or cancel one chosen on the citizen's
overview. Each is written through the outbox with a receipt; the citizen sees it at once."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import abort, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from werkzeug.wrappers import Response

from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.commands import Command
from jobnet.clients.dfdg_client.errors import DfdgNotFound
from jobnet.clients.dfdg_client.summons import (
    SUMMONS_CANCEL,
    SUMMONS_CREATE,
    SUMMONS_MOVE,
    Summons,
    SummonsCancellationInput,
    SummonsInput,
    SummonsMoveInput,
    cancel_summons_command,
    create_summons_command,
    move_summons_command,
)
from jobnet.domain.clock import DANISH_TIME
from jobnet.web.auth.users import acting_jobcentre_required, current_actor, subject_person_id
from jobnet.web.citizen.summons.labels import interview_form_label, interview_type_label
from jobnet.web.jobcentre.summons import bp, cancel_bp, move_bp
from jobnet.web.jobcentre.summons.forms import (
    CancelForm,
    HowForm,
    LetterForm,
    MoveForm,
    WhenForm,
    start_instant,
)
from jobnet.web.journeys.machinery import AnswerRow, Journey, Step, add_journey_routes, date_answer
from jobnet.web.journeys.receipts.summaries import format_date, summary_formatter
from jobnet.web.journeys.situation import Situation
from jobnet.web.platform.i18n import format_local_date, format_local_datetime

MAX_ID_LENGTH = 36


def _text(answers: dict[str, Any], name: str) -> str | None:
    return (answers.get(name) or "").strip() or None


def _starts_at(answers: dict[str, Any]) -> datetime:
    instant = start_instant(date_answer(answers, "starts_on"), answers.get("starts_time"))
    assert instant is not None  # checked on its page
    return instant


def _when(value: str | None) -> str:
    return format_local_datetime(datetime.fromisoformat(value)) if value else ""


class CreateSummonsJourney(Journey):
    name = "jobcentre_summons"
    kind = SUMMONS_CREATE
    title = _l("Summon the citizen to an interview")
    steps = [
        Step("tidspunkt", WhenForm, _l("When is the interview?")),
        Step("samtale", HowForm, _l("What kind of interview, and where?")),
        Step("brev", LetterForm, _l("The letter to the citizen")),
    ]

    def command(self, answers: dict[str, Any], person_id: str, reference: str) -> Command:
        letter = date_answer(answers, "letter_sent_date")
        assert letter is not None
        summons = SummonsInput(
            starts_at=_starts_at(answers),
            duration_minutes=int(answers["duration_minutes"]),
            form=answers["form"],
            type=answers["type"],
            place=_text(answers, "place"),
            join_details=_text(answers, "join_details"),
            contact_options=_text(answers, "contact_options"),
            bring=_text(answers, "bring"),
            letter_sent_date=letter,
            reference=reference,
        )
        return create_summons_command(person_id, summons)

    def summary(self, answers: dict[str, Any]) -> dict[str, Any]:
        return {**answers, "starts_at": _starts_at(answers).isoformat()}

    def answer_rows(self, answers: dict[str, Any]) -> list[AnswerRow]:
        return [
            AnswerRow(_("Date and time"), format_local_datetime(_starts_at(answers)), "tidspunkt"),
            AnswerRow(
                _("Duration"),
                ngettext(
                    "%(num)s minute", "%(num)s minutes", int(answers.get("duration_minutes") or 0)
                ),
                "tidspunkt",
            ),
            AnswerRow(_("Type of interview"), interview_type_label(answers["type"]), "samtale"),
            AnswerRow(_("Interview form"), interview_form_label(answers["form"]), "samtale"),
            AnswerRow(_("Place"), _text(answers, "place") or "–", "samtale"),
            AnswerRow(_("How to join"), _text(answers, "join_details") or "–", "samtale"),
            AnswerRow(
                _("The citizen's contact options"), _text(answers, "contact_options") or "–", "brev"
            ),
            AnswerRow(_("What to bring"), _text(answers, "bring") or "–", "brev"),
            AnswerRow(
                _("Date the letter is sent"),
                format_local_date(date_answer(answers, "letter_sent_date")),
                "brev",
            ),
        ]


class _ChangeSummonsJourney(Journey):
    """Moving or cancelling the summons chosen on the citizen's overview (`?summons=<id>`)."""

    def _chosen(self) -> dict[str, Any]:
        return (self.draft() or {}).get("summons") or {}

    def start(self) -> Response:
        summons_id = request.args.get("summons", "")
        if not summons_id or len(summons_id) > MAX_ID_LENGTH:
            abort(404)
        person_id = subject_person_id()
        assert person_id is not None
        try:
            summons = get_dfdg_client().summons(person_id, summons_id, current_actor())
        except DfdgNotFound:
            abort(404)
        draft = self._start_draft()
        draft["summons"] = self.describe(summons)
        return super().start()

    def describe(self, summons: Summons) -> dict[str, Any]:
        return _described(summons)

    def not_possible(self, situation: Situation) -> str | None:
        chosen = self._chosen()
        if not chosen:
            return _("Choose the summons on the citizen's overview.")
        if chosen["status"] == "cancelled":
            return _("The summons is cancelled.")
        if datetime.fromisoformat(chosen["starts_at"]).date() < situation.today:
            return _("The interview has already taken place.")
        return None

    def step_context(self, step: Step, situation: Situation) -> dict[str, Any]:
        chosen = self._chosen()
        if not chosen:
            return {}
        return {
            "intro": _(
                "%(what)s on %(when)s.",
                what=interview_type_label(chosen["type"]),
                when=_when(chosen["starts_at"]),
            )
        }

    def summary(self, answers: dict[str, Any]) -> dict[str, Any]:
        return {**answers, "summons": self._chosen()}

    def _summons_row(self) -> AnswerRow:
        chosen = self._chosen()
        return AnswerRow(
            _("The summons"),
            _(
                "%(what)s on %(when)s",
                what=interview_type_label(chosen.get("type", "")),
                when=_when(chosen.get("starts_at")),
            ),
            self.steps[0].slug,
        )


def _described(summons: Summons) -> dict[str, Any]:
    """What a move or cancel journey keeps about its summons (and its receipt shows)."""
    return {
        "id": summons.id,
        "status": summons.status,
        "type": summons.type,
        "form": summons.form,
        "starts_at": summons.starts_at.astimezone(DANISH_TIME).isoformat(),
        "created_letter": (
            summons.changes[0].letter_sent_date if summons.changes else summons.letter_sent_date
        ).isoformat(),
    }


class MoveSummonsJourney(_ChangeSummonsJourney):
    name = "jobcentre_summons_move"
    kind = SUMMONS_MOVE
    title = _l("Move an interview")
    steps = [Step("ny-tid", MoveForm, _l("When is the interview now?"))]

    def command(self, answers: dict[str, Any], person_id: str, reference: str) -> Command:
        letter = date_answer(answers, "letter_sent_date")
        assert letter is not None
        move = SummonsMoveInput(
            starts_at=_starts_at(answers),
            letter_sent_date=letter,
            reason=_text(answers, "reason"),
            reference=reference,
        )
        return move_summons_command(person_id, self._chosen()["id"], move)

    def summary(self, answers: dict[str, Any]) -> dict[str, Any]:
        return {**super().summary(answers), "starts_at": _starts_at(answers).isoformat()}

    def answer_rows(self, answers: dict[str, Any]) -> list[AnswerRow]:
        return [
            self._summons_row(),
            AnswerRow(_("New date and time"), format_local_datetime(_starts_at(answers)), "ny-tid"),
            AnswerRow(_("Reason"), _text(answers, "reason") or "", "ny-tid"),
            AnswerRow(
                _("Date the letter is sent"),
                format_local_date(date_answer(answers, "letter_sent_date")),
                "ny-tid",
            ),
        ]


class CancelSummonsJourney(_ChangeSummonsJourney):
    name = "jobcentre_summons_cancel"
    kind = SUMMONS_CANCEL
    title = _l("Cancel an interview")
    steps = [Step("aarsag", CancelForm, _l("Why is the interview cancelled?"))]

    def command(self, answers: dict[str, Any], person_id: str, reference: str) -> Command:
        letter = date_answer(answers, "letter_sent_date")
        assert letter is not None
        cancellation = SummonsCancellationInput(
            letter_sent_date=letter, reason=_text(answers, "reason"), reference=reference
        )
        return cancel_summons_command(person_id, self._chosen()["id"], cancellation)

    def answer_rows(self, answers: dict[str, Any]) -> list[AnswerRow]:
        return [
            self._summons_row(),
            AnswerRow(_("Reason"), _text(answers, "reason") or "", "aarsag"),
            AnswerRow(
                _("Date the letter is sent"),
                format_local_date(date_answer(answers, "letter_sent_date")),
                "aarsag",
            ),
        ]


# -- receipts ---------------------------------------------------------------------------------


def _summons_of(summary: dict[str, Any]) -> str:
    chosen = summary.get("summons") or {}
    return _(
        "%(what)s on %(when)s",
        what=interview_type_label(chosen.get("type", "")),
        when=_when(chosen.get("starts_at")),
    )


@summary_formatter(SUMMONS_CREATE, _l("Summons to an interview"))
def _created_rows(summary: dict[str, Any]) -> list[tuple[str, str]]:
    rows = [
        (_("Date and time"), _when(summary.get("starts_at"))),
        (_("Type of interview"), interview_type_label(summary.get("type", ""))),
        (_("Interview form"), interview_form_label(summary.get("form", ""))),
    ]
    for label, name in ((_("Place"), "place"), (_("How to join"), "join_details")):
        if _text(summary, name):
            rows.append((label, _text(summary, name) or ""))
    rows.append((_("Date the letter is sent"), format_date(summary.get("letter_sent_date"))))
    return rows


@summary_formatter(SUMMONS_MOVE, _l("Interview moved"))
def _moved_rows(summary: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (_("The summons"), _summons_of(summary)),
        (_("New date and time"), _when(summary.get("starts_at"))),
        (_("Reason"), summary.get("reason") or ""),
        (_("Date the letter is sent"), format_date(summary.get("letter_sent_date"))),
    ]


@summary_formatter(SUMMONS_CANCEL, _l("Interview cancelled"))
def _cancelled_rows(summary: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (_("The summons"), _summons_of(summary)),
        (_("Reason"), summary.get("reason") or ""),
        (_("Date the letter is sent"), format_date(summary.get("letter_sent_date"))),
    ]


add_journey_routes(bp, CreateSummonsJourney(), access=acting_jobcentre_required)
add_journey_routes(move_bp, MoveSummonsJourney(), access=acting_jobcentre_required)
add_journey_routes(cancel_bp, CancelSummonsJourney(), access=acting_jobcentre_required)
