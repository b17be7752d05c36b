"""Withdrawing a booking request, chosen on the citizen's page (`?booking=<id>`): one journey
through the outbox with a receipt, as every change a caseworker makes for a citizen. Before it
is booked only the reason is asked; once booked, the summons the booking made is cancelled, so
the date its letter is sent is asked too, by the summons' rules (`jobnet.domain.summons`)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from flask import abort, request, session
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.wrappers import Response
from wtforms import TextAreaField
from wtforms.validators import InputRequired, Length, ValidationError

from jobnet.clients.dfdg_client.booking import (
    BOOKING_WITHDRAW,
    Booking,
    withdraw_booking_command,
)
from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.commands import Command
from jobnet.clients.dfdg_client.errors import DfdgNotFound
from jobnet.clients.dfdg_client.summons import Summons
from jobnet.domain.clock import DANISH_TIME
from jobnet.web.auth.users import acting_jobcentre_required, current_actor, subject_person_id
from jobnet.web.citizen.summons.labels import interview_form_label, interview_type_label
from jobnet.web.jobcentre.booking import withdraw_bp
from jobnet.web.jobcentre.summons.forms import MAX_REASON_LENGTH, letter_field
from jobnet.web.journeys.machinery import (
    DRAFTS_KEY,
    AnswerRow,
    Journey,
    Step,
    add_journey_routes,
    date_answer,
)
from jobnet.web.journeys.receipts.summaries import format_date, summary_formatter
from jobnet.web.journeys.situation import Situation
from jobnet.web.platform.forms import JourneyForm
from jobnet.web.platform.i18n import format_local_date, format_local_datetime

MAX_ID_LENGTH = 36
NAME = "jobcentre_booking_withdraw"


def _chosen() -> dict[str, Any]:
    """The booking request the journey is about, of the citizen the caseworker acts for."""
    draft = (session.get(DRAFTS_KEY) or {}).get(NAME) or {}
    if draft.get("person_id") != subject_person_id():
        return {}
    return draft.get("booking") or {}


class WithdrawForm(JourneyForm):
    """Why; and, for a booked interview, the date the letter cancelling it is sent (not before
    the summons' own letter)."""

    reason = TextAreaField(
        _l("Why is the booking withdrawn?"),
        description=_l("The citizen sees the reason."),
        validators=[InputRequired(_l("Enter why it is withdrawn")), Length(max=MAX_REASON_LENGTH)],
    )
    letter_sent_date = letter_field()

    def validate_reason(self, field: TextAreaField) -> None:
        if not (field.data or "").strip():
            raise ValidationError(_l("Enter why it is withdrawn"))

    def prepare(self, situation: Any) -> None:
        chosen = _chosen()
        if not chosen.get("summons_live"):
            del self.letter_sent_date  # no summons to cancel: no letter
            return
        created = chosen.get("created_letter")
        self.created_letter = date.fromisoformat(created) if created else None


def _described(booking: Booking, summons: Summons | None) -> dict[str, Any]:
    """What the journey keeps about its booking request (and its receipt shows): with the
    summons a booking made, whether it is still to be cancelled, and its first letter's date
    (the cancellation's letter is not dated before it)."""
    live = summons is not None and summons.status != "cancelled"
    return {
        "id": booking.id,
        "status": booking.status,
        "type": booking.type,
        "form": booking.form,
        "deadline": booking.deadline.isoformat(),
        "starts_at": (
            booking.slot.starts_at.astimezone(DANISH_TIME).isoformat() if booking.slot else None
        ),
        "summons_live": booking.status == "booked" and live,
        "created_letter": _first_letter(summons).isoformat() if summons else None,
    }


def _first_letter(summons: Summons) -> date:
    return summons.changes[0].letter_sent_date if summons.changes else summons.letter_sent_date


def _when(value: str | None) -> str:
    return format_local_datetime(datetime.fromisoformat(value)) if value else ""


def _booking_words(chosen: dict[str, Any]) -> str:
    what = f"{interview_type_label(chosen.get('type', ''))}, "
    what += interview_form_label(chosen.get("form", ""))
    if chosen.get("starts_at"):
        return _("%(what)s, booked for %(when)s", what=what, when=_when(chosen["starts_at"]))
    return _(
        "%(what)s, to be booked by %(day)s",
        what=what,
        day=format_date(chosen.get("deadline")),
    )


class WithdrawBookingJourney(Journey):
    name = NAME
    kind = BOOKING_WITHDRAW
    title = _l("Withdraw a booking")
    steps = [Step("aarsag", WithdrawForm, _l("Why is the booking withdrawn?"))]

    def start(self) -> Response:
        booking_id = request.args.get("booking", "")
        if not booking_id or len(booking_id) > MAX_ID_LENGTH:
            abort(404)
        person_id = subject_person_id()
        assert person_id is not None
        try:
            found = get_dfdg_client().bookings(person_id, current_actor())
        except DfdgNotFound:
            abort(404)
        booking = next((item for item in found if item.id == booking_id), None)
        if booking is None:
            abort(404)
        summons = None
        if booking.status == "booked" and booking.summons_id:
            try:
                summons = get_dfdg_client().summons(person_id, booking.summons_id, current_actor())
            except DfdgNotFound:
                summons = None
        draft = self._start_draft()
        draft["booking"] = _described(booking, summons)
        return super().start()

    def not_possible(self, situation: Situation) -> str | None:
        chosen = _chosen()
        if not chosen:
            return _("Choose the booking on the citizen's page.")
        if chosen["status"] == "cancelled":
            return _("The booking is already withdrawn.")
        if chosen.get("starts_at") and datetime.fromisoformat(chosen["starts_at"]).date() < (
            situation.today
        ):
            return _("The interview has already taken place.")
        return None

    def step_context(self, step: Step, situation: Situation) -> dict[str, Any]:
        chosen = _chosen()
        if not chosen:
            return {}
        intro = _booking_words(chosen) + ". "
        if chosen.get("summons_live"):
            intro += _(
                "The citizen has booked it: withdrawing cancels the interview, and the time is "
                "free again for others."
            )
        elif chosen.get("starts_at"):
            intro += _(
                "The interview it made is already cancelled: withdrawing frees the time for others."
            )
        else:
            intro += _("The citizen has not booked it yet: they will no longer be asked to.")
        return {"intro": intro}

    def command(self, answers: dict[str, Any], person_id: str, reference: str) -> Command:
        return withdraw_booking_command(
            person_id,
            _chosen()["id"],
            reason=(answers.get("reason") or "").strip(),
            letter_sent_date=date_answer(answers, "letter_sent_date"),
            reference=reference,
        )

    def summary(self, answers: dict[str, Any]) -> dict[str, Any]:
        return {**answers, "booking": _chosen()}

    def answer_rows(self, answers: dict[str, Any]) -> list[AnswerRow]:
        rows = [
            AnswerRow(_("The booking"), _booking_words(_chosen()), "aarsag"),
            AnswerRow(_("Reason"), (answers.get("reason") or "").strip(), "aarsag"),
        ]
        letter = date_answer(answers, "letter_sent_date")
        if _chosen().get("summons_live") and letter is not None:
            rows.append(
                AnswerRow(_("Date the letter is sent"), format_local_date(letter), "aarsag")
            )
        return rows


@summary_formatter(BOOKING_WITHDRAW, _l("Booking withdrawn"))
def _withdrawn_rows(summary: dict[str, Any]) -> list[tuple[str, str]]:
    chosen = summary.get("booking") or {}
    rows = [
        (_("The booking"), _booking_words(chosen)),
        (_("Reason"), summary.get("reason") or ""),
    ]
    if chosen.get("summons_live"):
        rows.append((_("The interview"), _("Cancelled")))
        rows.append((_("Date the letter is sent"), format_date(summary.get("letter_sent_date"))))
    return rows


add_journey_routes(withdraw_bp, WithdrawBookingJourney(), access=acting_jobcentre_required)
