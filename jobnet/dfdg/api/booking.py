"""Booking one's own interview (issue 22), the person's side: a caseworker of the person's job
centre opens a booking request (type, form, deadline, offered slots); the person (or a
caseworker for them) books an offered slot with a free place, and may move to another until the
cut-off. Booking makes a summons (§ 27) dated the day it is booked; a move moves that summons.

A place is taken by one conditional update of the slot (`queries/booking.py`), after the
request's row is locked, so neither two people nor two clicks of one person ever take more
places than the slot has.
"""

from __future__ import annotations

from flask import Response, jsonify
from sqlalchemy.orm import Session

from jobnet.dfdg import clock
from jobnet.dfdg.actor import current_actor
from jobnet.dfdg.api.blueprint import api, parse_body
from jobnet.dfdg.api.booking_records import TAGS, bookings_out, slot_fact
from jobnet.dfdg.api.jobcentre_access import (
    jobcentre_write,
    now,
    person_for_subject_read,
    rule_violation,
)
from jobnet.dfdg.api.records import NOT_FOUND_RESPONSE, PERSON_ID, RULE_RESPONSE, person_for_write
from jobnet.dfdg.api.summons import WRITE_RESPONSES, record_change
from jobnet.dfdg.audit import record_access
from jobnet.dfdg.context import request_session
from jobnet.dfdg.models.base import utcnow
from jobnet.dfdg.models.booking import BookingOffer, BookingRequest, BookingSlot
from jobnet.dfdg.models.summons import Summons
from jobnet.dfdg.notices import LETTER, TASK, notice_waiting
from jobnet.dfdg.queries import actors as actor_queries
from jobnet.dfdg.queries import booking as booking_queries
from jobnet.dfdg.queries import summons as summons_queries
from jobnet.dfdg.rules import refuse, refuse_not_found
from jobnet.dfdg.schemas.base import Problem
from jobnet.dfdg.schemas.booking import (
    BookingOpenRequest,
    BookingOut,
    BookingsResponse,
    BookRequest,
)
from jobnet.domain.booking import BookingProblem, BookingStatus, check_booking, check_new_request
from jobnet.domain.codes import ActorType
from jobnet.domain.summons import ChangeKind, SummonsStatus, check_contact_options

OPEN = "booking.open"
LIST = "booking.list"
BOOK = "booking.book"
BOOKING_ID = {**PERSON_ID, "booking_id": "The booking request's id"}
NO_BOOKING = "The person has no booking request with this id"


def _text(value: str | None) -> str | None:
    return value.strip() or None if value else None


def _answer(session: Session, request: BookingRequest) -> dict[str, object]:
    session.flush()
    session.expire_all()
    found = booking_queries.request_of_person(session, request.person_id, request.id)
    assert found is not None
    [out] = bookings_out(session, [found], today=clock.today(), now=now())
    return out.model_dump(mode="json")


@api.route(
    "POST",
    "/persons/<person_id>/bookings",
    summary="Ask the person to book an interview among the job centre's slots, by a deadline",
    description="A caseworker of the person's job centre: the interview's type and form, the "
    "deadline (today to 90 days ahead), the slots offered (the job centre's own, of the same "
    "form, not started) and the person's contact options (§ 27; they go into the summons the "
    "booking makes). The person is told a task waits for them. 422 `deadline_in_the_past`, "
    "`deadline_too_far_ahead`, `no_slots_offered`, `slot_unknown`, `slot_wrong_form`, "
    "`slot_started`, `contact_options_missing`.",
    tags=TAGS,
    path_params=PERSON_ID,
    request_body=BookingOpenRequest,
    responses={201: ("The booking request", BookingOut), **WRITE_RESPONSES},
    actor_headers=True,
    idempotent=True,
)
def open_booking(person_id: str) -> tuple[Response, int]:
    session = request_session()
    body = parse_body(BookingOpenRequest)
    person, organisation = jobcentre_write(session, person_id, OPEN)
    slots = booking_queries.slots_by_id(session, organisation.cvr, body.slot_ids)
    problems: list[tuple[str, str]] = list(
        check_new_request(
            form=body.form,
            deadline=body.deadline,
            slot_ids=body.slot_ids,
            slots={slot_id: slot_fact(slot) for slot_id, slot in slots.items()},
            today=clock.today(),
            now=now(),
        )
    )
    problems += check_contact_options(body.contact_options)
    if problems:
        refuse(session, OPEN, person.id, rule_violation(problems))
    request = BookingRequest(
        person_id=person.id,
        organisation_cvr=organisation.cvr,
        type=body.type.value,
        form=body.form.value,
        opened_on=clock.today(),
        deadline=body.deadline,
        contact_options=_text(body.contact_options),
        bring=_text(body.bring),
        status=BookingStatus.OPEN.value,
        source_reference=body.reference,
        **actor_queries.actor_columns("created_by", current_actor()),
    )
    session.add(request)
    session.flush()
    for slot_id in dict.fromkeys(body.slot_ids):
        session.add(BookingOffer(request_id=request.id, slot_id=slot_id))
    notice_waiting(session, person.id, TASK)
    record_access(session, OPEN, person_id=person.id)
    return jsonify(_answer(session, request)), 201


