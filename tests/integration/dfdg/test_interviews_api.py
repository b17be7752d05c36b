"""Held interviews (§ 14): at most 7 days back, the match group for groups 2 and 3 from the
interview's date, caseworkers only."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobnet.db import Store
from tests.integration.dfdg.jobseeker_helpers import TODAY, days, new_person, post, today_is


@pytest.fixture(autouse=True)
def _pinned_today(dfdg_app: Flask) -> Iterator[None]:
    with today_is(dfdg_app, TODAY):
        yield


def _interview(client: FlaskClient, person_id: str, headers: dict[str, str], **body: object):  # type: ignore[no-untyped-def]
    payload = {
        "held_on": TODAY.isoformat(),
        "form": "in_person",
        "agreement": "Næste samtale om en måned",
    }
    payload.update(body)
    return post(client, f"/persons/{person_id}/interviews", payload, headers)


@pytest.mark.parametrize(("back", "status"), [(0, 201), (7, 201), (8, 422), (-1, 422)])
def test_interview_date_window(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str], back: int, status: int
) -> None:
    person_id = new_person(dfdg_store, group=1)
    response = _interview(dfdg_client, person_id, caseworker, held_on=days(-back).isoformat())
    assert response.status_code == status, response.get_json()


def test_a_new_match_group_takes_effect_from_the_interview(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    person_id = new_person(dfdg_store, group=2, match=1)
    held_on = TODAY - timedelta(days=2)
    response = _interview(
        dfdg_client, person_id, caseworker, held_on=held_on.isoformat(), match_group=3
    )
    assert response.status_code == 201
    assert response.get_json()["created_by"]["organisation_name"] == "Jobcenter København"
    periods = dfdg_client.get(
        f"/api/v1/persons/{person_id}/contact-groups", headers=caseworker
    ).get_json()
    spans = sorted((p["match_group"], p["start_date"], p["end_date"]) for p in periods["periods"])
    assert (1, spans[0][1], (held_on - timedelta(days=1)).isoformat()) == spans[0]
    assert spans[1] == (3, held_on.isoformat(), None)


def test_match_group_rules(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    group_2 = new_person(dfdg_store, "0505901234", group=2, match=1)
    group_1 = new_person(dfdg_store, "0606901234", group=1)
    missing = _interview(dfdg_client, group_2, caseworker)
    assert missing.get_json()["code"] == "match_group_missing"
    extra = _interview(dfdg_client, group_1, caseworker, match_group=2)
    assert extra.get_json()["code"] == "match_group_not_allowed"


def test_only_caseworkers_record_interviews(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict[str, str]
) -> None:
    person_id = new_person(dfdg_store, group=1)
    response = _interview(dfdg_client, person_id, citizen)
    assert response.status_code == 403
    assert response.get_json()["code"] == "caseworker_only"
