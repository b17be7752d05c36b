"""GET /persons/{id}/duties: computed from what DFDG holds, changing as the person acts; a
citizen reads only their own; audited; in the OpenAPI document; a fixed number of reads."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobnet.db import Store
from jobnet.dfdg.api.duties import READ
from tests.integration.dfdg.jobseeker_helpers import (
    TODAY,
    add_plan,
    as_person,
    audit_actions,
    days,
    get,
    new_person,
    post,
    registered,
    statements_run,
    today_is,
)

# TODAY (23 November 2026) is a Monday: the registration's week is judged.


pytestmark = pytest.mark.usefixtures("pinned_today")


def _duties(client: FlaskClient, person_id: str, headers: dict[str, str]) -> dict[str, Any]:
    response = get(client, f"/persons/{person_id}/duties", headers)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def _by_key(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {duty["key"]: duty for duty in body["duties"]}


def _apply(client: FlaskClient, person_id: str, citizen: dict[str, str]) -> None:
    entry = {
        "applied_on": TODAY.isoformat(),
        "employer": "Netto",
        "job_title": "Tømrer",
        "kind": "advertised",
        "status": "sent",
    }
    response = post(client, f"/persons/{person_id}/joblog", entry, citizen)
    assert response.status_code == 201, response.get_data(as_text=True)


def test_a_new_registration_with_unemployment_benefit_has_its_duties(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict[str, str]
) -> None:
    person_id = registered(dfdg_client, dfdg_store, citizen)
    body = _duties(dfdg_client, person_id, as_person(citizen, person_id))
    duties = _by_key(body)
    assert set(duties) == {"cv", "joblog:2026-W48", "holiday"}
    cv = duties["cv"]
    assert (cv["state"], cv["deadline"], cv["cv_problem"], cv["action"]) == (
        "to_do",
        days(14).isoformat(),
        "no_cv",
        "publish_cv",
    )
    assert cv["rule"]["id"] == "cv_searchable" and cv["rule"]["days"] == 14
    assert cv["rule"]["contact_groups"] == [1] and "Jobnet" in cv["rule"]["source"]
    assert cv["consequence"] == "benefit_stopped"
    assert duties["joblog:2026-W48"]["state"] == "not_required"  # no plan yet
    assert duties["holiday"]["standing"] is True
    assert body["duties"][0]["key"] == "cv" and body["next_begins"] is None
    assert (READ, "ok") in audit_actions(dfdg_store, person_id)


def test_the_duties_follow_what_the_person_and_the_job_centre_do(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    citizen: dict[str, str],
    caseworker: dict[str, str],
) -> None:
    person_id = registered(dfdg_client, dfdg_store, citizen)
    me = as_person(citizen, person_id)
    add_plan(dfdg_client, person_id, caseworker, per_week=2)
    duties = _by_key(_duties(dfdg_client, person_id, me))
    week = duties["joblog:2026-W48"]
    assert (week["state"], week["required"], week["applications"], week["deadline"]) == (
        "to_do",
        2,
        0,
        days(6).isoformat(),
    )
    assert duties["plan:1"]["state"] == "to_do"

    _apply(dfdg_client, person_id, me)
    _apply(dfdg_client, person_id, me)
    assert get(dfdg_client, f"/persons/{person_id}/plan", me).status_code == 200  # read it
    visibility = {"searchable": True}
    response = dfdg_client.put(
        f"/api/v1/persons/{person_id}/cv/visibility",
        json=visibility,
        headers={**me, "Idempotency-Key": str(uuid.uuid4())},
    )
    assert response.status_code == 200, response.get_data(as_text=True)

    body = _duties(dfdg_client, person_id, me)
    duties = _by_key(body)
    assert duties["joblog:2026-W48"]["state"] == "done"
    assert duties["plan:1"]["state"] == "done"
    assert (duties["cv"]["state"], duties["cv"]["awaiting_approval"]) == ("done", True)
    assert body["next_begins"] == days(7).isoformat()


def test_overdue_after_the_deadline(
    dfdg_app: Flask, dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict[str, str]
) -> None:
    person_id = registered(dfdg_client, dfdg_store, citizen)
    with today_is(dfdg_app, TODAY + timedelta(days=15)):
        duties = _by_key(_duties(dfdg_client, person_id, as_person(citizen, person_id)))
    assert duties["cv"]["state"] == "overdue"


def test_a_summons_is_a_duty_for_a_person_without_benefit(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    citizen: dict[str, str],
    caseworker: dict[str, str],
) -> None:
    person_id = new_person(dfdg_store, group=6, since=TODAY)  # sickness benefit
    summons = {
        "starts_at": "2026-11-30T10:00:00+01:00",
        "duration_minutes": 30,
        "form": "phone",
        "type": "follow_up",
        "letter_sent_date": TODAY.isoformat(),
        "contact_options": "Ring på 33 17 33 17",
    }
    response = post(dfdg_client, f"/persons/{person_id}/summons", summons, caseworker)
    assert response.status_code == 201, response.get_data(as_text=True)
    [duty] = _duties(dfdg_client, person_id, as_person(citizen, person_id))["duties"]
    assert (duty["kind"], duty["state"], duty["deadline"], duty["summons_id"]) == (
        "interview",
        "to_do",
        "2026-11-30",
        response.get_json()["id"],
    )
    assert duty["due_at"].startswith("2026-11-30T09:00:00")


def test_a_citizen_reads_only_their_own_duties_and_a_caseworker_reads_them(
    plain_dfdg_client: FlaskClient,
    dfdg_store: Store,
    citizen: dict[str, str],
    caseworker: dict[str, str],
) -> None:
    owner = new_person(dfdg_store, "0101901234", group=1)
    other = new_person(dfdg_store, "0202901234", group=1)
    response = get(plain_dfdg_client, f"/persons/{owner}/duties", as_person(citizen, other))
    assert response.status_code == 404
    assert _duties(plain_dfdg_client, owner, caseworker)["person_id"] == owner
    assert get(plain_dfdg_client, f"/persons/{uuid.uuid4()}/duties", caseworker).status_code == 404


def test_three_reads_whatever_the_history(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    citizen: dict[str, str],
    caseworker: dict[str, str],
) -> None:
    person_id = registered(dfdg_client, dfdg_store, citizen)
    me = as_person(citizen, person_id)
    add_plan(dfdg_client, person_id, caseworker, per_week=2)
    for _ in range(3):
        _apply(dfdg_client, person_id, me)
    with statements_run(dfdg_store) as statements:
        _duties(dfdg_client, person_id, me)
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(reads) <= 3, reads


def test_the_endpoint_is_in_the_openapi_document(dfdg_client: FlaskClient) -> None:
    document = dfdg_client.get("/api/v1/openapi.json").get_json()
    operation = document["paths"]["/persons/{person_id}/duties"]["get"]
    assert "200" in operation["responses"] and "404" in operation["responses"]
    assert "DutiesOut" in document["components"]["schemas"]
