"""Booking one's own interview (issue 22), the job centre's side: its list of slots, and its
list of who has (not) booked.

Only a caseworker of the job centre (`cvr`) calls these, with a purpose (403 otherwise,
audited). A slot is no one's personal data (its entry names no person); the list of bookings
names people, and each person listed gets an audit entry.
"""

from __future__ import annotations

from datetime import timedelta
from typing import NoReturn

from flask import Response, jsonify
from sqlalchemy.orm import Session

from jobnet.dfdg import clock
from jobnet.dfdg.access import check_caseworker_purpose
from jobnet.dfdg.actor import current_actor
from jobnet.dfdg.api.blueprint import api, parse_body, parse_query
from jobnet.dfdg.api.booking_records import TAGS, booking_fields, slot_out
from jobnet.dfdg.api.jobcentre_access import now, rule_violation
from jobnet.dfdg.api.records import RULE_RESPONSE
from jobnet.dfdg.audit import DENIED, record_access
from jobnet.dfdg.context import request_session
from jobnet.dfdg.models.booking import BookingSlot
from jobnet.dfdg.models.persons import Organisation
from jobnet.dfdg.queries import actors as actor_queries
from jobnet.dfdg.queries import booking as booking_queries
from jobnet.dfdg.queries import organisations as organisation_queries
from jobnet.dfdg.rules import CASEWORKER_ONLY, REJECTED
from jobnet.dfdg.schemas.base import Problem
from jobnet.dfdg.schemas.booking import (
    BookingListQuery,
    JobcentreBookingOut,
    JobcentreBookingsResponse,
    SlotOut,
    SlotRequest,
    SlotsResponse,
)
from jobnet.domain.booking import BookingStatus, check_slot
from jobnet.domain.codes import ActorType, OrganisationKind
from jobnet.domain.summons import MAX_DURATION_MINUTES, Appointment

SLOTS = "booking.slots"
ADD_SLOT = "booking.add_slot"
OVERVIEW = "booking.overview"
CVR = {"cvr": "The job centre's CVR number (eight digits)"}
NOT_OWN = ("Not a caseworker of this job centre (`caseworker_only`)", Problem)
SHOWN = {
    "not_booked": (BookingStatus.OPEN,),
    "booked": (BookingStatus.BOOKED,),
    "all": (BookingStatus.OPEN, BookingStatus.BOOKED),
}


def _refuse_outsider(session: Session, action: str) -> NoReturn:
    session.rollback()
    record_access(session, action, person_id=None, outcome=DENIED)
    session.commit()
    raise rule_violation([("cvr", CASEWORKER_ONLY)], status=403)


def own_jobcentre(session: Session, cvr: str, action: str) -> Organisation:
    """The job centre `cvr`, when the actor is one of its caseworkers; 403 otherwise."""
    actor = current_actor()
    if actor.type != ActorType.CASEWORKER or actor.organisation != cvr:
        _refuse_outsider(session, action)
    check_caseworker_purpose(actor)
    organisation = organisation_queries.by_cvr(session, cvr)
    if organisation is None or organisation.kind != OrganisationKind.JOBCENTRE:
        _refuse_outsider(session, action)
    return organisation


@api.route(
    "GET",
    "/organisations/<cvr>/booking-slots",
    summary="The job centre's slots for interviews people book themselves, soonest first",
    description="Slots not yet ended, with their capacity, places taken and cut-off.",
    tags=TAGS,
    path_params=CVR,
    responses={200: ("The slots", SlotsResponse), 403: NOT_OWN},
    actor_headers=True,
)
def booking_slots(cvr: str) -> Response:
    session = request_session()
    organisation = own_jobcentre(session, cvr, SLOTS)
    moment = now()
    since = moment - timedelta(minutes=MAX_DURATION_MINUTES)
    slots = booking_queries.slots_of(session, organisation.cvr, since)
    record_access(session, SLOTS, person_id=None)
    body = SlotsResponse(cvr=organisation.cvr, slots=[slot_out(slot, moment) for slot in slots])
    return jsonify(body.model_dump(mode="json"))


def _text(value: str | None) -> str | None:
    return value.strip() or None if value else None


@api.route(
    "POST",
    "/organisations/<cvr>/booking-slots",
    summary="Add a slot to the job centre's list",
    description="A time in the future (at most a year ahead), its length (5 to 480 minutes), "
    "the form, the place (in person) or how to join (video, digital) and the capacity (1 to "
    "50). 422 `time_in_the_past`, `time_too_far_ahead`, `duration_out_of_range`, "
    "`place_missing`, `join_details_missing`, `capacity_out_of_range`.",
    tags=TAGS,
    path_params=CVR,
    request_body=SlotRequest,
    responses={201: ("The slot", SlotOut), 403: NOT_OWN, 422: RULE_RESPONSE},
    actor_headers=True,
    idempotent=True,
)
def add_booking_slot(cvr: str) -> tuple[Response, int]:
    session = request_session()
    body = parse_body(SlotRequest)
    organisation = own_jobcentre(session, cvr, ADD_SLOT)
    appointment = Appointment(
        starts_at=body.starts_at,
        form=body.form,
        duration_minutes=body.duration_minutes,
        place=_text(body.place),
        join_details=_text(body.join_details),
    )
    problems = check_slot(appointment, body.capacity, now())
    if problems:
        session.rollback()
        record_access(session, ADD_SLOT, person_id=None, outcome=REJECTED)
        session.commit()
        raise rule_violation(problems)
    slot = BookingSlot(
        organisation_cvr=organisation.cvr,
        starts_at=appointment.starts_at,
        duration_minutes=appointment.duration_minutes,
        form=appointment.form.value,
        place=appointment.place,
        join_details=appointment.join_details,
        capacity=body.capacity,
        booked=0,
        **actor_queries.actor_columns("created_by", current_actor()),
    )
    session.add(slot)
    session.flush()
    record_access(session, ADD_SLOT, person_id=None)
    return jsonify(slot_out(slot, now()).model_dump(mode="json")), 201


@api.route(
    "GET",
    "/organisations/<cvr>/bookings",
    summary="Who of the job centre's citizens has (not) booked the interview they were asked to",
    description="`show`: not_booked (open requests, the earliest deadline first; `overdue` "
    "marks those past it), booked, or all but cancelled. At most 500. Each person listed gets "
    "an audit entry.",
    tags=TAGS,
    path_params=CVR,
    query=BookingListQuery,
    responses={200: ("The booking requests", JobcentreBookingsResponse), 403: NOT_OWN},
    actor_headers=True,
)
def jobcentre_bookings(cvr: str) -> Response:
    session = request_session()
    show = parse_query(BookingListQuery).show
    organisation = own_jobcentre(session, cvr, OVERVIEW)
    found = booking_queries.of_organisation(
        session, organisation.municipality_code or "", organisation.cvr, SHOWN[show]
    )
    offered = booking_queries.offered_slots(session, [request.id for request, _ in found])
    names = actor_queries.organisation_names(session, [organisation.cvr])
    today, moment = clock.today(), now()
    for person_id in dict.fromkeys(person.id for _, person in found):
        record_access(session, OVERVIEW, person_id=person_id)
    items = [
        JobcentreBookingOut.model_validate(
            {
                **booking_fields(request, offered[request.id], names, today=today, now=moment),
                "given_name": person.given_name,
                "family_name": person.family_name,
            }
        )
        for request, person in found
    ]
    items.sort(key=lambda item: (not item.overdue, item.deadline))
    body = JobcentreBookingsResponse(cvr=organisation.cvr, show=show, bookings=items)
    return jsonify(body.model_dump(mode="json"))
