"""The job centre's slots and the booking requests of its citizens (issue 22).

A place in a slot is taken with one conditional update, `booked = booked + 1 WHERE booked <
capacity`: the database decides between two requests at the same moment (on PostgreSQL the
second waits for the first's row lock, then sees the new count), so a slot never takes more
people than its capacity. A slot is taken off the list the same way, `removed_at = now WHERE
booked = 0`, so a slot is never both removed and booked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from sqlalchemy import CursorResult, or_, select, update
from sqlalchemy.orm import Session

from jobnet.dfdg.models.base import utcnow
from jobnet.dfdg.models.booking import BookingOffer, BookingRequest, BookingSlot
from jobnet.dfdg.models.persons import Person
from jobnet.domain.booking import BookingStatus


def slots_of(session: Session, cvr: str, since: datetime) -> list[BookingSlot]:
    """The job centre's slots on its list starting at `since` or later, soonest first."""
    query = (
        select(BookingSlot)
        .where(
            BookingSlot.organisation_cvr == cvr,
            BookingSlot.starts_at >= since,
            BookingSlot.removed_at.is_(None),
        )
        .order_by(BookingSlot.starts_at, BookingSlot.created_at)
    )
    return list(session.scalars(query))


def slot_of(session: Session, cvr: str, slot_id: str) -> BookingSlot | None:
    """The job centre's slot, while it is on the list."""
    query = select(BookingSlot).where(
        BookingSlot.id == slot_id,
        BookingSlot.organisation_cvr == cvr,
        BookingSlot.removed_at.is_(None),
    )
    return session.scalars(query).one_or_none()


def slots_by_id(session: Session, cvr: str, ids: Iterable[str]) -> dict[str, BookingSlot]:
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return {}
    query = select(BookingSlot).where(
        BookingSlot.organisation_cvr == cvr,
        BookingSlot.id.in_(wanted),
        BookingSlot.removed_at.is_(None),
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
    """The slots each request offers, soonest first (one statement); a slot taken off the list
    is among them only while a request is booked into it (the booked one is never removed)."""
    wanted = list(dict.fromkeys(request_ids))
    found: dict[str, list[BookingSlot]] = {request_id: [] for request_id in wanted}
    if not wanted:
        return found
    query = (
        select(BookingOffer.request_id, BookingSlot)
        .join(BookingSlot, BookingSlot.id == BookingOffer.slot_id)
        .join(BookingRequest, BookingRequest.id == BookingOffer.request_id)
        .where(
            BookingOffer.request_id.in_(wanted),
            or_(
                BookingSlot.removed_at.is_(None),
                BookingRequest.slot_id == BookingSlot.id,
            ),
        )
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
        .where(
            BookingSlot.id == slot_id,
            BookingSlot.booked < BookingSlot.capacity,
            BookingSlot.removed_at.is_(None),
        )
        .values(booked=BookingSlot.booked + 1)
        .execution_options(synchronize_session=False)
    )
    result = session.execute(statement)
    assert isinstance(result, CursorResult)
    return result.rowcount == 1


def remove_slot(session: Session, slot_id: str, columns: Mapping[str, object]) -> bool:
    """Take the slot off the list if no one has booked it; False when someone has (or it is
    gone already). One conditional update, ordered against `take_place` by the row's lock."""
    statement = (
        update(BookingSlot)
        .where(
            BookingSlot.id == slot_id,
            BookingSlot.booked == 0,
            BookingSlot.removed_at.is_(None),
        )
        .values(removed_at=utcnow(), **columns)
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
