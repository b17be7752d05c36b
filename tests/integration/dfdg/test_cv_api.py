"""The CV through DFDG's API: sections and list entries, rules as 422 codes, versions kept,
removal keeps the row, another person's entry is 404, approval for caseworkers only, audit."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobnet.db import Store
from jobnet.dfdg.models.cv import Cv, CvEntry, CvVersion
from tests.integration.dfdg.helpers import assert_problem, count_rows, rows
from tests.integration.dfdg.jobseeker_helpers import (
    TODAY,
    audit_actions,
    days,
    get,
    new_person,
    post,
    rule_code,
    today_is,
)

Headers = dict[str, str]


@pytest.fixture(autouse=True)
def fixed_today(dfdg_app: Flask) -> Iterator[None]:
    with today_is(dfdg_app, TODAY):
        yield


def put(
    client: FlaskClient, path: str, body: dict[str, Any], headers: Headers, key: str = ""
) -> Any:
    return client.put(
        "/api/v1" + path,
        json=body,
        headers={**headers, "Idempotency-Key": key or str(uuid.uuid4())},
    )


def delete(client: FlaskClient, path: str, headers: Headers, key: str = "") -> Any:
    return client.delete(
        "/api/v1" + path,
        json={"reference": "JN-TEST-0001"},
        headers={**headers, "Idempotency-Key": key or str(uuid.uuid4())},
    )


def experience(**overrides: Any) -> dict[str, Any]:
    body = {
        "employer": "Rigshospitalet",
        "title": "Sygeplejerske",
        "start_date": days(-800).isoformat(),
        "end_date": days(-30).isoformat(),
        "ongoing": False,
        "description": "Medicinsk afdeling",
    }
    return {**body, **overrides}


def test_a_person_without_a_cv_gets_an_empty_one(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    response = get(dfdg_client, f"/persons/{person_id}/cv", citizen)
    assert response.status_code == 200
    body = response.get_json()
    assert body["exists"] is False
    assert body["approval"]["status"] == "not_assessed"
    assert body["experience"] == [] and body["searchable"] is False
    assert audit_actions(dfdg_store, person_id) == [("cv.read", "ok")]


def test_single_sections_are_saved_normalised_and_versioned(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    base = f"/persons/{person_id}/cv"
    contact = {"email": " mette@example.dk ", "phone": "+45 20 30 40 50", "reference": "JN-A"}
    assert put(dfdg_client, f"{base}/contact", contact, citizen).status_code == 200
    wishes = {"titles": ["Kok", " kok ", "Tjener"], "area": "Aarhus", "work_time": "both"}
    assert put(dfdg_client, f"{base}/job-wishes", wishes, citizen).status_code == 200
    licences = {"licences": ["C", "B"]}
    assert put(dfdg_client, f"{base}/driving-licences", licences, citizen).status_code == 200
    assert put(dfdg_client, f"{base}/profile", {"text": "Erfaren."}, citizen).status_code == 200
    answer = put(dfdg_client, f"{base}/visibility", {"searchable": True}, citizen)
    cv = answer.get_json()["cv"]
    assert cv["contact"] == {"email": "mette@example.dk", "phone": "20304050"}
    assert cv["job_wishes"] == {"titles": ["Kok", "Tjener"], "area": "Aarhus", "work_time": "both"}
    assert cv["driving_licences"] == ["B", "C"]
    assert cv["profile"] == "Erfaren." and cv["searchable"] is True
    assert cv["version"] == 5 and cv["updated_by"]["type"] == "citizen"
    versions = rows(dfdg_store, CvVersion)
    assert [v.section for v in versions] == [
        "contact",
        "job_wishes",
        "driving_licences",
        "profile",
        "visibility",
    ]
    assert versions[0].source_reference == "JN-A" and versions[0].actor_type == "citizen"
    assert count_rows(dfdg_store, Cv) == 1


@pytest.mark.parametrize(
    ("path", "body", "field", "code"),
    [
        ("contact", {"email": "not-an-address"}, "email", "invalid_email"),
        ("contact", {"phone": "1234567"}, "phone", "invalid_phone"),
        ("contact", {"phone": "0123 4567"}, "phone", "invalid_phone"),
        ("job-wishes", {"titles": [], "work_time": "full_time"}, "titles", "required"),
        ("job-wishes", {"titles": list("abcdef"), "work_time": "full_time"}, "titles", "too_many"),
        ("profile", {"text": "x" * 2001}, "text", "too_long"),
    ],
)
def test_section_rules_answer_422_with_the_field_code(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    citizen: Headers,
    path: str,
    body: dict[str, Any],
    field: str,
    code: str,
) -> None:
    person_id = new_person(dfdg_store)
    response = put(dfdg_client, f"/persons/{person_id}/cv/{path}", body, citizen)
    top, fields = rule_code(response)
    assert (top, fields[field]) == (code, code)
    assert count_rows(dfdg_store, Cv) == 0
    assert audit_actions(dfdg_store, person_id) == [("cv.update", "rejected")]


def test_list_entries_are_added_changed_and_removed_keeping_history(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    base = f"/persons/{person_id}/cv/experience"
    added = post(dfdg_client, base, experience(), citizen)
    assert added.status_code == 201, added.get_data(as_text=True)
    entry_id = added.get_json()["entry_id"]
    assert added.get_json()["cv"]["experience"][0]["employer"] == "Rigshospitalet"
    changed = put(
        dfdg_client, f"{base}/{entry_id}", experience(end_date=None, ongoing=True), citizen
    )
    assert changed.status_code == 200
    assert changed.get_json()["cv"]["experience"][0]["ongoing"] is True
    removed = delete(dfdg_client, f"{base}/{entry_id}", citizen)
    assert removed.status_code == 200
    assert removed.get_json()["cv"]["experience"] == []
    (entry,) = rows(dfdg_store, CvEntry)
    assert entry.deleted_at is not None and entry.deleted_by_type == "citizen"
    assert entry.version == 2
    assert [v.action for v in rows(dfdg_store, CvVersion)] == ["create", "update", "delete"]
    assert audit_actions(dfdg_store, person_id) == [
        ("cv.entry.create", "ok"),
        ("cv.entry.update", "ok"),
        ("cv.entry.delete", "ok"),
    ]
    again = put(dfdg_client, f"{base}/{entry_id}", experience(), citizen)
    assert_problem(again, 404, "not-found")


def test_every_list_section_takes_entries(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    base = f"/persons/{person_id}/cv"
    bodies = {
        "education": {
            "institution": "KU",
            "programme": "Cand.mag.",
            "start_date": days(-2000).isoformat(),
            "end_date": days(300).isoformat(),
            "completed": False,
        },
        "courses": {"name": "Førstehjælp", "provider": "Røde Kors", "completed_on": None},
        "skills": {"name": "Excel"},
        "languages": {"language": "Engelsk", "level": "fluent"},
    }
    for section, body in bodies.items():
        response = post(dfdg_client, f"{base}/{section}", body, citizen)
        assert response.status_code == 201, (section, response.get_data(as_text=True))
    cv = get(dfdg_client, base, citizen).get_json()
    assert cv["education"][0]["completed"] is False
    assert cv["courses"][0]["provider"] == "Røde Kors"
    assert cv["skills"][0]["name"] == "Excel"
    assert cv["languages"][0]["level"] == "fluent"
    duplicate = post(dfdg_client, f"{base}/skills", {"name": " excel "}, citizen)
    assert rule_code(duplicate) == ("duplicate", {"name": "duplicate"})


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"start_date": days(1).isoformat()}, "start_date", "in_the_future"),
        ({"end_date": days(-900).isoformat()}, "end_date", "end_before_start"),
        ({"end_date": days(1).isoformat()}, "end_date", "in_the_future"),
        ({"end_date": None}, "end_date", "end_missing"),
        ({"ongoing": True}, "end_date", "end_and_ongoing"),
        ({"employer": "  "}, "employer", "required"),
        ({"title": "x" * 201}, "title", "too_long"),
    ],
)
def test_experience_rules(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    citizen: Headers,
    overrides: dict[str, Any],
    field: str,
    code: str,
) -> None:
    person_id = new_person(dfdg_store)
    response = post(
        dfdg_client, f"/persons/{person_id}/cv/experience", experience(**overrides), citizen
    )
    assert rule_code(response)[1][field] == code
    assert count_rows(dfdg_store, CvEntry) == 0


def test_a_repeated_key_writes_once(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    path = f"/persons/{person_id}/cv/experience"
    first = post(dfdg_client, path, experience(), citizen, key="same-key")
    second = post(dfdg_client, path, experience(), citizen, key="same-key")
    assert first.status_code == second.status_code == 201
    assert second.headers["Idempotent-Replayed"] == "true"
    assert count_rows(dfdg_store, CvEntry) == 1


def test_another_persons_entry_is_not_found(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    owner = new_person(dfdg_store, "0101901234")
    other = new_person(dfdg_store, "0202902345")
    added = post(dfdg_client, f"/persons/{owner}/cv/experience", experience(), citizen)
    entry_id = added.get_json()["entry_id"]
    path = f"/persons/{other}/cv/experience/{entry_id}"
    assert_problem(put(dfdg_client, path, experience(), citizen), 404, "not-found")
    assert_problem(delete(dfdg_client, path, citizen), 404, "not-found")
    # nor in another section of the owner's own CV
    wrong_section = f"/persons/{owner}/cv/skills/{entry_id}"
    assert_problem(put(dfdg_client, wrong_section, {"name": "X"}, citizen), 404, "not-found")
    assert audit_actions(dfdg_store, other) == [
        ("cv.entry.update", "not_found"),
        ("cv.entry.delete", "not_found"),
    ]
    (entry,) = rows(dfdg_store, CvEntry)
    assert entry.deleted_at is None and entry.version == 1
    unknown = get(dfdg_client, f"/persons/{uuid.uuid4()}/cv", citizen)
    assert_problem(unknown, 404, "not-found")


def test_only_a_caseworker_sets_the_approval(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    demo_data: None,
    citizen: Headers,
    caseworker: Headers,
) -> None:
    person_id = new_person(dfdg_store, "0303903456")
    path = f"/persons/{person_id}/cv/approval"
    body = {"status": "approved", "date": TODAY.isoformat()}
    refused = put(dfdg_client, path, body, citizen)
    assert rule_code(refused, 403) == ("caseworker_only", {"status": "caseworker_only"})
    future = put(dfdg_client, path, {"status": "approved", "date": days(1).isoformat()}, caseworker)
    assert rule_code(future)[1] == {"date": "in_the_future"}
    approved = put(dfdg_client, path, body, caseworker)
    assert approved.status_code == 200
    approval = approved.get_json()["cv"]["approval"]
    assert approval["status"] == "approved" and approval["date"] == TODAY.isoformat()
    assert approval["by"]["organisation_name"]
    assert audit_actions(dfdg_store, person_id) == [
        ("cv.approve", "denied"),
        ("cv.approve", "rejected"),
        ("cv.approve", "ok"),
    ]


def test_the_cv_endpoints_are_in_the_openapi_document(dfdg_client: FlaskClient) -> None:
    paths = dfdg_client.get("/api/v1/openapi.json").get_json()["paths"]
    base = "/api/v1/persons/{person_id}/cv"
    assert set(paths[base]) == {"get"}
    assert set(paths[base + "/experience"]) == {"post"}
    assert set(paths[base + "/experience/{entry_id}"]) == {"put", "delete"}
    assert set(paths[base + "/approval"]) == {"put"}
    operation = paths[base + "/contact"]["put"]
    assert any(p["name"] == "Idempotency-Key" for p in operation["parameters"])
    assert "422" in operation["responses"]
