"""Helpers for the booking tests: a slot of the job centre, a booking request for a person."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient

from tests.integration.dfdg.jobseeker_helpers import post

CVR = "29190011"  # Jobcenter København, the demo caseworkers' job centre


def add_slot(
    client: FlaskClient,
    caseworker: dict[str, str],
    starts_at: str = "2026-11-30T10:00:00+01:00",
    **overrides: Any,
) -> dict[str, Any]:
    body = {
        "starts_at": starts_at,
        "duration_minutes": 30,
        "form": "in_person",
        "place": "Jobcenter København, Gyldenløvesgade 15",
        "capacity": 1,
        **overrides,
    }
    response = post(client, f"/organisations/{CVR}/booking-slots", body, caseworker)
    assert response.status_code == 201, response.get_data(as_text=True)
    return dict(response.get_json())


def open_booking(
    client: FlaskClient,
    caseworker: dict[str, str],
    person_id: str,
    slot_ids: list[str],
    deadline: str = "2026-11-27",
    **overrides: Any,
) -> dict[str, Any]:
    body = {
        "type": "follow_up",
        "form": "in_person",
        "deadline": deadline,
        "slot_ids": slot_ids,
        "contact_options": "Ring på 33 17 33 17",
        **overrides,
    }
    response = post(client, f"/persons/{person_id}/bookings", body, caseworker)
    assert response.status_code == 201, response.get_data(as_text=True)
    return dict(response.get_json())
