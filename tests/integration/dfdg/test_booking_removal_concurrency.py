"""A time is never both removed and booked: the job centre removes a slot at the very moment a
person books it, on PostgreSQL with real concurrent transactions (issue 22).

Each side is its own request with its own connection; a barrier releases them together. The
slot's two conditional updates (`booked = booked + 1 WHERE removed_at IS NULL AND booked <
capacity`, `removed_at = now WHERE booked = 0`) are ordered by the row's lock: exactly one of
them wins, and the other is refused.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from flask import Flask
from sqlalchemy import select

from jobnet.db import Store
from jobnet.dfdg.models.booking import BookingSlot
from tests.integration.dfdg.booking_helpers import CVR, add_slot, open_booking
from tests.integration.dfdg.jobseeker_helpers import new_person, today_is

TODAY = date(2026, 11, 23)
ROUNDS = 6


@pytest.fixture(autouse=True)
def _postgresql_and_today(dfdg_app: Flask, dfdg_store: Store) -> Iterator[None]:
    if dfdg_store.engine.dialect.name != "postgresql":
        pytest.skip("concurrent transactions are proven on PostgreSQL (JOBNET_TEST_DB=postgresql)")
    with today_is(dfdg_app, TODAY):
        yield


def _race(app: Flask, calls: list[tuple[str, str, dict, dict]]) -> list[tuple[int, str | None]]:
    barrier = threading.Barrier(len(calls))
    results: list[tuple[int, str | None]] = [(0, None)] * len(calls)

    def run(index: int, method: str, path: str, body: dict, headers: dict) -> None:
        client = app.test_client()
        barrier.wait()
        response = client.open(
            "/api/v1" + path,
            method=method,
            json=body,
            headers={**headers, "Idempotency-Key": str(uuid.uuid4())},
        )
        results[index] = (response.status_code, (response.get_json() or {}).get("code"))

    threads = [threading.Thread(target=run, args=(i, *call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


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

        [booked, removed] = _race(
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
