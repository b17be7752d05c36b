"""Booking one's own interview (issue 22) through DFDG's API: the job centre's slots, a booking
request for a person, the person's booking (a summons) and move, the cut-off, a full slot, the
job centre's list of who has not booked, and the audit of each."""

from __future__ import annotations

from datetime import date

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from jobnet.db import Store
from jobnet.dfdg.models.booking import BookingSlot
from jobnet.dfdg.models.notices import Notice
from tests.integration.dfdg.booking_helpers import CVR, add_slot, open_booking
from tests.integration.dfdg.jobseeker_helpers import (
    TODAY,
    audit_actions,
    get,
    new_person,
    post,
    rule_code,
    today_is,
)

pytestmark = pytest.mark.usefixtures("pinned_today")


def _book(client: FlaskClient, person_id: str, booking_id: str, slot_id: str, headers: dict):
    path = f"/persons/{person_id}/bookings/{booking_id}/slot"
    return post(client, path, {"slot_id": slot_id}, headers)


def test_a_caseworker_opens_a_booking_and_the_person_books_and_moves_it(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict, caseworker: dict
) -> None:
    person_id = new_person(dfdg_store, group=1, since=TODAY)
    first = add_slot(dfdg_client, caseworker)
    second = add_slot(dfdg_client, caseworker, "2026-12-01T09:00:00+01:00", capacity=2)
    opened = open_booking(dfdg_client, caseworker, person_id, [first["id"], second["id"]])
    assert opened["status"] == "open" and not opened["overdue"]
    assert [slot["id"] for slot in opened["offered"]] == [first["id"], second["id"]]
    with dfdg_store.session() as session:
        kinds = [
            n.kind for n in session.scalars(select(Notice).where(Notice.person_id == person_id))
        ]
    assert kinds == ["task"]

    booked = _book(dfdg_client, person_id, opened["id"], first["id"], citizen)
    assert booked.status_code == 200, booked.get_data(as_text=True)
    answer = booked.get_json()
    assert (answer["status"], answer["slot"]["id"], answer["may_move"]) == (
        "booked",
        first["id"],
        True,
    )
    summons = get(dfdg_client, f"/persons/{person_id}/summons/{answer['summons_id']}", citizen)
    assert summons.get_json()["starts_at"] == "2026-11-30T09:00:00Z"
    assert summons.get_json()["contact_options"] == "Ring på 33 17 33 17"

    moved = _book(dfdg_client, person_id, opened["id"], second["id"], citizen).get_json()
    assert moved["slot"]["id"] == second["id"] and moved["summons_id"] == answer["summons_id"]
    summons = get(dfdg_client, f"/persons/{person_id}/summons/{answer['summons_id']}", citizen)
    assert summons.get_json()["status"] == "moved"
    assert summons.get_json()["starts_at"] == "2026-12-01T08:00:00Z"
    slots = {
        s["id"]: s
        for s in get(dfdg_client, f"/organisations/{CVR}/booking-slots", caseworker).get_json()[
            "slots"
        ]
    }
    assert (slots[first["id"]]["booked"], slots[second["id"]]["booked"]) == (0, 1)

    code, _ = rule_code(_book(dfdg_client, person_id, opened["id"], second["id"], citizen))
    assert code == "same_slot"
    actions = audit_actions(dfdg_store, person_id)
    assert ("booking.open", "ok") in actions and actions.count(("booking.book", "ok")) == 2
    assert ("booking.book", "rejected") in actions


def test_a_full_slot_and_the_cut_off_are_refused(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict, caseworker: dict
) -> None:
    one = new_person(dfdg_store, "0101901234", group=1, since=TODAY)
    two = new_person(dfdg_store, "0202902345", group=1, since=TODAY)
    slot = add_slot(dfdg_client, caseworker)
    soon = add_slot(dfdg_client, caseworker, "2026-11-24T11:00:00+01:00")  # within 24 hours
    first = open_booking(dfdg_client, caseworker, one, [slot["id"], soon["id"]])
    second = open_booking(dfdg_client, caseworker, two, [slot["id"]])
    assert _book(dfdg_client, one, first["id"], slot["id"], citizen).status_code == 200
    code, fields = rule_code(_book(dfdg_client, two, second["id"], slot["id"], citizen))
    assert (code, fields) == ("slot_full", {"slot_id": "slot_full"})
    code, _ = rule_code(_book(dfdg_client, one, first["id"], soon["id"], citizen))
    assert code == "too_late_to_book"
    other = add_slot(dfdg_client, caseworker, "2026-12-02T10:00:00+01:00")
    code, _ = rule_code(_book(dfdg_client, two, second["id"], other["id"], citizen))
    assert code == "slot_not_offered"


