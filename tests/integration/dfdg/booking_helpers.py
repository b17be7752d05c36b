"""Helpers for the booking tests: a slot of the job centre, a booking request for a person, and
requests raced against each other."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Sequence
from typing import Any

from flask import Flask
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


Call = tuple[str, str, dict[str, Any], dict[str, str]]


def race(app: Flask, calls: Sequence[Call]) -> list[tuple[int, str | None]]:
    """Send every (method, path under /api/v1, JSON body, headers) at the same moment, each its
    own request on its own connection (a barrier releases them together); (status, problem
    code) of each, in the order given."""
    barrier = threading.Barrier(len(calls))
    results: list[tuple[int, str | None]] = [(0, None)] * len(calls)

    def run(index: int, method: str, path: str, body: dict[str, Any], headers: dict) -> None:
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
