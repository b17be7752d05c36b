"""The citizen's letters: the list, one letter as a printable page, and the same letter as a
PDF. Only the person's own: DFDG answers 404 for anyone else's summons or plan, and so do we."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Response, abort, current_app, render_template
from flask_login import current_user

from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.errors import DfdgNotFound
from jobnet.domain.clock import today_in_denmark
from jobnet.domain.letters import LetterKind, plan_letter_kind
from jobnet.web.auth.users import citizen_required, current_actor, subject_person_id
from jobnet.web.citizen.letters import bp
from jobnet.web.citizen.letters.listing import summons_letter
from jobnet.web.citizen.letters.pdf import letter_pdf

MAX_ID_LENGTH = 36


@bp.get("/")
@citizen_required
def index() -> str:
    letters = get_dfdg_client().letters(str(subject_person_id()), current_actor())
    return render_template("citizen/letters/index.html", letters=letters)


def _summons_context(summons_id: str, number: int) -> dict[str, Any]:
    if not summons_id or len(summons_id) > MAX_ID_LENGTH:
        abort(404)
    try:
        summons = get_dfdg_client().summons(str(subject_person_id()), summons_id, current_actor())
    except DfdgNotFound:
        abort(404)
    letter = summons_letter(summons, number)
    if letter is None:
        abort(404)
    return {
        "kind": "summons",
        "letter_kind": letter.kind,
        "interview_type": summons.type,
        "number": number,
        "letter": letter,
        "sent": letter.change.letter_sent_date,
        "pdf_url": ("letters.summons_pdf", {"summons_id": summons_id, "number": number}),
        "filename": f"indkaldelse-{letter.change.letter_sent_date.isoformat()}-{number}.pdf",
    }


def _plan_context(number: int) -> dict[str, Any]:
    try:
        version = get_dfdg_client().plan_revision(str(subject_person_id()), number, current_actor())
    except DfdgNotFound:
        abort(404)
    return {
        "kind": "plan",
        "letter_kind": plan_letter_kind(number),
        "interview_type": None,
        "number": number,
        "version": version,
        "sent": version.revision_date,
        "pdf_url": ("letters.plan_pdf", {"number": number}),
        "filename": f"plan-version-{number}.pdf",
    }


def _booking_context(booking_id: str) -> dict[str, Any]:
    """A booking request withdrawn before it was booked: its letter (no summons was made)."""
    if not booking_id or len(booking_id) > MAX_ID_LENGTH:
        abort(404)
    found = get_dfdg_client().bookings(str(subject_person_id()), current_actor())
    booking = next((item for item in found if item.id == booking_id), None)
    if booking is None or booking.withdrawn_at is None or booking.summons_id is not None:
        abort(404)
    sent = today_in_denmark(booking.withdrawn_at)
    return {
        "kind": "booking",
        "letter_kind": LetterKind.BOOKING_WITHDRAWN,
        "interview_type": booking.type,
        "number": 1,
        "booking": booking,
        "sent": sent,
        "pdf_url": ("letters.booking_pdf", {"booking_id": booking_id}),
        "filename": f"booking-tilbagekaldt-{sent.isoformat()}.pdf",
    }


def _page(context: dict[str, Any]) -> str:
    return render_template("citizen/letters/show.html", recipient=current_user.name, **context)


def _pdf(context: dict[str, Any]) -> Response:
    html = render_template("citizen/letters/pdf.html", recipient=current_user.name, **context)
    static = Path(current_app.static_folder or "static")
    response = Response(letter_pdf(html, static), mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{context["filename"]}"'
    return response


@bp.get("/indkaldelse/<summons_id>/<int:number>")
@citizen_required
def summons_page(summons_id: str, number: int) -> str:
    return _page(_summons_context(summons_id, number))


@bp.get("/indkaldelse/<summons_id>/<int:number>/brev.pdf")
@citizen_required
def summons_pdf(summons_id: str, number: int) -> Response:
    return _pdf(_summons_context(summons_id, number))


@bp.get("/plan/<int:number>")
@citizen_required
def plan_page(number: int) -> str:
    return _page(_plan_context(number))


@bp.get("/plan/<int:number>/brev.pdf")
@citizen_required
def plan_pdf(number: int) -> Response:
    return _pdf(_plan_context(number))


@bp.get("/booking/<booking_id>")
@citizen_required
def booking_page(booking_id: str) -> str:
    return _page(_booking_context(booking_id))


@bp.get("/booking/<booking_id>/brev.pdf")
@citizen_required
def booking_pdf(booking_id: str) -> Response:
    return _pdf(_booking_context(booking_id))