@api.route(
    "GET",
    "/persons/<person_id>/bookings",
    summary="The person's booking requests, with the slots offered and the one booked",
    description="Newest first; each with its deadline, whether it is overdue, the offered "
    "slots' free places and cut-offs, and whether the booking may still be moved. Audited.",
    tags=TAGS,
    path_params=PERSON_ID,
    responses={200: ("The booking requests", BookingsResponse), 404: NOT_FOUND_RESPONSE},
    actor_headers=True,
)
def person_bookings(person_id: str) -> Response:
    session = request_session()
    person = person_for_subject_read(session, person_id, LIST)
    requests = booking_queries.requests_of_person(session, person.id)
    record_access(session, LIST, person_id=person.id)
    body = BookingsResponse(
        person_id=person.id,
        bookings=bookings_out(session, requests, today=clock.today(), now=now()),
    )
    return jsonify(body.model_dump(mode="json"))


def _create_summons(request: BookingRequest, slot: BookingSlot) -> Summons:
    summons = Summons(
        person_id=request.person_id,
        organisation_cvr=request.organisation_cvr,
        status=SummonsStatus.ACTIVE.value,
        sequence=0,
        starts_at=slot.starts_at,
        duration_minutes=slot.duration_minutes,
        form=slot.form,
        type=request.type,
        place=slot.place,
        join_details=slot.join_details,
        contact_options=request.contact_options,
        bring=request.bring,
        letter_sent_date=clock.today(),
        source_reference=request.source_reference,
        **actor_queries.actor_columns("created_by", current_actor()),
    )
    summons.changes = []
    record_change(summons, ChangeKind.CREATED, clock.today(), reference=request.source_reference)
    return summons


def _move_summons(summons: Summons, slot: BookingSlot, reference: str | None) -> None:
    previous = summons.starts_at
    summons.starts_at = slot.starts_at
    summons.duration_minutes = slot.duration_minutes
    summons.form = slot.form
    summons.place = slot.place
    summons.join_details = slot.join_details
    summons.status = SummonsStatus.MOVED.value
    summons.sequence += 1
    summons.letter_sent_date = clock.today()
    record_change(summons, ChangeKind.MOVED, clock.today(), previous=previous, reference=reference)


@api.route(
    "POST",
    "/persons/<person_id>/bookings/<booking_id>/slot",
    summary="Book an offered slot, or move the booking to another",
    description="The person themself or a caseworker of the person's job centre. The slot must "
    "be one the request offers, start more than 24 hours from now and have a free place; a "
    "move needs the booked slot more than 24 hours away. Booking makes a summons dated today; "
    "a move moves it (its earlier time kept in its history). A slot never takes more people "
    "than its capacity, whatever the timing: the loser of a race gets 422 `slot_full`. Also "
    "422 `slot_not_offered`, `too_late_to_book`, `too_late_to_move`, `same_slot`, "
    "`booking_cancelled`.",
    tags=TAGS,
    path_params=BOOKING_ID,
    request_body=BookRequest,
    responses={
        200: ("The booking, with its slot and summons", BookingOut),
        404: ("No such person, or no such booking request of this person", Problem),
        422: RULE_RESPONSE,
    },
    actor_headers=True,
    idempotent=True,
)
def book_slot(person_id: str, booking_id: str) -> Response:
    session = request_session()
    body = parse_body(BookRequest)
    person = person_for_write(session, person_id, BOOK)
    request = booking_queries.request_of_person(session, person.id, booking_id, lock=True)
    if request is None:
        refuse_not_found(session, BOOK, person.id, NO_BOOKING)
    offered = booking_queries.offered_slots(session, [request.id])[request.id]
    chosen = next((slot for slot in offered if slot.id == body.slot_id), None)
    current = next((slot for slot in offered if slot.id == request.slot_id), None)
    problems = check_booking(
        status=BookingStatus(request.status),
        chosen=slot_fact(chosen) if chosen else None,
        offered=chosen is not None,
        current=slot_fact(current) if current else None,
        now=now(),
    )
    if problems:
        refuse(session, BOOK, person.id, rule_violation(problems))
    assert chosen is not None
    if not booking_queries.take_place(session, chosen.id):
        session.refresh(chosen)  # full, or taken off the list in the same moment
        lost = BookingProblem.NOT_OFFERED if chosen.removed_at else BookingProblem.SLOT_FULL
        refuse(session, BOOK, person.id, rule_violation([("slot_id", lost)]))
    if current is not None:
        booking_queries.give_back_place(session, current.id)
    summons = (
        summons_queries.of_person(session, person.id, request.summons_id)
        if request.summons_id
        else None
    )
    if summons is None:
        summons = summons_queries.add(session, _create_summons(request, chosen))
        session.flush()
        request.summons_id = summons.id
    else:
        _move_summons(summons, chosen, body.reference)
    request.slot_id = chosen.id
    request.status = BookingStatus.BOOKED.value
    request.booked_at = utcnow()
    if current_actor().type != ActorType.CITIZEN:
        notice_waiting(session, person.id, LETTER)
    record_access(session, BOOK, person_id=person.id)
    return jsonify(_answer(session, request))
