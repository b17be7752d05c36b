"""The job plan API: create and revise (caseworkers of the person's job centre), read the
current plan and earlier versions; citizens see only their own; audited; idempotent."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from flask.testing import FlaskClient

from jobnet.db import Store
from jobnet.dfdg.models.plans import JobPlan, JobPlanVersion
from tests.integration.dfdg.demo_people import EMMA, LARS, METTE, demo_person_ids
from tests.integration.dfdg.helpers import count_rows
from tests.integration.dfdg.jobseeker_helpers import (
    TODAY,
    audit_actions,
    get,
    post,
    rule_code,
    today_is,
)


@pytest.fixture
def ids(dfdg_store: Store, demo_data: None) -> dict[str, str]:
    return demo_person_ids(dfdg_store)


pytestmark = pytest.mark.usefixtures("pinned_today")


def _as_citizen(citizen: dict[str, str], person_id: str) -> dict[str, str]:
    return {**citizen, "X-Actor-Id": person_id}


def plan_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "targets": ["Job som tømrer i Storkøbenhavn"],
        "applications_per_week": 3,
        "measures": [
            {
                "type": "company_internship",
                "start_date": "2026-12-01",
                "end_date": "2027-01-31",
                "weekly_hours": 30,
                "provider_cvr": "41234567",
                "provider_p_number": "1023456789",
                "provider_name": "Demo Byg ApS",
                "occupation": "Tømrer",
            },
            {
                "type": "job_search_course",
                "start_date": "2026-11-24",
                "end_date": "2026-11-24",
                "weekly_hours": 18.5,
            },
        ],
    }
    return {**body, **overrides}


def test_a_caseworker_creates_a_plan_agreed_with_their_job_centre(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str], ids: dict[str, str]
) -> None:
    response = post(dfdg_client, f"/persons/{ids[EMMA]}/plans", plan_body(), caseworker)
    assert response.status_code == 201, response.get_data(as_text=True)
    plan = response.get_json()
    assert plan["created_date"] == plan["revision_date"] == TODAY.isoformat()
    current = plan["current"]
    assert current["number"] == 1 and current["is_current"]
    assert current["agreed_with"] == {"cvr": "29190011", "name": "Jobcenter København"}
    assert current["made_by"]["type"] == "caseworker"
    assert current["applications_per_week"] == 3
    assert [m["type"] for m in current["measures"]] == ["company_internship", "job_search_course"]
    assert current["measures"][1]["weekly_hours"] == 18.5
    assert all(uuid.UUID(m["key"]) for m in current["measures"])
    assert [r["number"] for r in plan["revisions"]] == [1]
    assert ("plan.create", "ok") in audit_actions(dfdg_store, ids[EMMA])


def test_a_revision_keeps_the_earlier_version_and_measure_keys(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str], ids: dict[str, str]
) -> None:
    created = post(dfdg_client, f"/persons/{ids[EMMA]}/plans", plan_body(), caseworker).get_json()
    kept = created["current"]["measures"][0]
    revised_body = plan_body(
        applications_per_week=5,
        measures=[{**{k: v for k, v in kept.items() if v is not None}}],
    )
    with today_is(dfdg_client.application, date_after := TODAY.replace(day=30)):
        response = post(
            dfdg_client, f"/persons/{ids[EMMA]}/plan/revisions", revised_body, caseworker
        )
    assert response.status_code == 201, response.get_data(as_text=True)
    plan = response.get_json()
    assert plan["created_date"] == TODAY.isoformat()
    assert plan["revision_date"] == date_after.isoformat()
    assert plan["current"]["number"] == 2
    assert plan["current"]["applications_per_week"] == 5
    assert [m["key"] for m in plan["current"]["measures"]] == [kept["key"]]
    assert [(r["number"], r["revision_date"]) for r in plan["revisions"]] == [
        (2, date_after.isoformat()),
        (1, TODAY.isoformat()),
    ]
    first = get(dfdg_client, f"/persons/{ids[EMMA]}/plan/revisions/1", caseworker).get_json()
    assert first["applications_per_week"] == 3 and not first["is_current"]
    assert len(first["measures"]) == 2
    assert count_rows(dfdg_store, JobPlanVersion) == 2 + 4  # Emma's and the demo plans'
    assert ("plan.revise", "ok") in audit_actions(dfdg_store, ids[EMMA])


def test_unknown_measure_keys_and_no_plan_are_refused(
    dfdg_client: FlaskClient, caseworker: dict[str, str], ids: dict[str, str]
) -> None:
    path = f"/persons/{ids[EMMA]}/plan/revisions"
    assert rule_code(post(dfdg_client, path, plan_body(), caseworker))[0] == "no_plan"
    post(dfdg_client, f"/persons/{ids[EMMA]}/plans", plan_body(), caseworker)
    again = post(dfdg_client, f"/persons/{ids[EMMA]}/plans", plan_body(), caseworker)
    assert rule_code(again)[0] == "plan_exists"
    measure = {**plan_body()["measures"][1], "key": str(uuid.uuid4())}
    code, fields = rule_code(post(dfdg_client, path, plan_body(measures=[measure]), caseworker))
    assert code == "unknown_measure" and fields == {"measures.0.key": "unknown_measure"}


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"targets": []}, "targets", "no_targets"),
        ({"applications_per_week": 31}, "applications_per_week", "applications_out_of_range"),
        ({"end_date": "2026-11-30"}, "measures.0.end_date", "end_before_start"),
        ({"weekly_hours": 38}, "measures.0.weekly_hours", "hours_out_of_range"),
        ({"provider_cvr": "4123456"}, "measures.0.provider_cvr", "cvr_invalid"),
        ({"provider_p_number": "10234567890"}, "measures.0.provider_p_number", "p_number_invalid"),
        ({"occupation": None}, "measures.0.occupation", "occupation_missing"),
    ],
)
def test_rules_are_checked(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    caseworker: dict[str, str],
    ids: dict[str, str],
    change: dict[str, Any],
    field: str,
    code: str,
) -> None:
    body = plan_body()
    if "targets" in change or "applications_per_week" in change:
        body.update(change)
    else:
        body["measures"][0].update(change)
    response = post(dfdg_client, f"/persons/{ids[EMMA]}/plans", body, caseworker)
    found, fields = rule_code(response)
    assert found == code and fields[field] == code
    assert ("plan.create", "rejected") in audit_actions(dfdg_store, ids[EMMA])
    with dfdg_store.session() as session:
        assert session.query(JobPlan).filter_by(person_id=ids[EMMA]).count() == 0


def test_only_a_caseworker_of_the_persons_job_centre_writes_plans(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    citizen: dict[str, str],
    caseworker: dict[str, str],
    ids: dict[str, str],
) -> None:
    own = post(
        dfdg_client, f"/persons/{ids[EMMA]}/plans", plan_body(), _as_citizen(citizen, ids[EMMA])
    )
    assert rule_code(own, 403)[0] == "caseworker_only"
    other = post(dfdg_client, f"/persons/{ids[LARS]}/plan/revisions", plan_body(), caseworker)
    assert rule_code(other, 403)[0] == "outside_organisation"
    assert ("plan.create", "denied") in audit_actions(dfdg_store, ids[EMMA])
    assert any(outcome == "denied" for _, outcome in audit_actions(dfdg_store, ids[LARS]))


def test_writes_are_idempotent(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str], ids: dict[str, str]
) -> None:
    key = str(uuid.uuid4())
    first = post(dfdg_client, f"/persons/{ids[EMMA]}/plans", plan_body(), caseworker, key)
    second = post(dfdg_client, f"/persons/{ids[EMMA]}/plans", plan_body(), caseworker, key)
    assert first.status_code == second.status_code == 201
    assert second.headers.get("Idempotent-Replayed") == "true"
    assert first.get_json() == second.get_json()
    with dfdg_store.session() as session:
        assert session.query(JobPlan).filter_by(person_id=ids[EMMA]).count() == 1


def test_a_citizen_reads_their_own_plan_and_no_one_elses(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict[str, str], ids: dict[str, str]
) -> None:
    mette = _as_citizen(citizen, ids[METTE])
    plan = get(dfdg_client, f"/persons/{ids[METTE]}/plan", mette).get_json()["plan"]
    assert plan["current"]["number"] == 2
    assert [r["number"] for r in plan["revisions"]] == [2, 1]
    assert get(dfdg_client, f"/persons/{ids[METTE]}/plan/revisions/1", mette).status_code == 200
    assert get(dfdg_client, f"/persons/{ids[METTE]}/plan/revisions/3", mette).status_code == 404
    assert get(dfdg_client, f"/persons/{ids[LARS]}/plan", mette).status_code == 404
    assert get(dfdg_client, f"/persons/{ids[LARS]}/plan/revisions/1", mette).status_code == 404
    assert ("plan.read", "ok") in audit_actions(dfdg_store, ids[METTE])
    assert ("person.access", "not_found") in audit_actions(dfdg_store)  # no person named


def test_no_plan_is_null_and_an_unknown_person_is_not_found(
    dfdg_client: FlaskClient, caseworker: dict[str, str], ids: dict[str, str]
) -> None:
    answer = get(dfdg_client, f"/persons/{ids[EMMA]}/plan", caseworker)
    assert answer.status_code == 200 and answer.get_json()["plan"] is None
    assert get(dfdg_client, f"/persons/{uuid.uuid4()}/plan", caseworker).status_code == 404
