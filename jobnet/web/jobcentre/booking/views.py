"""The job centre's booking pages. Each call goes straight to DFDG (a slot and a booking
request are answered at once); DFDG checks the rules again and audits every read of a person."""

from __future__ import annotations

from dataclasses import replace

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from werkzeug.wrappers import Response
from wtforms.fields.choices import SelectChoice

from jobnet.clients.dfdg_client.booking import Slot
from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.errors import DfdgNotFound, DfdgRejected, DfdgUnavailable
from jobnet.clients.dfdg_client.values import Actor
from jobnet.domain.booking import BookingProblem
from jobnet.web.auth.users import (
    acting_jobcentre_required,
    current_actor,
    jobcentre_required,
    subject_person_id,
)
from jobnet.web.citizen.booking.forms import OpenBookingForm, RemoveSlotForm, SlotForm
from jobnet.web.citizen.booking.views import slot_label
from jobnet.web.jobcentre.booking import bp
from jobnet.web.journeys import outbox
from jobnet.web.journeys.labels import BOOKING_PURPOSE
from jobnet.web.journeys.messages import problem_message

# The filter as the address names it, and as DFDG does.
FILTERS = {"ikke-booket": "not_booked", "booket": "booked", "alle": "all"}


def _actor() -> Actor:
    return replace(current_actor(), on_behalf_of=None, purpose=BOOKING_PURPOSE)


def _cvr() -> str:
    return str(current_user.organisation_cvr)


def _key(form: SlotForm | OpenBookingForm | RemoveSlotForm) -> str:
    return str(form.key.data or "") or outbox.new_idempotency_key()


# DFDG's field names where the form's differ (its time is one instant; here a day and a time).
FIELD_NAMES = {"starts_at": "starts_time"}


def _show_rejection(form: SlotForm | OpenBookingForm, error: DfdgRejected) -> None:
    """DFDG's broken rules at their fields. The times and the deadline are judged by DFDG alone,
    by its today (which a test may pin), so they are shown from its answer."""
    for found in error.errors or ():
        name = FIELD_NAMES.get(found.field, found.field)
        field = getattr(form, name, None) or getattr(form, "slot_ids", None)
        if field is not None:
            field.errors = [*field.errors, problem_message(found.code, found.rules)]


@bp.route("/tider", methods=["GET", "POST"])
@jobcentre_required
def slots() -> str | Response | tuple[str, int]:
    form = SlotForm()
    status = 200
    if form.validate_on_submit():
        starts_at = form.starts_at()
        assert starts_at is not None
        body = {
            "starts_at": starts_at.isoformat(),
            "duration_minutes": form.duration_minutes.data,
            "form": form.form.data,
            "place": (form.place.data or "").strip() or None,
            "join_details": (form.join_details.data or "").strip() or None,
            "capacity": form.capacity.data,
        }
        try:
            get_dfdg_client().add_booking_slot(_cvr(), body, _actor(), _key(form))
        except DfdgRejected as error:
            _show_rejection(form, error)
            status = 422
        else:
            flash(_("The time is added to the list."), "success")
            return redirect(url_for("jobcentre_booking.slots"))
    elif form.is_submitted():
        status = 422
    if not form.key.data or status == 422:
        form.key.data = outbox.new_idempotency_key()
    found = get_dfdg_client().booking_slots(_cvr(), _actor())
    page = render_template("jobcentre/booking/slots.html", form=form, slots=found)
    return page, status


MAX_ID_LENGTH = 36


def booked_words(booked: int) -> str:
    """Why a time cannot be removed, naming how many have booked it."""
    return ngettext(
        "The time cannot be removed: %(num)d citizen has booked it. Withdraw or move the "
        "booking first.",
        "The time cannot be removed: %(num)d citizens have booked it. Withdraw or move the "
        "bookings first.",
        booked,
    )


