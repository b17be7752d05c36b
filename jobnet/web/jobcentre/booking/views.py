"""The job centre's booking pages. Each call goes straight to DFDG (a slot and a booking
request are answered at once); DFDG checks the rules again and audits every read of a person."""

from __future__ import annotations

from dataclasses import replace

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response
from wtforms.fields.choices import SelectChoice

from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.errors import DfdgRejected, DfdgUnavailable
from jobnet.clients.dfdg_client.values import Actor
from jobnet.web.auth.users import (
    acting_jobcentre_required,
    current_actor,
    jobcentre_required,
    subject_person_id,
)
from jobnet.web.citizen.booking.forms import OpenBookingForm, SlotForm
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


def _key(form: SlotForm | OpenBookingForm) -> str:
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
