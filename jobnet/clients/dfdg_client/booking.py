"""Booking one's own interview (issue 22) as the web app sees it: the job centre's slots, a
person's booking requests, the job centre's list of who has (not) booked, and the calls that
add a slot, open a booking and book or move it. Booking is answered at once (a place is free
or not), so these calls go straight to DFDG, with an idempotency key, not through the outbox."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from jobnet.clients.dfdg_client.calls import Calls
from jobnet.clients.dfdg_client.commands import Command, person_path, with_reference
from jobnet.clients.dfdg_client.values import Actor, Value, parse

BOOKING_WITHDRAW = "booking_withdraw"


class Slot(Value):
    id: str
    starts_at: datetime
    ends_at: datetime
    duration_minutes: int
    form: str
    place: str | None = None
    join_details: str | None = None
    capacity: int
    booked: int
    free: int
    cutoff_at: datetime
    bookable: bool = True  # a place is free and the cut-off has not come (DFDG's now)


class BookingOrganisation(Value):
    cvr: str
    name: str | None = None


class Booking(Value):
    id: str
    person_id: str
    status: str  # open, booked, cancelled
    type: str
    form: str
    deadline: date
    overdue: bool
    slot: Slot | None = None
    summons_id: str | None = None
    booked_at: datetime | None = None
    may_move: bool = False
    offered: list[Slot]
    contact_options: str | None = None
    bring: str | None = None
    created_at: datetime
    withdrawn_at: datetime | None = None
    withdrawal_reason: str | None = None
    organisation: BookingOrganisation | None = None

    def free_slots(self) -> list[Slot]:
        """The offered slots the person can pick now (a free place, before the cut-off), the
        booked one left out."""
        booked = self.slot.id if self.slot else None
        return [slot for slot in self.offered if slot.bookable and slot.id != booked]


class JobcentreBooking(Booking):
    given_name: str
    family_name: str


class _Slots(Value):
    slots: list[Slot]


class _Bookings(Value):
    bookings: list[Booking]


class _JobcentreBookings(Value):
    bookings: list[JobcentreBooking]


def _person(person_id: str, *parts: str) -> str:
    return "/".join([f"/persons/{quote(person_id, safe='')}", *(quote(p, safe="") for p in parts)])


def _organisation(cvr: str, *parts: str) -> str:
    return "/".join([f"/organisations/{quote(cvr, safe='')}", *(quote(p, safe="") for p in parts)])


def withdraw_booking_command(
    person_id: str,
    booking_id: str,
    *,
    reason: str,
    letter_sent_date: date | None,
    reference: str | None,
) -> Command:
    """The job centre withdraws its booking request (through the outbox, with a receipt); a
    booked one's summons is cancelled with a letter dated `letter_sent_date`."""
    body: dict[str, Any] = {"reason": reason}
    if letter_sent_date is not None:
        body["letter_sent_date"] = letter_sent_date.isoformat()
    path = person_path(person_id, "bookings", booking_id, "withdrawal")
    return Command(BOOKING_WITHDRAW, "POST", path, with_reference(body, reference))


class BookingCalls(Calls):
    def booking_slots(self, cvr: str, actor: Actor) -> list[Slot]:
        data = self._request("GET", _organisation(cvr, "booking-slots"), actor=actor)
        return parse(_Slots, data).slots

    def add_booking_slot(self, cvr: str, body: dict[str, Any], actor: Actor, key: str) -> Slot:
        path = _organisation(cvr, "booking-slots")
        answer = self.send_command("POST", path, body, actor=actor, idempotency_key=key)
        return parse(Slot, answer)

    def remove_booking_slot(self, cvr: str, slot_id: str, actor: Actor, key: str) -> Slot:
        """Take a slot off the job centre's list; DfdgRejected `slot_has_bookings` when someone
        has booked it, DfdgNotFound when it is not on the list."""
        path = _organisation(cvr, "booking-slots", slot_id)
        answer = self.send_command("DELETE", path, {}, actor=actor, idempotency_key=key)
        return parse(Slot, answer)

    def jobcentre_bookings(self, cvr: str, show: str, actor: Actor) -> list[JobcentreBooking]:
        path = _organisation(cvr, "bookings")
        data = self._request("GET", path, actor=actor, params={"show": show})
        return parse(_JobcentreBookings, data).bookings

    def bookings(self, person_id: str, actor: Actor) -> list[Booking]:
        data = self._request("GET", _person(person_id, "bookings"), actor=actor)
        return parse(_Bookings, data).bookings

    def open_booking(self, person_id: str, body: dict[str, Any], actor: Actor, key: str) -> Booking:
        path = _person(person_id, "bookings")
        answer = self.send_command("POST", path, body, actor=actor, idempotency_key=key)
        return parse(Booking, answer)

    def book_slot(
        self, person_id: str, booking_id: str, slot_id: str, actor: Actor, key: str
    ) -> Booking:
        path = _person(person_id, "bookings", booking_id, "slot")
        body = {"slot_id": slot_id}
        answer = self.send_command("POST", path, body, actor=actor, idempotency_key=key)
        return parse(Booking, answer)
