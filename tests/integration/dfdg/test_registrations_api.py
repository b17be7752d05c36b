"""Registration and deregistration as a jobseeker through DFDG's API (§ 8 at its edges)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobnet.db import Store
from jobnet.dfdg.models.audit import IdempotencyRecord
from jobnet.dfdg.models.persons import ContactGroupPeriod
from jobnet.dfdg.models.registrations import Registration
from tests.integration.dfdg.helpers import assert_problem, count_rows, rows
from tests.integration.dfdg.jobseeker_helpers import (
    TODAY,
    audit_actions,
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


def _register(client: FlaskClient, person_id: str, headers: Headers, **body: Any) -> Any:
    return post(client, f"/persons/{person_id}/registrations", registration_body(**body), headers)


def _periods(client: FlaskClient, person_id: str, headers: Headers) -> list[tuple[object, ...]]:
    answer = get(client, f"/persons/{person_id}/contact-groups", headers).get_json()
    return [
        (p["contact_group"], p["match_group"], p["start_date"], p["end_date"])
        for p in answer["periods"]
    ]


def test_registration_opens_the_contact_group_period(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    response = _register(
        dfdg_client,
        person_id,
        citizen,
        category="cash_benefit",
        degree="part_time",
        weekly_hours=20,
        job_titles=[" Kok ", "kok", "Tjener"],
        reference="JN-AAAA-BBBB",
    )
    assert response.status_code == 201, response.get_data(as_text=True)
    body = response.get_json()
    assert body["category"] == "cash_benefit"
    assert body["job_titles"] == ["Kok", "Tjener"]
    assert body["weekly_hours"] == 20
    assert body["source_reference"] == "JN-AAAA-BBBB"
    assert body["created_by"]["type"] == "citizen"
    assert body["end_date"] is None
    assert _periods(dfdg_client, person_id, citizen) == [(2, 1, TODAY.isoformat(), None)]


def test_registration_ends_another_open_period_the_day_before(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store, group=6)
    response = _register(dfdg_client, person_id, citizen, start_date=days(5).isoformat())
    assert response.status_code == 201
    assert _periods(dfdg_client, person_id, citizen) == [
        (6, None, "2024-01-15", days(4).isoformat()),
        (1, None, days(5).isoformat(), None),
    ]


def test_full_time_drops_hours(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    response = _register(dfdg_client, person_id, citizen, weekly_hours=30)
    assert response.get_json()["weekly_hours"] is None


def test_someone_registered_cannot_register_again(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    assert _register(dfdg_client, person_id, citizen).status_code == 201
    code, fields = rule_code(_register(dfdg_client, person_id, citizen))
    assert code == "already_registered"
    assert fields == {"category": "already_registered"}
    assert count_rows(dfdg_store, Registration) == 1
    assert count_rows(dfdg_store, ContactGroupPeriod) == 1


@pytest.mark.parametrize(
    ("offset", "code"),
    [(-1, "start_in_the_past"), (0, None), (90, None), (91, "start_too_far_ahead")],
)
def test_start_date_edges(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers, offset: int, code: str | None
) -> None:
    person_id = new_person(dfdg_store)
    response = _register(dfdg_client, person_id, citizen, start_date=days(offset).isoformat())
    if code is None:
        assert response.status_code == 201
    else:
        assert rule_code(response) == (code, {"start_date": code})


def test_every_broken_rule_is_named(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    response = _register(
        dfdg_client,
        person_id,
        citizen,
        start_date=days(-1).isoformat(),
        degree="part_time",
        job_titles=["a", "b", "c", "d", "e", "f"],
    )
    code, fields = rule_code(response)
    assert code == "start_in_the_past"
    assert fields == {
        "start_date": "start_in_the_past",
        "job_titles": "too_many_job_titles",
        "weekly_hours": "hours_missing",
    }
    empty = _register(dfdg_client, person_id, citizen, job_titles=["  "])
    assert rule_code(empty)[1] == {"job_titles": "no_job_titles"}
    assert count_rows(dfdg_store, Registration) == 0


def test_bad_category_is_a_validation_error(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    body = assert_problem(
        _register(dfdg_client, person_id, citizen, category="x"), 422, "validation-error"
    )
    assert body["errors"][0]["field"] == "category"


def _deregister(
    client: FlaskClient, person_id: str, headers: Headers, offset: int = 0, **extra: Any
) -> Any:
    body = {"date": days(offset).isoformat(), "reason": "job_as_employee", **extra}
    return post(client, f"/persons/{person_id}/deregistrations", body, headers)


@pytest.mark.parametrize(
    ("offset", "code"),
    [(-1, "date_in_the_past"), (0, None), (90, None), (91, "date_too_far_ahead")],
)
def test_deregistration_date_edges(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers, offset: int, code: str | None
) -> None:
    person_id = new_person(dfdg_store)
    with today_is(dfdg_client.application, days(-10)):
        started = _register(dfdg_client, person_id, citizen, start_date=days(-10).isoformat())
        assert started.status_code == 201
    response = _deregister(dfdg_client, person_id, citizen, offset)
    if code is None:
        assert response.status_code == 201, response.get_data(as_text=True)
        assert response.get_json()["end_date"] == days(offset).isoformat()
    else:
        assert rule_code(response) == (code, {"date": code})


def test_deregistration_ends_the_registration_and_its_period(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers, caseworker: Headers
) -> None:
    person_id = new_person(dfdg_store)
    assert _register(dfdg_client, person_id, citizen).status_code == 201
    response = _deregister(
        dfdg_client,
        person_id,
        caseworker,
        30,
        reason="other",
        other_reason=" Barsel ",
        reference="JN-CCCC-DDDD",
    )
    assert response.status_code == 201
    body = response.get_json()
    assert (body["deregistration_reason"], body["deregistration_other_text"]) == (
        "other",
        "Barsel",
    )
    assert body["deregistered_by"] == {
        "type": "caseworker",
        "name": "Hanne Møller",
        "organisation": "29190011",
        "organisation_name": "Jobcenter København",
    }
    assert body["deregistration_reference"] == "JN-CCCC-DDDD"
    assert _periods(dfdg_client, person_id, citizen) == [
        (1, None, TODAY.isoformat(), days(30).isoformat())
    ]
    # Still registered until the end date: a second registration is refused until then.
    assert rule_code(_register(dfdg_client, person_id, citizen))[0] == "already_registered"
    again = _deregister(dfdg_client, person_id, citizen, 10)
    assert rule_code(again) == ("not_registered", {"date": "not_registered"})
    with today_is(dfdg_client.application, days(31)):
        later = _register(dfdg_client, person_id, citizen, start_date=days(31).isoformat())
        assert later.status_code == 201


def test_deregistration_rules(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    assert rule_code(_deregister(dfdg_client, person_id, citizen)) == (
        "not_registered",
        {"date": "not_registered"},
    )
    _register(dfdg_client, person_id, citizen, start_date=days(10).isoformat())
    assert rule_code(_deregister(dfdg_client, person_id, citizen, 5))[0] == "before_registration"
    other = _deregister(dfdg_client, person_id, citizen, 20, reason="other")
    assert rule_code(other) == ("other_reason_missing", {"other_reason": "other_reason_missing"})
    too_long = _deregister(
        dfdg_client, person_id, citizen, 20, reason="other", other_reason="x" * 501
    )
    assert rule_code(too_long)[0] == "other_reason_too_long"


def test_each_write_is_idempotent(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    path = f"/persons/{person_id}/registrations"
    first = post(dfdg_client, path, registration_body(), citizen, key="reg-1")
    replay = post(dfdg_client, path, registration_body(), citizen, key="reg-1")
    assert (first.status_code, replay.status_code) == (201, 201)
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert replay.get_json() == first.get_json()
    dereg = {"date": TODAY.isoformat(), "reason": "education"}
    path = f"/persons/{person_id}/deregistrations"
    first = post(dfdg_client, path, dereg, citizen, key="dereg-1")
    replay = post(dfdg_client, path, dereg, citizen, key="dereg-1")
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert replay.get_json() == first.get_json()
    assert count_rows(dfdg_store, Registration) == 1
    assert count_rows(dfdg_store, ContactGroupPeriod) == 1
    assert [a for a, _ in audit_actions(dfdg_store, person_id)] == [
        "registration.create",
        "registration.deregister",
    ]


def test_a_rejected_write_keeps_no_key_and_is_audited(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    path = f"/persons/{person_id}/registrations"
    bad = registration_body(start_date=days(-1).isoformat())
    assert post(dfdg_client, path, bad, citizen, key="k").status_code == 422
    assert rows(dfdg_store, IdempotencyRecord) == []
    assert audit_actions(dfdg_store, person_id) == [("registration.create", "rejected")]


def test_unknown_person_is_404_and_audited(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    for _ in range(2):  # the same key again is 404 again, not "in progress"
        response = post(
            dfdg_client, "/persons/nobody/registrations", registration_body(), citizen, key="same"
        )
        assert_problem(response, 404, "not-found")
    deregistration = {"date": TODAY.isoformat(), "reason": "education"}
    assert_problem(
        post(dfdg_client, "/persons/nobody/deregistrations", deregistration, citizen),
        404,
        "not-found",
    )
    assert_problem(get(dfdg_client, "/persons/nobody/registrations", citizen), 404, "not-found")
    assert audit_actions(dfdg_store) == [
        ("registration.create", "not_found"),
        ("registration.create", "not_found"),
        ("registration.deregister", "not_found"),
        ("registrations.read", "not_found"),
    ]


def test_history_is_newest_first_with_who_did_it(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    citizen: Headers,
    caseworker: Headers,
    demo_data: None,
) -> None:
    person_id = new_person(dfdg_store)
    with today_is(dfdg_client.application, days(-100)):
        _register(dfdg_client, person_id, caseworker, start_date=days(-100).isoformat())
        _deregister(dfdg_client, person_id, citizen, -90)
    _register(dfdg_client, person_id, citizen, reference="JN-EEEE-FFFF")
    response = get(dfdg_client, f"/persons/{person_id}/registrations", citizen)
    assert response.status_code == 200
    history = response.get_json()["registrations"]
    assert [item["start_date"] for item in history] == [
        TODAY.isoformat(),
        days(-100).isoformat(),
    ]
    assert history[0]["source_reference"] == "JN-EEEE-FFFF"
    assert history[1]["created_by"]["organisation_name"] == "Jobcenter København"
    assert history[1]["deregistered_by"]["type"] == "citizen"
    assert audit_actions(dfdg_store, person_id)[-1] == ("registrations.read", "ok")


def test_demo_person_with_a_registration_is_already_registered(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers, demo_data: None
) -> None:
    mette = post(dfdg_client, "/persons/lookup", {"cpr": "1203851234"}, citizen)
    person_id = mette.get_json()["person_id"]
    assert rule_code(_register(dfdg_client, person_id, citizen))[0] == "already_registered"
    history = get(dfdg_client, f"/persons/{person_id}/registrations", citizen).get_json()
    assert [item["start_date"] for item in history["registrations"]] == ["2024-09-02"]
    deregistered = _deregister(dfdg_client, person_id, citizen)
    assert deregistered.status_code == 201
