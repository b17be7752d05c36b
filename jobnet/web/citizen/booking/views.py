"""The citizen's bookings: each booking the job centre asked for, with its free times to pick
from; the receipt once booked; moving to another free time until the cut-off. DFDG decides
whether a place is free (two people can never get the last one); a refusal is shown at the
choice, with what the person chose kept."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response
from wtforms.fields.choices import SelectChoice

from jobnet.clients.dfdg_client.booking import Booking, Slot
from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.errors import DfdgNotFound, DfdgRejected, DfdgUnavailable
from jobnet.web.auth.users import current_actor, subject_person_id, subject_required
from jobnet.web.citizen.booking import bp
from jobnet.web.citizen.booking.forms import ChooseSlotForm
from jobnet.web.citizen.summons.labels import interview_form_label
from jobnet.web.journeys import outbox
from jobnet.web.journeys.messages import problem_message
from jobnet.web.platform.i18n import format_local_datetime

MAX_ID_LENGTH = 36


def slot_label(slot: Slot) -> str:
    where = slot.place or slot.join_details or ""
    text = f"{format_local_datetime(slot.starts_at)} · {interview_form_label(slot.form)}"
    text += _(", %(minutes)s minutes", minutes=slot.duration_minutes)
    return f"{text} · {where}" if where else text


def _bookings() -> list[Booking]:
    return get_dfdg_client().bookings(str(subject_person_id()), current_actor())


def _booking(booking_id: str) -> Booking:
    if not booking_id or len(booking_id) > MAX_ID_LENGTH:
        abort(404)
    found = next((item for item in _bookings() if item.id == booking_id), None)
    if found is None:
        abort(404)
    return found


def _form_for(booking: Booking, form: ChooseSlotForm | None = None) -> ChooseSlotForm:
    form = form or ChooseSlotForm(formdata=None)
    form.slot_id.choices = [SelectChoice(s.id, slot_label(s)) for s in booking.free_slots()]
    if not form.key.data:
        form.key.data = outbox.new_idempotency_key()
    return form


@bp.get("/")
@subject_required
def index() -> str:
    found = _bookings()
    bookings = [item for item in found if item.status != "cancelled"]
    withdrawn = [item for item in found if item.status == "cancelled"]
    forms = {item.id: _form_for(item) for item in bookings}
    return render_template(
        "citizen/booking/index.html", bookings=bookings, withdrawn=withdrawn, forms=forms
    )


def _page(booking: Booking, form: ChooseSlotForm, status: int = 200) -> tuple[str, int]:
    page = render_template("citizen/booking/choose.html", booking=booking, form=form)
    return page, status


@bp.get("/<booking_id>")
@subject_required
def choose(booking_id: str) -> tuple[str, int]:
    booking = _booking(booking_id)
    return _page(booking, _form_for(booking))


@bp.post("/<booking_id>")
@subject_required
def book(booking_id: str) -> Response | tuple[str, int]:
    booking = _booking(booking_id)
    form = _form_for(booking, ChooseSlotForm())
    if booking.status == "cancelled":
        return _page(booking, form, 422)
    if not form.validate_on_submit():
        return _page(booking, form, 422 if form.is_submitted() else 200)
    moving = booking.slot is not None
    try:
        get_dfdg_client().book_slot(
            str(subject_person_id()),
            booking.id,
            str(form.slot_id.data),
            current_actor(),
            str(form.key.data or outbox.new_idempotency_key()),
        )
    except DfdgRejected as error:
        first = error.errors[0] if error.errors else None
        message = problem_message(first.code, first.rules) if first else problem_message(None)
        form = _form_for(_booking(booking_id), form)
        form.key.data = outbox.new_idempotency_key()
        form.slot_id.errors = [message]
        return _page(_booking(booking_id), form, 422)
    except (DfdgUnavailable, DfdgNotFound):
        flash(_("The time could not be booked: the employment database cannot be reached."))
        return _page(booking, form, 503)
    flash(_("Your interview is moved.") if moving else _("Your interview is booked."), "success")
    return redirect(url_for("booking.receipt", booking_id=booking.id))


@bp.get("/<booking_id>/kvittering")
@subject_required
def receipt(booking_id: str) -> str:
    booking = _booking(booking_id)
    if booking.slot is None or booking.status == "cancelled":
        abort(404)
    return render_template("citizen/booking/receipt.html", booking=booking)
