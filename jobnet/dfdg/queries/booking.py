"""The job centre's slots and the booking requests of its citizens (issue 22).

A place in a slot is taken with one conditional update, `booked = booked + 1 WHERE booked <
capacity`: the database decides between two requests at the same moment (on PostgreSQL the
second waits for the first's row lock, then sees the new count), so a slot never takes more
people than its capacity.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from jobnet.dfdg.models.booking import BookingOffer, BookingRequest, BookingSlot
from jobnet.dfdg.models.persons import Person
from jobnet.domain.booking import BookingStatus


def slots_of(session: Session, cvr: str, since: datetime) -> list[BookingSlot]:
    """The job centre's slots starting at `since` or later, soonest first."""
    query = (
        select(BookingSlot)
        .where(BookingSlot.organisation_cvr == cvr, BookingSlot.starts_at >= since)
        .order_by(BookingSlot.starts_at, BookingSlot.created_at)
    )
    return list(session.scalars(query))


def slot_of(session: Session, cvr: str, slot_id: str) -> BookingSlot | None:
    query = select(BookingSlot).where(
        BookingSlot.id == slot_id, BookingSlot.organisation_cvr == cvr
    )
    return session.scalars(query).one_or_none()


def slots_by_id(session: Session, cvr: str, ids: Iterable[str]) -> dict[str, BookingSlot]:
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return {}
    query = select(BookingSlot).where(
        BookingSlot.organisation_cvr == cvr, BookingSlot.id.in_(wanted)
    )
    return {slot.id: slot for slot in session.scalars(query)}


def requests_of_person(session: Session, person_id: str) -> list[BookingRequest]:
    """The person's booking requests, newest first."""
    query = (
        select(BookingRequest)
        .where(BookingRequest.person_id == person_id)
        .order_by(BookingRequest.created_at.desc())
    )
    return list(session.scalars(query))


def request_of_person(
    session: Session, person_id: str, request_id: str, *, lock: bool = False
) -> BookingRequest | None:
    query = select(BookingRequest).where(
        BookingRequest.id == request_id, BookingRequest.person_id == person_id
    )
    if lock:
        query = query.with_for_update()
    return session.scalars(query).one_or_none()


def offered_slots(session: Session, request_ids: Iterable[str]) -> dict[str, list[BookingSlot]]:
    """The slots each request offers, soonest first (one statement)."""
    wanted = list(dict.fromkeys(request_ids))
    found: dict[str, list[BookingSlot]] = {request_id: [] for request_id in wanted}
    if not wanted:
        return found
    query = (
        select(BookingOffer.request_id, BookingSlot)
        .join(BookingSlot, BookingSlot.id == BookingOffer.slot_id)
        .where(BookingOffer.request_id.in_(wanted))
        .order_by(BookingSlot.starts_at, BookingSlot.id)
    )
    for request_id, slot in session.execute(query):
        found[request_id].append(slot)
    return found


def take_place(session: Session, slot_id: str) -> bool:
    """Take one place in the slot if it has one free; False when it is full (one conditional
    update: the row's lock orders concurrent requests)."""
    statement = (
        update(BookingSlot)
        .where(BookingSlot.id == slot_id, BookingSlot.booked < BookingSlot.capacity)
        .values(booked=BookingSlot.booked + 1)
        .execution_options(synchronize_session=False)
    )
    result = session.execute(statement)
    assert isinstance(result, CursorResult)
    return result.rowcount == 1


def give_back_place(session: Session, slot_id: str) -> None:
    statement = (
        update(BookingSlot)
        .where(BookingSlot.id == slot_id, BookingSlot.booked > 0)
        .values(booked=BookingSlot.booked - 1)
        .execution_options(synchronize_session=False)
    )
    session.execute(statement)


def of_organisation(
    session: Session, municipality_code: str, cvr: str, statuses: Iterable[BookingStatus]
) -> list[tuple[BookingRequest, Person]]:
    """The job centre's requests in `statuses` for its citizens of today, earliest deadline
    first."""
    query = (
        select(BookingRequest, Person)
        .join(Person, Person.id == BookingRequest.person_id)
        .where(
            BookingRequest.organisation_cvr == cvr,
            Person.municipality_code == municipality_code,
            BookingRequest.status.in_([status.value for status in statuses]),
        )
        .order_by(BookingRequest.deadline, Person.family_name, Person.given_name)
        .limit(500)
    )
    return [(request, person) for request, person in session.execute(query)]