def test_opening_a_booking_checks_its_rules(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict
) -> None:
    person_id = new_person(dfdg_store, group=1, since=TODAY)
    phone = add_slot(dfdg_client, caseworker, form="phone", place=None)
    body = {
        "type": "follow_up",
        "form": "in_person",
        "deadline": "2026-11-22",
        "slot_ids": [phone["id"]],
    }
    code, fields = rule_code(post(dfdg_client, f"/persons/{person_id}/bookings", body, caseworker))
    assert code == "deadline_in_the_past"
    assert fields == {
        "deadline": "deadline_in_the_past",
        "slot_ids": "slot_wrong_form",
        "contact_options": "contact_options_missing",
    }
    bad = {"starts_at": "2026-11-22T10:00:00+01:00", "form": "in_person", "capacity": 0}
    response = post(dfdg_client, f"/organisations/{CVR}/booking-slots", bad, caseworker)
    _, fields = rule_code(response)
    assert fields == {
        "starts_at": "time_in_the_past",
        "place": "place_missing",
        "capacity": "capacity_out_of_range",
    }


def test_the_job_centre_sees_who_has_not_booked_overdue_first(
    dfdg_app: Flask, dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict, caseworker: dict
) -> None:
    late = new_person(dfdg_store, "0101901234", group=1, since=TODAY)
    done = new_person(dfdg_store, "0202902345", group=1, since=TODAY)
    waiting = new_person(dfdg_store, "0303903456", group=1, since=TODAY)
    slot = add_slot(dfdg_client, caseworker, "2026-12-10T10:00:00+01:00", capacity=3)
    open_booking(dfdg_client, caseworker, late, [slot["id"]], deadline="2026-11-24")
    booked = open_booking(dfdg_client, caseworker, done, [slot["id"]])
    open_booking(dfdg_client, caseworker, waiting, [slot["id"]], deadline="2026-12-01")
    assert _book(dfdg_client, done, booked["id"], slot["id"], citizen).status_code == 200
    with today_is(dfdg_app, date(2026, 11, 25)):
        listed = get(dfdg_client, f"/organisations/{CVR}/bookings", caseworker).get_json()
        duties = get(dfdg_client, f"/persons/{late}/duties", citizen).get_json()["duties"]
    assert [(b["person_id"], b["overdue"]) for b in listed["bookings"]] == [
        (late, True),
        (waiting, False),
    ]
    [duty] = [d for d in duties if d["kind"] == "booking"]
    assert (duty["state"], duty["deadline"], duty["action"]) == (
        "overdue",
        "2026-11-24",
        "book_interview",
    )
    shown = get(dfdg_client, f"/organisations/{CVR}/bookings?show=booked", caseworker).get_json()
    assert [b["person_id"] for b in shown["bookings"]] == [done]
    assert ("booking.overview", "ok") in audit_actions(dfdg_store, late)
    mine = get(dfdg_client, f"/persons/{done}/duties", citizen).get_json()["duties"]
    assert [d["state"] for d in mine if d["kind"] == "booking"] == ["done"]


def test_another_job_centre_and_a_citizen_are_refused(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict, caseworker: dict
) -> None:
    person_id = new_person(dfdg_store, group=1, since=TODAY)
    response = get(dfdg_client, "/organisations/55133018/booking-slots", caseworker)
    assert response.status_code == 403
    slot = add_slot(dfdg_client, caseworker)
    body = {
        "type": "follow_up",
        "form": "in_person",
        "deadline": "2026-11-27",
        "slot_ids": [slot["id"]],
    }
    response = post(dfdg_client, f"/persons/{person_id}/bookings", body, citizen)
    assert response.status_code == 403
    with dfdg_store.session() as session:
        assert session.scalars(select(BookingSlot.booked)).all() == [0]
