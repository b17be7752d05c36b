"""The history of CV sections, CV entries and the plan through DFDG's API: every version with who
made it (the citizen, or a named caseworker of a named job centre with the stated purpose), the
removed entries kept, and 404 for anyone else's."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobnet.db import Store
from tests.integration.dfdg.helpers import assert_problem
from tests.integration.dfdg.jobseeker_helpers import TODAY, audit_actions, days, get, today_is
from tests.integration.dfdg.test_insight_api import OTHER_CPR, as_citizen, copenhagener
from tests.integration.dfdg.test_plans_api import plan_body

Headers = dict[str, str]
HANNE = ("caseworker", "Hanne Møller", "Jobcenter København")
PURPOSE = "Samtale om jobsøgning"


@pytest.fixture(autouse=True)
def fixed_today(dfdg_app: Flask) -> Iterator[None]:
    with today_is(dfdg_app, TODAY):
        yield


@pytest.fixture
def me(dfdg_store: Store, demo_data: None) -> str:
    return copenhagener(dfdg_store)


def change(
    client: FlaskClient, method: str, path: str, body: dict[str, Any], headers: Headers
) -> dict[str, Any]:
    response = client.open(
        "/api/v1" + path,
        method=method,
        json=body,
        headers={**headers, "Idempotency-Key": str(uuid.uuid4())},
    )
    assert response.status_code in (200, 201), response.get_data(as_text=True)
    return response.get_json()


def history(
    client: FlaskClient, headers: Headers, person_id: str, kind: str, record_id: str
) -> list[Any]:
    response = get(client, f"/persons/{person_id}/history/{kind}/{record_id}", headers)
    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    assert (body["record_type"], body["record_id"]) == (kind, record_id)
    return body["versions"]


def who(version: dict[str, Any]) -> tuple[str | None, ...]:
    by = version["by"]
    return (by["type"], by["name"], by["organisation_name"])


def test_cv_section_history_lists_each_change_with_the_citizen_and_the_caseworker(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers, caseworker: Headers, me: str
) -> None:
    mine = as_citizen(citizen, me)
    base = f"/persons/{me}/cv"
    body = {"email": "mig@example.dk", "reference": "JN-CV-0001"}
    change(dfdg_client, "PUT", f"{base}/contact", body, mine)
    change(
        dfdg_client, "PUT", f"{base}/contact", {"email": "ny@example.dk", "phone": "20304050"}, mine
    )
    change(dfdg_client, "PUT", f"{base}/profile", {"text": "Tømrer med 10 års erfaring"}, mine)
    approval = {"status": "approved", "date": TODAY.isoformat(), "note": "Fin CV"}
    change(dfdg_client, "PUT", f"{base}/approval", {**approval, "reference": "JC-1"}, caseworker)

    first, second = history(dfdg_client, mine, me, "cv_section", "contact")
    assert (first["version"], first["change"], who(first)) == (
        1,
        "updated",
        ("citizen", None, None),
    )
    assert first["values"] == {"email": "mig@example.dk", "phone": None}
    assert first["reference"] == "JN-CV-0001" and first["channel"] == "web"
    assert (second["version"], second["values"]["email"]) == (2, "ny@example.dk")
    assert second["values"]["phone"] == "20304050"

    (profile,) = history(dfdg_client, mine, me, "cv_section", "profile")
    assert profile["values"] == {"text": "Tømrer med 10 års erfaring"}

    (assessed,) = history(dfdg_client, mine, me, "cv_section", "approval")
    assert (assessed["change"], who(assessed)) == ("assessed", HANNE)
    assert assessed["purpose"] == PURPOSE and assessed["reference"] == "JC-1"
    assert assessed["values"] == {"status": "approved", "date": TODAY.isoformat(), "note": "Fin CV"}
    # A section with no change yet has an empty history; the read itself is audited.
    assert history(dfdg_client, mine, me, "cv_section", "driving_licences") == []
    assert audit_actions(dfdg_store, me)[-1] == ("record_history.read", "ok")


def test_cv_entry_history_keeps_the_removed_entry_and_who_removed_it(
    dfdg_client: FlaskClient, citizen: Headers, caseworker: Headers, me: str
) -> None:
    mine = as_citizen(citizen, me)
    base = f"/persons/{me}/cv/experience"
    entry = {
        "employer": "Byg & Co",
        "title": "Tømrer",
        "start_date": days(-800).isoformat(),
        "end_date": days(-30).isoformat(),
        "ongoing": False,
    }
    entry_id = change(dfdg_client, "POST", base, entry, mine)["entry_id"]
    change(dfdg_client, "PUT", f"{base}/{entry_id}", {**entry, "title": "Tømrersvend"}, caseworker)
    change(dfdg_client, "DELETE", f"{base}/{entry_id}", {"reference": "JN-RM-0001"}, mine)
    skill_id = change(
        dfdg_client, "POST", f"/persons/{me}/cv/skills", {"name": "Tagarbejde"}, mine
    )["entry_id"]

    created, updated, removed = history(dfdg_client, mine, me, "cv_entry", entry_id)
    assert [v["change"] for v in (created, updated, removed)] == ["created", "updated", "removed"]
    assert [v["version"] for v in (created, updated, removed)] == [1, 2, 3]
    assert who(created) == who(removed) == ("citizen", None, None)
    assert who(updated) == HANNE and updated["purpose"] == PURPOSE
    assert created["values"]["section"] == "experience"
    assert (created["values"]["title"], updated["values"]["title"]) == ("Tømrer", "Tømrersvend")
    assert removed["values"]["title"] == "Tømrersvend" and removed["reference"] == "JN-RM-0001"
    (skill,) = history(dfdg_client, mine, me, "cv_entry", skill_id)
    assert skill["values"] == {"section": "skills", "name": "Tagarbejde"}

    document = get(dfdg_client, f"/persons/{me}/export", mine).get_json()
    (kept,) = document["categories"]["cv_removed_entries"]
    assert (kept["id"], kept["section"], kept["data"]["title"]) == (
        entry_id,
        "experience",
        "Tømrersvend",
    )
    assert kept["removed_by"]["type"] == "citizen" and kept["reference"] == "JN-RM-0001"
    assert document["categories"]["cv"]["experience"] == []


def test_plan_history_lists_the_plan_and_its_revision_with_the_caseworker(
    dfdg_client: FlaskClient, citizen: Headers, caseworker: Headers, me: str
) -> None:
    mine = as_citizen(citizen, me)
    plan = change(
        dfdg_client, "POST", f"/persons/{me}/plans", plan_body(reference="P-1"), caseworker
    )
    kept = {k: v for k, v in plan["current"]["measures"][0].items() if v is not None}
    revision = plan_body(
        applications_per_week=5, targets=["Job som tømrer", "Job som montør"], measures=[kept]
    )
    later = TODAY + timedelta(days=7)
    with today_is(dfdg_client.application, later):
        change(dfdg_client, "POST", f"/persons/{me}/plan/revisions", revision, caseworker)

    first, second = history(dfdg_client, mine, me, "plan", plan["id"])
    assert [(v["version"], v["change"]) for v in (first, second)] == [
        (1, "created"),
        (2, "revised"),
    ]
    assert who(first) == who(second) == HANNE
    assert first["purpose"] == second["purpose"] == PURPOSE
    assert first["reference"] == "P-1" and second["reference"] is None
    assert first["values"] == {
        "revision_date": TODAY.isoformat(),
        "targets": ["Job som tømrer i Storkøbenhavn"],
        "applications_per_week": 3,
        "measure_count": 2,
        "measure_types": ["company_internship", "job_search_course"],
        "agreed_with": "Jobcenter København",
    }
    assert second["values"]["revision_date"] == later.isoformat()
    assert second["values"]["targets"] == ["Job som tømrer", "Job som montør"]
    assert (second["values"]["applications_per_week"], second["values"]["measure_count"]) == (5, 1)


def test_a_citizen_gets_404_for_another_persons_cv_and_plan_history(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers, caseworker: Headers, me: str
) -> None:
    other = copenhagener(dfdg_store, OTHER_CPR)
    theirs = as_citizen(citizen, other)
    entry_id = change(
        dfdg_client, "POST", f"/persons/{other}/cv/skills", {"name": "Svejsning"}, theirs
    )["entry_id"]
    plan_id = change(dfdg_client, "POST", f"/persons/{other}/plans", plan_body(), caseworker)["id"]
    mine = as_citizen(citizen, me)
    change(dfdg_client, "PUT", f"/persons/{me}/cv/contact", {"email": "mig@example.dk"}, mine)
    for path in (
        f"/persons/{other}/history/cv_entry/{entry_id}",
        f"/persons/{other}/history/cv_section/contact",
        f"/persons/{other}/history/plan/{plan_id}",
        # Another person's record under one's own id is not found either.
        f"/persons/{me}/history/cv_entry/{entry_id}",
        f"/persons/{me}/history/plan/{plan_id}",
        # Nor a section that does not exist.
        f"/persons/{me}/history/cv_section/nonsense",
    ):
        assert_problem(get(dfdg_client, path, mine), 404, "not-found")
    assert ("record_history.read", "ok") not in audit_actions(dfdg_store, other)
    # The owner and a caseworker do see them.
    assert (
        get(dfdg_client, f"/persons/{other}/history/cv_entry/{entry_id}", theirs).status_code == 200
    )
    path = f"/persons/{other}/history/plan/{plan_id}"
    assert get(dfdg_client, path, caseworker).status_code == 200


def test_a_person_without_a_cv_or_plan_has_no_such_history(
    dfdg_client: FlaskClient, citizen: Headers, me: str
) -> None:
    mine = as_citizen(citizen, me)
    for path in (
        f"/persons/{me}/history/cv_section/contact",
        f"/persons/{me}/history/plan/{uuid.uuid4()}",
    ):
        assert_problem(get(dfdg_client, path, mine), 404, "not-found")


def test_the_history_record_types_are_in_the_openapi_document(dfdg_client: FlaskClient) -> None:
    paths = dfdg_client.get("/api/v1/openapi.json").get_json()["paths"]
    operation = paths["/persons/{person_id}/history/{record_type}/{record_id}"]["get"]
    (record_type,) = [p for p in operation["parameters"] if p["name"] == "record_type"]
    for name in ("cv_section", "cv_entry", "plan", "registrations", "absences"):
        assert name in record_type["description"]