def _slot(slot_id: str) -> Slot:
    if not slot_id or len(slot_id) > MAX_ID_LENGTH:
        abort(404)
    found = next(
        (s for s in get_dfdg_client().booking_slots(_cvr(), _actor()) if s.id == slot_id), None
    )
    if found is None:
        abort(404)
    return found


def _removal_page(
    slot: Slot, form: RemoveSlotForm, status: int = 200, problem: str | None = None
) -> tuple[str, int]:
    if not form.key.data or status != 200:
        form.key.data = outbox.new_idempotency_key()
    refusal = booked_words(slot.booked) if slot.booked else problem
    page = render_template("jobcentre/booking/remove.html", slot=slot, form=form, refusal=refusal)
    return page, status


@bp.get("/tider/<slot_id>/fjern")
@jobcentre_required
def remove_slot(slot_id: str) -> tuple[str, int]:
    return _removal_page(_slot(slot_id), RemoveSlotForm(formdata=None))


@bp.post("/tider/<slot_id>/fjern")
@jobcentre_required
def remove_slot_confirmed(slot_id: str) -> Response | tuple[str, int]:
    """Take the time off the list. DFDG refuses a time someone has booked (also one booked in
    the moment since the page was shown): the page then says how many have."""
    slot = _slot(slot_id)
    form = RemoveSlotForm()
    if not form.validate_on_submit():
        return _removal_page(slot, form, 422)
    try:
        get_dfdg_client().remove_booking_slot(_cvr(), slot.id, _actor(), _key(form))
    except DfdgRejected as error:
        problem = None if error.code == BookingProblem.SLOT_BOOKED else problem_message(error.code)
        return _removal_page(_slot(slot_id), form, 422, problem)
    except DfdgNotFound:
        flash(_("The time is no longer on the list."), "info")
        return redirect(url_for("jobcentre_booking.slots"))
    flash(_("The time is removed from the list."), "success")
    return redirect(url_for("jobcentre_booking.slots"))


@bp.get("/")
@jobcentre_required
def overview() -> str:
    chosen = request.args.get("vis", "ikke-booket")
    show = FILTERS.get(chosen, "not_booked")
    found = get_dfdg_client().jobcentre_bookings(_cvr(), show, _actor())
    return render_template(
        "jobcentre/booking/overview.html",
        bookings=found,
        chosen=chosen if chosen in FILTERS else "ikke-booket",
        filters=FILTERS,
    )


@bp.route("/ny", methods=["GET", "POST"])
@acting_jobcentre_required
def open_booking() -> str | Response | tuple[str, int]:
    slots = [slot for slot in get_dfdg_client().booking_slots(_cvr(), _actor()) if slot.bookable]
    form = OpenBookingForm()
    form.slot_ids.choices = [SelectChoice(slot.id, slot_label(slot)) for slot in slots]
    forms = {slot.id: slot.form for slot in slots}
    status = 200
    if form.validate_on_submit() and form.check_slots(forms):
        person_id = str(subject_person_id())
        deadline = form.deadline.data
        assert deadline is not None
        body = {
            "type": form.type.data,
            "form": form.form.data,
            "deadline": deadline.isoformat(),
            "slot_ids": list(form.slot_ids.data or []),
            "contact_options": (form.contact_options.data or "").strip() or None,
            "bring": (form.bring.data or "").strip() or None,
        }
        try:
            get_dfdg_client().open_booking(person_id, body, current_actor(), _key(form))
        except DfdgRejected as error:
            _show_rejection(form, error)
            status = 422
        except DfdgUnavailable:
            flash(_("The booking could not be sent: the employment database cannot be reached."))
            status = 503
        else:
            flash(_("The citizen is asked to book an interview."), "success")
            return redirect(url_for("caseworker.citizen"))
    elif form.is_submitted():
        status = 422
    if not form.key.data or status != 200:
        form.key.data = outbox.new_idempotency_key()
    page = render_template("jobcentre/booking/new.html", form=form, slots=slots)
    return page, status
