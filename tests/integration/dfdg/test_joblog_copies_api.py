"""Copies of applications through DFDG's API (issue 22): attached with the entry or later,
checked by content, listed on the entry, read (audited), removed (content deleted, history
kept), never visible to another job centre, in the export, and in the OpenAPI document."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobnet.db import Store
from jobnet.dfdg.models.cv import JoblogEntryVersion
from jobnet.dfdg.models.joblog_copies import JoblogCopy
from tests.integration.dfdg.helpers import assert_problem, rows
from tests.integration.dfdg.jobseeker_helpers import (
    TODAY,
    audit_actions,
    get,
    new_person,
    post,
    registration_body,
    rule_code,
    today_is,
)
from tests.integration.dfdg.test_joblog_api import delete, entry

Headers = dict[str, str]
PDF = b"%PDF-1.4\n%%EOF\n"
HTML = b"<!doctype html><script>alert(1)</script>"


@pytest.fixture(autouse=True)
def fixed_today(dfdg_app: Flask) -> Iterator[None]:
    with today_is(dfdg_app, TODAY):
        yield


def _file(content: bytes, name: str = "ansøgning.pdf") -> dict[str, str]:
    return {"filename": name, "content": base64.b64encode(content).decode("ascii")}


def _add(client: FlaskClient, path: str, files: list[dict[str, str]], headers: Headers) -> Any:
    return post(client, path, {"copies": files, "reference": "JN-COPY"}, headers)


def test_a_copy_is_attached_listed_read_and_removed(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    base = f"/persons/{person_id}/joblog"
    added = post(dfdg_client, base, {**entry(), "copies": [_file(PDF)]}, citizen)
    assert added.status_code == 201, added.get_data(as_text=True)
    entry_id = added.get_json()["id"]
    (first,) = added.get_json()["copies"]
    assert (first["filename"], first["kind"], first["content_type"]) == (
        "ansøgning.pdf",
        "pdf",
        "application/pdf",
    )
    later = _add(dfdg_client, f"{base}/{entry_id}/copies", [_file(PDF, "b.png.pdf")], citizen)
    assert later.status_code == 201 and len(later.get_json()["copies"]) == 2
    listed = get(dfdg_client, base, citizen).get_json()["entries"][0]
    assert [c["filename"] for c in listed["copies"]] == ["ansøgning.pdf", "b.png.pdf"]
    read = get(dfdg_client, f"{base}/{entry_id}/copies/{first['id']}", citizen)
    assert base64.b64decode(read.get_json()["content"]) == PDF
    removed = delete(dfdg_client, f"{base}/{entry_id}/copies/{first['id']}", citizen)
    assert removed.status_code == 200 and len(removed.get_json()["copies"]) == 1
    gone = get(dfdg_client, f"{base}/{entry_id}/copies/{first['id']}", citizen)
    assert_problem(gone, 404, "not-found")
    row = next(r for r in rows(dfdg_store, JoblogCopy) if r.id == first["id"])
    assert row.removed_at is not None and row.filename == "ansøgning.pdf"
    versions = [v for v in rows(dfdg_store, JoblogEntryVersion) if v.entry_id == entry_id]
    assert [v.data.get("copies") for v in versions] == [
        ["ansøgning.pdf"],
        ["ansøgning.pdf", "b.png.pdf"],
        ["b.png.pdf"],
    ]
    actions = audit_actions(dfdg_store, person_id)
    for action in ("joblog.copy.add", "joblog.copy.read", "joblog.copy.remove"):
        assert (action, "ok") in actions, actions


def test_a_copy_is_judged_by_content_not_name(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    base = f"/persons/{person_id}/joblog"
    refused = post(dfdg_client, base, {**entry(), "copies": [_file(HTML, "cv.pdf")]}, citizen)
    assert refused.status_code == 422 and rule_code(refused)[0] == "copy_kind"
    assert rows(dfdg_store, JoblogCopy) == []
    entry_id = post(dfdg_client, base, entry(), citizen).get_json()["id"]
    big = b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024)
    too_big = _add(dfdg_client, f"{base}/{entry_id}/copies", [_file(big)], citizen)
    assert too_big.status_code == 422 and rule_code(too_big)[0] == "copy_too_big"
    six = _add(dfdg_client, f"{base}/{entry_id}/copies", [_file(PDF)] * 6, citizen)
    assert six.status_code == 422 and rule_code(six)[0] == "too_many_copies"
    assert rows(dfdg_store, JoblogCopy) == []


def test_another_job_centre_never_sees_a_copy(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    demo_data: None,
    citizen: Headers,
    caseworker: Headers,
) -> None:
    elsewhere = new_person(dfdg_store, "0505905678", municipality_code="0751")
    base = f"/persons/{elsewhere}/joblog"
    added = post(dfdg_client, base, {**entry(), "copies": [_file(PDF)]}, citizen)
    entry_id, copy_id = added.get_json()["id"], added.get_json()["copies"][0]["id"]
    refused = get(dfdg_client, f"{base}/{entry_id}/copies/{copy_id}", caseworker)
    assert refused.status_code == 403
    own = new_person(dfdg_store, "0404904567")
    own_base = f"/persons/{own}/joblog"
    own_entry = post(dfdg_client, own_base, entry(), citizen).get_json()["id"]
    # A copy id of another person under one's own entry is not found.
    crossed = get(dfdg_client, f"{own_base}/{own_entry}/copies/{copy_id}", caseworker)
    assert_problem(crossed, 404, "not-found")


def test_the_export_lists_copies_removed_ones_too(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    base = f"/persons/{person_id}/joblog"
    added = post(dfdg_client, base, {**entry(), "copies": [_file(PDF)]}, citizen)
    entry_id, copy_id = added.get_json()["id"], added.get_json()["copies"][0]["id"]
    delete(dfdg_client, f"{base}/{entry_id}/copies/{copy_id}", citizen)
    export = get(dfdg_client, f"/persons/{person_id}/export", citizen).get_json()
    text = str(export)
    assert copy_id in text and "removed_at" in text
    assert base64.b64encode(PDF).decode("ascii") not in text


def test_the_copy_endpoints_are_in_the_openapi_document(dfdg_client: FlaskClient) -> None:
    paths = dfdg_client.get("/api/v1/openapi.json").get_json()["paths"]
    assert "post" in paths["/persons/{person_id}/joblog/{entry_id}/copies"]
    one = paths["/persons/{person_id}/joblog/{entry_id}/copies/{copy_id}"]
    assert {"get", "delete"} <= set(one)


def test_the_plan_asks_for_copies_and_the_weeks_duty_counts_them(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers, caseworker: Headers
) -> None:
    person_id = new_person(dfdg_store)
    registered = post(
        dfdg_client, f"/persons/{person_id}/registrations", registration_body(), citizen
    )
    assert registered.status_code == 201, registered.get_data(as_text=True)
    me = {**citizen, "X-Actor-Id": person_id}
    plan = {"targets": ["Tømrer"], "applications_per_week": 2, "measures": []}
    path = f"/persons/{person_id}/plans"
    too_many = post(dfdg_client, path, {**plan, "copies_per_week": 3}, caseworker)
    assert too_many.status_code == 422 and rule_code(too_many)[0] == "copies_out_of_range"
    made = post(dfdg_client, path, {**plan, "copies_per_week": 1}, caseworker)
    assert made.status_code == 201, made.get_data(as_text=True)
    assert made.get_json()["current"]["copies_per_week"] == 1
    base = f"/persons/{person_id}/joblog"
    ids = [
        post(dfdg_client, base, {**entry(), "applied_on": TODAY.isoformat()}, me).get_json()["id"]
        for _ in range(2)
    ]
    year, week, _day = TODAY.isocalendar()

    def this_week() -> dict[str, Any]:
        duties = get(dfdg_client, f"/persons/{person_id}/duties", me).get_json()["duties"]
        return next(d for d in duties if d["key"] == f"joblog:{year}-W{week:02d}")

    assert (this_week()["state"], this_week()["copies_required"]) == ("to_do", 1)
    _add(dfdg_client, f"{base}/{ids[0]}/copies", [_file(PDF)], me)
    assert (this_week()["state"], this_week()["copies"]) == ("done", 1)
