"""An open sickness and a deregistration from a later day (leftovers 1): the law ends an absence
with the registration (chapter 4, Annex 1; docs/domain.md), so from the deregistration day the
person is no longer sick in DFDG, on Min side's status or in the rules; until then the sickness
runs, and a recovery before the day still ends it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from jobnet.db import Store
from jobnet.dfdg.models.registrations import Absence
from tests.integration.dfdg.jobseeker_helpers import (
    TODAY,
    days,
    get,
    new_person,
    post,
    registration_body,
    rule_code,
    today_is,
)

Headers = dict[str, str]


@pytest.fixture(autouse=True)
def fixed_today(dfdg_app: Flask) -> Iterator[None]:
    with today_is(dfdg_app, TODAY):
        yield


def _sick_and_deregistered(client: FlaskClient, store: Store, headers: Headers, offset: int) -> str:
    person_id = new_person(store)
    with today_is(client.application, days(-10)):
        body = registration_body(start_date=days(-10).isoformat())
        assert post(client, f"/persons/{person_id}/registrations", body, headers).status_code == 201
        sick = {"reason": "sickness", "first_day": days(-10).isoformat()}
        assert post(client, f"/persons/{person_id}/absences", sick, headers).status_code == 201
    body = {"date": days(offset).isoformat(), "reason": "job_as_employee", "reference": "JN-DR"}
    response = post(client, f"/persons/{person_id}/deregistrations", body, headers)
    assert response.status_code == 201, response.get_data(as_text=True)
    return person_id


def _sickness(store: Store) -> Absence:
    with store.session() as session:
        return session.scalars(select(Absence)).one()


def _status(client: FlaskClient, person_id: str, headers: Headers) -> dict[str, Any]:
    response = get(client, f"/persons/{person_id}/status", headers)
    assert response.status_code == 200
    return response.get_json()  # type: ignore[no-any-return]


def test_a_coming_deregistration_ends_the_open_sickness_on_the_last_registered_day(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = _sick_and_deregistered(dfdg_client, dfdg_store, citizen, 5)
    sickness = _sickness(dfdg_store)
    assert (sickness.last_day, sickness.status) == (days(4), "active")
    assert (sickness.end_cause, sickness.end_reference) == ("deregistration", "JN-DR")
    assert sickness.fit_day is None and sickness.reported_last_day is None
    # Until the deregistration day the person is still sick, and cannot report a second one.
    with today_is(dfdg_client.application, days(4)):
        status = _status(dfdg_client, person_id, citizen)
        assert status["sickness"]["last_day"] == days(4).isoformat()
        assert status["sickness"]["end_cause"] == "deregistration"
        again = {"reason": "sickness", "first_day": days(4).isoformat()}
        refused = post(dfdg_client, f"/persons/{person_id}/absences", again, citizen)
        assert rule_code(refused)[0] == "already_sick"
    # From the deregistration day: no longer registered, no longer sick.
    with today_is(dfdg_client.application, days(5)):
        status = _status(dfdg_client, person_id, citizen)
        assert (status["registration"], status["sickness"]) == (None, None)
        fit = {"fit_day": days(5).isoformat()}
        refused = post(dfdg_client, f"/persons/{person_id}/recoveries", fit, citizen)
        assert rule_code(refused)[0] == "not_sick"


def test_a_recovery_before_the_deregistration_day_ends_the_sickness_earlier(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = _sick_and_deregistered(dfdg_client, dfdg_store, citizen, 5)
    with today_is(dfdg_client.application, days(2)):
        fit = {"fit_day": days(2).isoformat(), "reference": "JN-R"}
        response = post(dfdg_client, f"/persons/{person_id}/recoveries", fit, citizen)
        assert response.status_code == 201, response.get_data(as_text=True)
    sickness = _sickness(dfdg_store)
    assert (sickness.last_day, sickness.fit_day, sickness.end_cause) == (days(1), days(2), None)
    assert _status(dfdg_client, person_id, citizen)["sickness"] is None


def test_a_deregistration_from_today_ends_the_open_sickness_yesterday(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = _sick_and_deregistered(dfdg_client, dfdg_store, citizen, 0)
    sickness = _sickness(dfdg_store)
    assert (sickness.last_day, sickness.end_cause) == (days(-1), "deregistration")
    assert _status(dfdg_client, person_id, citizen)["sickness"] is None
    history = get(dfdg_client, f"/persons/{person_id}/absences", citizen).get_json()["absences"]
    assert [(a["last_day"], a["end_cause"]) for a in history] == [
        (days(-1).isoformat(), "deregistration")
    ]
