"""A time is never both removed and booked: the job centre removes a slot at the very moment a
person books it, on PostgreSQL with real concurrent transactions (issue 22).

Each side is its own request with its own connection; a barrier releases them together. The
slot's two conditional updates (`booked = booked + 1 WHERE removed_at IS NULL AND booked <
capacity`, `removed_at = now WHERE booked = 0`) are ordered by the row's lock: exactly one of
them wins, and the other is refused.
"""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import select

from jobnet.db import Store
from jobnet.dfdg.models.booking import BookingSlot
from tests.integration.dfdg.booking_helpers import CVR, add_slot, open_booking, race
from tests.integration.dfdg.jobseeker_helpers import TODAY, new_person

ROUNDS = 6


pytestmark = pytest.mark.usefixtures("postgresql_only", "pinned_today")


def test_a_slot_removed_while_it_is_booked_is_either_booked_or_removed(
    dfdg_app: Flask, dfdg_client, dfdg_store: Store, citizen: dict, caseworker: dict
) -> None:
    for number in range(ROUNDS):
        slot = add_slot(dfdg_client, caseworker, f"2026-12-0{number + 1}T10:00:00+01:00")
        person_id = new_person(dfdg_store, f"02029{number:05d}", group=1, since=TODAY)
        booking = open_booking(dfdg_client, caseworker, person_id, [slot["id"]])
        me = {**citizen, "X-Actor-Id": person_id}
        book = ("POST", f"/persons/{person_id}/bookings/{booking['id']}/slot", me)
        remove = ("DELETE", f"/organisations/{CVR}/booking-slots/{slot['id']}", caseworker)

        [booked, removed] = race(
            dfdg_app,
            [(book[0], book[1], {"slot_id": slot["id"]}, book[2]), (*remove[:2], {}, remove[2])],
        )

        with dfdg_store.session() as session:
            row = session.scalars(select(BookingSlot).where(BookingSlot.id == slot["id"])).one()
            state = (row.booked, row.removed_at is not None)
        if booked[0] == 200:
            assert removed == (422, "slot_has_bookings")
            assert state == (1, False)
        else:
            assert booked == (422, "slot_not_offered")
            assert removed[0] == 200
            assert state == (0, True)
