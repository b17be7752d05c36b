"""Two people can never get the same place: many people book the last place of a slot at the
same moment, on PostgreSQL with real concurrent transactions (issue 22).

Each thread is its own request with its own connection; a barrier releases them together. The
slot's conditional update decides: exactly `capacity` bookings succeed, the others get 422
`slot_full`, and the slot's count and the summons made agree.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date

import pytest
from flask import Flask
from sqlalchemy import func, select

from jobnet.db import Store
from jobnet.dfdg.models.booking import BookingRequest, BookingSlot
from jobnet.dfdg.models.summons import Summons
from tests.integration.dfdg.booking_helpers import add_slot, open_booking
from tests.integration.dfdg.jobseeker_helpers import new_person, post, today_is

TODAY = date(2026, 11, 23)
PEOPLE = 8


@pytest.fixture(autouse=True)
def _postgresql_and_today(dfdg_app: Flask, dfdg_store: Store) -> Iterator[None]:
    if dfdg_store.engine.dialect.name != "postgresql":
        pytest.skip("concurrent transactions are proven on PostgreSQL (JOBNET_TEST_DB=postgresql)")
    with today_is(dfdg_app, TODAY):
        yield


def _race(app: Flask, calls: list[tuple[str, dict, dict]]) -> list[tuple[int, str | None]]:
    """POST every (path, body, headers) at the same moment; (status, code) of each."""
    barrier = threading.Barrier(len(calls))
    results: list[tuple[int, str | None]] = [(0, None)] * len(calls)

    def run(index: int, path: str, body: dict, headers: dict) -> None:
        client = app.test_client()
        barrier.wait()
        response = post(client, path, body, headers)
        results[index] = (response.status_code, (response.get_json() or {}).get("code"))

    threads = [
        threading.Thread(target=run, args=(index, *call)) for index, call in enumerate(calls)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


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
        calls.append((path, {"slot_id": slot["id"]}, me))

    results = _race(dfdg_app, calls)

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

    results = _race(dfdg_app, [(path, {"slot_id": s["id"]}, me) for s in (first, second)])

    assert [status for status, _ in results] == [200, 200]
    with dfdg_store.session() as session:
        counts = {
            row[0]: row[1] for row in session.execute(select(BookingSlot.id, BookingSlot.booked))
        }
        assert sorted(counts.values()) == [0, 1]
        assert session.scalar(select(func.count()).select_from(Summons)) == 1
