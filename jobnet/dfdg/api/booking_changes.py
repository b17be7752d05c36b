"""Booking one's own interview (issue 22), the job centre taking back what it offered: it
withdraws a booking request (a booked one's summons is cancelled by the summons' own rules, and
its place given back), and takes a slot off its list while no one has booked it.

A withdrawn request keeps its row (status `cancelled`, with when, by whom and why); so does a
removed slot (`removed_at`), for the requests that offered it and their history.
"""

from __future__ import annotations

from typing import NoReturn

from flask import Response, jsonify
from sqlalchemy.orm import Session

from jobnet.dfdg import clock
from jobnet.dfdg.actor import current_actor
from jobnet.dfdg.api.blueprint import api, parse_body
from jobnet.dfdg.api.booking import BOOKING_ID, NO_BOOKING
from jobnet.dfdg.api.booking_records import TAGS, bookings_out, slot_out
from jobnet.dfdg.api.booking_slots import CVR, NOT_OWN, own_jobcentre
from jobnet.dfdg.api.jobcentre_access import jobcentre_write, now, rule_violation
from jobnet.dfdg.api.records import RULE_RESPONSE
from jobnet.dfdg.api.summons import WRITE_RESPONSES, record_change
from jobnet.dfdg.audit import record_access
from jobnet.dfdg.context import request_session
from jobnet.dfdg.models.booking import BookingRequest
from jobnet.dfdg.models.summons import Summons
from jobnet.dfdg.notices import LETTER, notice_waiting
from jobnet.dfdg.queries import actors as actor_queries
from jobnet.dfdg.queries import booking as booking_queries
from jobnet.dfdg.queries import summons as summons_queries
from jobnet.dfdg.rules import REJECTED, refuse, refuse_not_found
from jobnet.dfdg.schemas.base import Problem
from jobnet.dfdg.schemas.booking import BookingOut, SlotOut, SlotRemovalRequest, WithdrawalRequest
from jobnet.domain.booking import (
    BookedSummons,
    BookingProblem,
    BookingStatus,
    check_slot_removal,
    check_withdrawal,
)
from jobnet.domain.summons import ChangeKind, SummonsStatus

WITHDRAW = "booking.withdraw"
REMOVE_SLOT = "booking.remove_slot"
SLOT_ID = {**CVR, "slot_id": "The slot's id"}
NO_SLOT = "The job centre has no slot with this id on its list"


def _booked_summons(summons: Summons | None) -> BookedSummons | None:
    if summons is None:
        return None
    first = summons.changes[0].letter_sent_date if summons.changes else summons.letter_sent_date
    return BookedSummons(SummonsStatus(summons.status), summons.starts_at, first)


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
    "/persons/<person_id>/bookings/<booking_id>/withdrawal",
    summary="Withdraw a booking request (caseworker of the person's job centre)",
    description="Before it is booked the request is withdrawn: the person's duty to book "
    "goes, and they get a letter saying so (in their letters, with a notice waiting). "
    "Once booked, the summons the booking made is cancelled by the summons' rules (its "
    "time has not come; `letter_sent_date` today or yesterday, required) and the slot's place "
    "is given back. The request keeps its row with status `cancelled`. 422 "
    "`booking_cancelled`, `letter_sent_date_missing`, `summons_held`, `letter_date_*`.",
    tags=TAGS,
    path_params=BOOKING_ID,
    request_body=WithdrawalRequest,
    responses={200: ("The withdrawn booking request", BookingOut), **WRITE_RESPONSES},
    actor_headers=True,
    idempotent=True,
)
def withdraw_booking(person_id: str, booking_id: str) -> Response:
    session = request_session()
    body = parse_body(WithdrawalRequest)
    person, _ = jobcentre_write(session, person_id, WITHDRAW)
    request = booking_queries.request_of_person(session, person.id, booking_id, lock=True)
    if request is None:
        refuse_not_found(session, WITHDRAW, person.id, NO_BOOKING)
    booked = request.status == BookingStatus.BOOKED.value
    summons = (
        summons_queries.of_person(session, person.id, request.summons_id)
        if booked and request.summons_id
        else None
    )
    problems = check_withdrawal(
        BookingStatus(request.status),
        _booked_summons(summons),
        body.letter_sent_date,
        now=now(),
        today=clock.today(),
    )
    if problems:
        refuse(session, WITHDRAW, person.id, rule_violation(problems))
    reason = _text(body.reason)
    if summons is not None and summons.status != SummonsStatus.CANCELLED.value:
        assert body.letter_sent_date is not None  # checked above
        summons.status = SummonsStatus.CANCELLED.value
        summons.sequence += 1
        summons.letter_sent_date = body.letter_sent_date
        record_change(
            summons,
            ChangeKind.CANCELLED,
            body.letter_sent_date,
            reason=reason,
            reference=body.reference,
        )
        notice_waiting(session, person.id, LETTER)
    if request.status == BookingStatus.OPEN.value:
        # Not booked yet: the withdrawal is itself a letter (`GET .../letters`), told like one.
        notice_waiting(session, person.id, LETTER)
    if booked and request.slot_id:
        booking_queries.give_back_place(session, request.slot_id)
    request.status = BookingStatus.CANCELLED.value
    request.withdrawn_at = now()  # DFDG's now: the letter is dated its Danish day
    request.withdrawal_reason = reason
    for column, value in actor_queries.actor_columns("withdrawn_by", current_actor()).items():
        setattr(request, column, value)
    record_access(session, WITHDRAW, person_id=person.id)
    return jsonify(_answer(session, request))


def _refuse_removal(session: Session, problem: BookingProblem, booked: int) -> NoReturn:
    session.rollback()
    record_access(session, REMOVE_SLOT, person_id=None, outcome=REJECTED)
    session.commit()
    error = rule_violation([("slot_id", problem)])
    error.detail = f"The slot has {booked} booking(s) and cannot be removed"
    raise error


@api.route(
    "DELETE",
    "/organisations/<cvr>/booking-slots/<slot_id>",
    summary="Take a slot off the job centre's list, while no one has booked it",
    description="The slot stays offered to no new booking; requests that offered it offer the "
    "rest. A slot someone has booked is refused with 422 `slot_has_bookings` (the detail "
    "names how many): withdraw or move those bookings first. Its row is kept.",
    tags=TAGS,
    path_params=SLOT_ID,
    request_body=SlotRemovalRequest,
    responses={
        200: ("The slot, as it was when removed", SlotOut),
        403: NOT_OWN,
        404: ("No such slot on the job centre's list", Problem),
        422: RULE_RESPONSE,
    },
    actor_headers=True,
    idempotent=True,
)
def remove_booking_slot(cvr: str, slot_id: str) -> Response:
    session = request_session()
    parse_body(SlotRemovalRequest)
    organisation = own_jobcentre(session, cvr, REMOVE_SLOT)
    slot = booking_queries.slot_of(session, organisation.cvr, slot_id)
    if slot is None:
        refuse_not_found(session, REMOVE_SLOT, None, NO_SLOT)
    if check_slot_removal(slot.booked):
        _refuse_removal(session, BookingProblem.SLOT_BOOKED, slot.booked)
    columns = actor_queries.actor_columns("removed_by", current_actor())
    if not booking_queries.remove_slot(session, slot.id, columns):
        # Booked in the moment between the read and the update: the update decides.
        session.refresh(slot)
        _refuse_removal(session, BookingProblem.SLOT_BOOKED, slot.booked)
    answer = slot_out(slot, now()).model_dump(mode="json")
    record_access(session, REMOVE_SLOT, person_id=None)
    return jsonify(answer)
