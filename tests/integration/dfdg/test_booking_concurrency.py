"""Two people can never get the same place: many people book the last place of a slot at the
same moment, on PostgreSQL with real concurrent transactions (issue 22).

Each thread is its own request with its own connection; a barrier releases them together. The
slot's conditional update decides: exactly `capacity` bookings succeed, the others get 422
`slot_full`, and the slot's count and the summons made agree.
"""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import func, select

from jobnet.db import Store
from jobnet.dfdg.models.booking import BookingRequest, BookingSlot
from jobnet.dfdg.models.summons import Summons
from tests.integration.dfdg.booking_helpers import add_slot, open_booking, race
from tests.integration.dfdg.jobseeker_helpers import TODAY, new_person

PEOPLE = 8


pytestmark = pytest.mark.usefixtures("postgresql_only", "pinned_today")


@pytest.mark.parametrize("capacity", [1, 3])
def test_people_booking_the_same_slot_at_once_never_exceed_its_capacity(
    dfdg_app: Flask,
    dfdg_client,
    dfdg_store: Store,
    citizen: dict[str, str],
    caseworker: dict[str, str],
    capacity: int,
) -> None:
    slot = add_slot(dfdg_client, caseworker, capacity=capacity)
    calls = []
    for number in range(PEOPLE):
        person_id = new_person(dfdg_store, f"01019{number:05d}", group=1, since=TODAY)
        booking = open_booking(dfdg_client, caseworker, person_id, [slot["id"]])
        me = {**citizen, "X-Actor-Id": person_id}
        path = f"/persons/{person_id}/bookings/{booking['id']}/slot"
        calls.append(("POST", path, {"slot_id": slot["id"]}, me))

    results = race(dfdg_app, calls)

    assert sorted(results) == sorted(
        [(200, None)] * capacity + [(422, "slot_full")] * (PEOPLE - capacity)
    )
    with dfdg_store.session() as session:
        assert session.scalar(select(BookingSlot.booked)) == capacity
        booked = select(func.count()).where(BookingRequest.status == "booked")
        assert session.scalar(booked.select_from(BookingRequest)) == capacity
        assert session.scalar(select(func.count()).select_from(Summons)) == capacity


def test_one_person_clicking_two_slots_at_once_books_one_and_moves_to_the_other(
    dfdg_app: Flask, dfdg_client, dfdg_store: Store, citizen: dict, caseworker: dict
) -> None:
    first = add_slot(dfdg_client, caseworker)
    second = add_slot(dfdg_client, caseworker, "2026-12-01T10:00:00+01:00")
    person_id = new_person(dfdg_store, group=1, since=TODAY)
    booking = open_booking(dfdg_client, caseworker, person_id, [first["id"], second["id"]])
    me = {**citizen, "X-Actor-Id": person_id}
    path = f"/persons/{person_id}/bookings/{booking['id']}/slot"

    results = race(dfdg_app, [("POST", path, {"slot_id": s["id"]}, me) for s in (first, second)])

    assert [status for status, _ in results] == [200, 200]
    with dfdg_store.session() as session:
        counts = {
            row[0]: row[1] for row in session.execute(select(BookingSlot.id, BookingSlot.booked))
        }
        assert sorted(counts.values()) == [0, 1]
        assert session.scalar(select(func.count()).select_from(Summons)) == 1
