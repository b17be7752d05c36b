"""What the booking endpoints share: slots and booking requests as API answers, and the rule
messages of the booking rule set."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.orm import Session

from jobnet.dfdg.api.jobcentre_access import CODE_MESSAGES
from jobnet.dfdg.models.booking import BookingRequest, BookingSlot
from jobnet.dfdg.queries import actors as actor_queries
from jobnet.dfdg.queries import booking as booking_queries
from jobnet.dfdg.schemas.booking import BookingOut, SlotOut
from jobnet.dfdg.schemas.plans import OrganisationRef
from jobnet.domain.booking import (
    MAX_CAPACITY,
    MAX_DEADLINE_DAYS,
    MAX_OFFERED,
    BookingProblem,
    BookingStatus,
    SlotFact,
    bookable,
    cutoff_of,
    may_move,
)
from jobnet.domain.summons import InterviewForm, InterviewType

TAGS = ("booking",)

CODE_MESSAGES.update(
    {
        BookingProblem.CAPACITY_OUT_OF_RANGE: f"A slot takes 1 to {MAX_CAPACITY} people",
        BookingProblem.DEADLINE_IN_THE_PAST: "The deadline must be today or later",
        BookingProblem.DEADLINE_TOO_FAR_AHEAD: "The deadline may be at most "
        f"{MAX_DEADLINE_DAYS} days ahead",
        BookingProblem.NO_SLOTS: "Offer at least one slot",
        BookingProblem.TOO_MANY_SLOTS: f"Offer at most {MAX_OFFERED} slots",
        BookingProblem.SLOT_UNKNOWN: "The job centre has no slot with this id",
        BookingProblem.SLOT_WRONG_FORM: "A slot offered is of another interview form",
        BookingProblem.SLOT_STARTED: "A slot offered has already started",
        BookingProblem.NOT_OFFERED: "The slot is not one the booking offers",
        BookingProblem.SLOT_FULL: "The slot has no free place",
        BookingProblem.TOO_LATE: "The slot starts too soon to be booked",
        BookingProblem.TOO_LATE_TO_MOVE: "The booked interview starts too soon to be moved",
        BookingProblem.SAME_SLOT: "The booking already has this slot",
        BookingProblem.CLOSED: "The booking is cancelled",
        BookingProblem.SLOT_BOOKED: "The slot has bookings",
        BookingProblem.LETTER_MISSING: "The booking is booked: give the date the letter "
        "cancelling its summons is sent",
    }
)


def _utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


def slot_fact(slot: BookingSlot) -> SlotFact:
    return SlotFact(
        id=slot.id,
        starts_at=_utc(slot.starts_at),
        form=InterviewForm(slot.form),
        capacity=slot.capacity,
        booked=slot.booked,
    )


def slot_out(slot: BookingSlot, now: datetime) -> SlotOut:
    starts_at = _utc(slot.starts_at)
    return SlotOut(
        id=slot.id,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=slot.duration_minutes),
        duration_minutes=slot.duration_minutes,
        form=InterviewForm(slot.form),
        place=slot.place,
        join_details=slot.join_details,
        capacity=slot.capacity,
        booked=slot.booked,
        free=max(slot.capacity - slot.booked, 0),
        cutoff_at=cutoff_of(starts_at),
        bookable=bookable(slot_fact(slot), now),
    )


def booking_fields(
    request: BookingRequest,
    offered: list[BookingSlot],
    names: Mapping[str, str],
    *,
    today: date,
    now: datetime,
) -> dict[str, object]:
    booked = next((slot for slot in offered if slot.id == request.slot_id), None)
    status = BookingStatus(request.status)
    return {
        "id": request.id,
        "person_id": request.person_id,
        "status": status,
        "type": InterviewType(request.type),
        "form": InterviewForm(request.form),
        "deadline": request.deadline,
        "overdue": status == BookingStatus.OPEN and today > request.deadline,
        "organisation": OrganisationRef(
            cvr=request.organisation_cvr, name=names.get(request.organisation_cvr)
        ),
        "slot": slot_out(booked, now) if booked is not None else None,
        "summons_id": request.summons_id,
        "booked_at": request.booked_at,
        "may_move": booked is not None
        and status == BookingStatus.BOOKED
        and may_move(_utc(booked.starts_at), now),
        "offered": [slot_out(slot, now) for slot in offered],
        "contact_options": request.contact_options,
        "bring": request.bring,
        "created_at": request.created_at,
        "withdrawn_at": request.withdrawn_at,
        "withdrawal_reason": request.withdrawal_reason,
    }


def bookings_out(
    session: Session, requests: Iterable[BookingRequest], *, today: date, now: datetime
) -> list[BookingOut]:
    """The requests as answers, with their offered slots (two statements)."""
    items = list(requests)
    offered = booking_queries.offered_slots(session, [request.id for request in items])
    names = actor_queries.organisation_names(session, [r.organisation_cvr for r in items])
    return [
        BookingOut.model_validate(
            booking_fields(request, offered[request.id], names, today=today, now=now)
        )
        for request in items
    ]
