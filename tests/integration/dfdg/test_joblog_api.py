"""The job log through DFDG's API: add, change, delete (soft) with versions, rules as 422
codes, another person's entry is 404, idempotent writes, audit, OpenAPI."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobnet.db import Store
from jobnet.dfdg.models.cv import JoblogEntry, JoblogEntryVersion
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


def entry(**overrides: Any) -> dict[str, Any]:
    body = {
        "applied_on": days(-2).isoformat(),
        "employer": "Netto",
        "job_title": "Butiksassistent",
        "kind": "advertised",
        "status": "sent",
        "link": "https://job.example.dk/123",
        "note": "Ringede først",
    }
    return {**body, **overrides}


def put(client: FlaskClient, path: str, body: dict[str, Any], headers: Headers) -> Any:
    return client.put(
        "/api/v1" + path, json=body, headers={**headers, "Idempotency-Key": str(uuid.uuid4())}
    )


def delete(client: FlaskClient, path: str, headers: Headers) -> Any:
    return client.delete(
        "/api/v1" + path,
        json={"reference": "JN-DEL"},
        headers={**headers, "Idempotency-Key": str(uuid.uuid4())},
    )


def test_entries_are_added_changed_and_deleted_with_history(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    base = f"/persons/{person_id}/joblog"
    added = post(dfdg_client, base, entry(reference="JN-ADD"), citizen)
    assert added.status_code == 201, added.get_data(as_text=True)
    entry_id = added.get_json()["id"]
    assert added.get_json()["source_reference"] == "JN-ADD"
    older = post(dfdg_client, base, entry(applied_on=days(-9).isoformat(), link=None), citizen)
    assert older.status_code == 201
    changed = put(dfdg_client, f"{base}/{entry_id}", entry(status="interview"), citizen)
    assert changed.get_json()["status"] == "interview" and changed.get_json()["version"] == 2
    listed = get(dfdg_client, base, citizen).get_json()["entries"]
    assert [e["applied_on"] for e in listed] == [days(-2).isoformat(), days(-9).isoformat()]
    assert delete(dfdg_client, f"{base}/{entry_id}", citizen).status_code == 200
    listed = get(dfdg_client, base, citizen).get_json()["entries"]
    assert [e["id"] for e in listed] == [older.get_json()["id"]]
    assert count_rows(dfdg_store, JoblogEntry) == 2  # nothing is hard-deleted
    history = get(dfdg_client, f"{base}/{entry_id}/history", citizen).get_json()["versions"]
    assert [(v["version"], v["action"]) for v in history] == [
        (1, "create"),
        (2, "update"),
        (3, "delete"),
    ]
    assert history[1]["data"]["status"] == "interview"
    assert history[2]["source_reference"] == "JN-DEL"
    assert_problem(get(dfdg_client, f"{base}/{entry_id}", citizen), 404, "not-found")
    assert audit_actions(dfdg_store, person_id) == [
        ("joblog.create", "ok"),
        ("joblog.create", "ok"),
        ("joblog.update", "ok"),
        ("joblog.read", "ok"),
        ("joblog.delete", "ok"),
        ("joblog.read", "ok"),
        ("joblog.history.read", "ok"),
        ("joblog.read", "not_found"),
    ]


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"applied_on": days(1).isoformat()}, "applied_on", "in_the_future"),
        ({"employer": ""}, "employer", "required"),
        ({"job_title": "x" * 201}, "job_title", "too_long"),
        ({"link": "javascript:alert(1)"}, "link", "invalid_url"),
        ({"link": "ftp://example.dk/x"}, "link", "invalid_url"),
        ({"link": "https://"}, "link", "invalid_url"),
        ({"note": "x" * 2001}, "note", "too_long"),
    ],
)
def test_rules_answer_422(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    citizen: Headers,
    overrides: dict[str, Any],
    field: str,
    code: str,
) -> None:
    person_id = new_person(dfdg_store)
    response = post(dfdg_client, f"/persons/{person_id}/joblog", entry(**overrides), citizen)
    assert rule_code(response)[1][field] == code
    assert count_rows(dfdg_store, JoblogEntry) == 0
    assert audit_actions(dfdg_store, person_id) == [("joblog.create", "rejected")]


def test_an_unknown_kind_is_a_validation_error(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    response = post(dfdg_client, f"/persons/{person_id}/joblog", entry(kind="x"), citizen)
    assert_problem(response, 422, "validation-error")


def test_a_repeated_key_writes_once(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    path = f"/persons/{person_id}/joblog"
    first = post(dfdg_client, path, entry(), citizen, key="k-1")
    second = post(dfdg_client, path, entry(), citizen, key="k-1")
    assert first.get_json() == second.get_json()
    assert count_rows(dfdg_store, JoblogEntry) == 1
    assert count_rows(dfdg_store, JoblogEntryVersion) == 1


def test_another_persons_entry_is_not_found(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    owner = new_person(dfdg_store, "0101901234")
    other = new_person(dfdg_store, "0202902345")
    entry_id = post(dfdg_client, f"/persons/{owner}/joblog", entry(), citizen).get_json()["id"]
    path = f"/persons/{other}/joblog/{entry_id}"
    assert_problem(get(dfdg_client, path, citizen), 404, "not-found")
    assert_problem(put(dfdg_client, path, entry(), citizen), 404, "not-found")
    assert_problem(delete(dfdg_client, path, citizen), 404, "not-found")
    assert_problem(get(dfdg_client, path + "/history", citizen), 404, "not-found")
    (row,) = rows(dfdg_store, JoblogEntry)
    assert row.deleted_at is None and row.version == 1
    assert get(dfdg_client, f"/persons/{other}/joblog", citizen).get_json()["entries"] == []


def test_a_caseworker_change_is_recorded_with_the_organisation(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    demo_data: None,
    citizen: Headers,
    caseworker: Headers,
) -> None:
    person_id = new_person(dfdg_store, "0404904567")
    base = f"/persons/{person_id}/joblog"
    entry_id = post(dfdg_client, base, entry(), citizen).get_json()["id"]
    changed = put(dfdg_client, f"{base}/{entry_id}", entry(status="offered"), caseworker)
    updated_by = changed.get_json()["updated_by"]
    assert updated_by["type"] == "caseworker" and updated_by["organisation_name"]
    assert changed.get_json()["created_by"]["type"] == "citizen"


def test_the_joblog_endpoints_are_in_the_openapi_document(dfdg_client: FlaskClient) -> None:
    paths = dfdg_client.get("/api/v1/openapi.json").get_json()["paths"]
    base = "/api/v1/persons/{person_id}/joblog"
    assert set(paths[base]) == {"get", "post"}
    assert set(paths[base + "/{entry_id}"]) == {"get", "put", "delete"}
    assert set(paths[base + "/{entry_id}/history"]) == {"get"}
