"""The job centre takes back what it offered (issue 22) through DFDG's API: it withdraws a
booking request (before it is booked; after, the summons the booking made is cancelled by the
summons' rules and the place given back), and takes a slot off its list only while no one has
booked it. Each is audited; the person's duty goes."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from jobnet.db import Store
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


@pytest.fixture
def other_caseworker(caseworker: dict[str, str]) -> dict[str, str]:
    """A caseworker of Jobcenter Aarhus."""
    return {
        **caseworker,
        "X-Actor-Id": "CVR:55133018-RID:41120009",
        "X-Actor-Organisation": "55133018",
    }


def _book(client: FlaskClient, person_id: str, booking_id: str, slot_id: str, headers: dict):
    path = f"/persons/{person_id}/bookings/{booking_id}/slot"
    return post(client, path, {"slot_id": slot_id}, headers)


def _withdraw(client: FlaskClient, person_id: str, booking_id: str, headers: dict, **body: Any):
    path = f"/persons/{person_id}/bookings/{booking_id}/withdrawal"
    return post(client, path, {"reason": "Not needed after all", **body}, headers)


def _remove(client: FlaskClient, slot_id: str, headers: dict, cvr: str = CVR) -> Any:
    return client.delete(
        f"/api/v1/organisations/{cvr}/booking-slots/{slot_id}",
        json={},
        headers={**headers, "Idempotency-Key": str(uuid.uuid4())},
    )


def _slots(client: FlaskClient, caseworker: dict) -> dict[str, dict[str, Any]]:
    found = get(client, f"/organisations/{CVR}/booking-slots", caseworker).get_json()["slots"]
    return {slot["id"]: slot for slot in found}


def _notices(store: Store, person_id: str) -> list[str]:
    with store.session() as session:
        found = session.scalars(
            select(Notice).where(Notice.person_id == person_id).order_by(Notice.id)
        )
        return [notice.kind for notice in found]


def _duty_states(client: FlaskClient, person_id: str, citizen: dict) -> list[str]:
    duties = get(client, f"/persons/{person_id}/duties", citizen).get_json()["duties"]
    return [duty["state"] for duty in duties if duty["kind"] == "booking"]


def test_an_open_request_is_withdrawn_and_the_duty_goes(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict, caseworker: dict
) -> None:
    person_id = new_person(dfdg_store, group=1, since=TODAY)
    slot = add_slot(dfdg_client, caseworker)
    opened = open_booking(dfdg_client, caseworker, person_id, [slot["id"]])
    assert _duty_states(dfdg_client, person_id, citizen) == ["to_do"]

    withdrawn = _withdraw(dfdg_client, person_id, opened["id"], caseworker)
    assert withdrawn.status_code == 200, withdrawn.get_data(as_text=True)
    answer = withdrawn.get_json()
    assert (answer["status"], answer["withdrawal_reason"]) == ("cancelled", "Not needed after all")
    assert answer["withdrawn_at"] and answer["summons_id"] is None
    assert _duty_states(dfdg_client, person_id, citizen) == []
    listed = get(dfdg_client, f"/organisations/{CVR}/bookings", caseworker).get_json()
    assert listed["bookings"] == []
    # The person is told: a letter, and a letter notice waiting (after the booking's task).
    letters = get(dfdg_client, f"/persons/{person_id}/letters", citizen).get_json()["letters"]
    assert [(x["kind"], x["booking_id"], x["letter_date"]) for x in letters] == [
        ("booking_withdrawn", opened["id"], TODAY.isoformat())
    ]
    assert _notices(dfdg_store, person_id) == ["task", "letter"]

    code, _ = rule_code(_withdraw(dfdg_client, person_id, opened["id"], caseworker))
    assert code == "booking_cancelled"
    code, _ = rule_code(_book(dfdg_client, person_id, opened["id"], slot["id"], citizen))
    assert code == "booking_cancelled"
    actions = audit_actions(dfdg_store, person_id)
    assert ("booking.withdraw", "ok") in actions and ("booking.withdraw", "rejected") in actions


def test_a_booked_request_is_withdrawn_by_cancelling_its_summons(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict, caseworker: dict
) -> None:
    person_id = new_person(dfdg_store, group=1, since=TODAY)
    slot = add_slot(dfdg_client, caseworker)
    opened = open_booking(dfdg_client, caseworker, person_id, [slot["id"]])
    booked = _book(dfdg_client, person_id, opened["id"], slot["id"], citizen).get_json()
    assert _slots(dfdg_client, caseworker)[slot["id"]]["booked"] == 1

    code, fields = rule_code(_withdraw(dfdg_client, person_id, opened["id"], caseworker))
    assert (code, fields) == ("letter_sent_date_missing", {"letter_sent_date": code})
    code, _ = rule_code(
        _withdraw(dfdg_client, person_id, opened["id"], caseworker, letter_sent_date="2026-11-20")
    )
    assert code == "letter_date_too_far_back"

    withdrawn = _withdraw(
        dfdg_client, person_id, opened["id"], caseworker, letter_sent_date="2026-11-23"
    )
    assert withdrawn.status_code == 200, withdrawn.get_data(as_text=True)
    assert withdrawn.get_json()["status"] == "cancelled"
    summons = get(dfdg_client, f"/persons/{person_id}/summons/{booked['summons_id']}", citizen)
    body = summons.get_json()
    assert body["status"] == "cancelled"
    assert body["changes"][-1]["kind"] == "cancelled"
    assert body["changes"][-1]["reason"] == "Not needed after all"
    assert _slots(dfdg_client, caseworker)[slot["id"]]["booked"] == 0
    assert _duty_states(dfdg_client, person_id, citizen) == []
    duties = get(dfdg_client, f"/persons/{person_id}/duties", citizen).get_json()["duties"]
    assert [d for d in duties if d["kind"] == "interview" and d["state"] == "to_do"] == []
    letters = get(dfdg_client, f"/persons/{person_id}/letters", citizen).get_json()["letters"]
    assert "booking_withdrawn" not in [letter["kind"] for letter in letters]


def test_a_summons_whose_time_has_come_is_not_cancelled_by_a_withdrawal(
    dfdg_app: Flask, dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict, caseworker: dict
) -> None:
    person_id = new_person(dfdg_store, group=1, since=TODAY)
    slot = add_slot(dfdg_client, caseworker)
    opened = open_booking(dfdg_client, caseworker, person_id, [slot["id"]])
    assert _book(dfdg_client, person_id, opened["id"], slot["id"], citizen).status_code == 200
    with today_is(dfdg_app, date(2026, 12, 1)):
        code, _ = rule_code(
            _withdraw(
                dfdg_client, person_id, opened["id"], caseworker, letter_sent_date="2026-12-01"
            )
        )
    assert code == "summons_held"
    assert _slots(dfdg_client, caseworker)[slot["id"]]["booked"] == 1


def test_only_the_persons_job_centre_withdraws(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    citizen: dict,
    caseworker: dict,
    other_caseworker: dict,
) -> None:
    person_id = new_person(dfdg_store, group=1, since=TODAY)
    slot = add_slot(dfdg_client, caseworker)
    opened = open_booking(dfdg_client, caseworker, person_id, [slot["id"]])
    assert _withdraw(dfdg_client, person_id, opened["id"], citizen).status_code == 403
    assert _withdraw(dfdg_client, person_id, opened["id"], other_caseworker).status_code == 403
    missing = _withdraw(dfdg_client, person_id, str(uuid.uuid4()), caseworker)
    assert missing.status_code == 404
    assert _duty_states(dfdg_client, person_id, citizen) == ["to_do"]


def test_a_slot_is_removed_only_while_no_one_has_booked_it(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict, caseworker: dict
) -> None:
    person_id = new_person(dfdg_store, group=1, since=TODAY)
    taken = add_slot(dfdg_client, caseworker, capacity=3)
    free = add_slot(dfdg_client, caseworker, "2026-12-01T09:00:00+01:00")
    opened = open_booking(dfdg_client, caseworker, person_id, [taken["id"], free["id"]])
    assert _book(dfdg_client, person_id, opened["id"], taken["id"], citizen).status_code == 200

    refused = _remove(dfdg_client, taken["id"], caseworker)
    code, fields = rule_code(refused)
    assert (code, fields) == ("slot_has_bookings", {"slot_id": "slot_has_bookings"})
    assert "1 booking" in refused.get_json()["detail"]
    assert taken["id"] in _slots(dfdg_client, caseworker)

    removed = _remove(dfdg_client, free["id"], caseworker)
    assert removed.status_code == 200, removed.get_data(as_text=True)
    assert free["id"] not in _slots(dfdg_client, caseworker)
    assert _remove(dfdg_client, free["id"], caseworker).status_code == 404
    mine = get(dfdg_client, f"/persons/{person_id}/bookings", citizen).get_json()["bookings"]
    assert [slot["id"] for slot in mine[0]["offered"]] == [taken["id"]]
    code, _ = rule_code(_book(dfdg_client, person_id, opened["id"], free["id"], citizen))
    assert code == "slot_not_offered"
    other = new_person(dfdg_store, "0202902345", group=1, since=TODAY)
    body = {
        "type": "follow_up",
        "form": "in_person",
        "deadline": "2026-11-27",
        "slot_ids": [free["id"]],
        "contact_options": "Ring",
    }
    code, _ = rule_code(post(dfdg_client, f"/persons/{other}/bookings", body, caseworker))
    assert code == "slot_unknown"

    actions = audit_actions(dfdg_store)
    assert ("booking.remove_slot", "ok") in actions
    assert ("booking.remove_slot", "rejected") in actions


def test_another_job_centre_cannot_remove_a_slot(
    dfdg_client: FlaskClient, caseworker: dict, other_caseworker: dict, citizen: dict
) -> None:
    slot = add_slot(dfdg_client, caseworker)
    assert _remove(dfdg_client, slot["id"], other_caseworker, CVR).status_code == 403
    assert _remove(dfdg_client, slot["id"], citizen).status_code == 403
    assert slot["id"] in _slots(dfdg_client, caseworker)
