"""The summons API: create, move and cancel (caseworkers of the person's job centre), the
person's list and one summons, and a job centre's interviews on a day; times in UTC across a
daylight-saving change; citizens see only their own; audited; idempotent."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobnet.db import Store
from jobnet.dfdg.models.summons import Summons, SummonsChange
from tests.integration.dfdg.demo_people import DEMO_TODAY as TODAY
from tests.integration.dfdg.demo_people import EMMA, LARS, METTE, demo_person_ids
from tests.integration.dfdg.helpers import count_rows
from tests.integration.dfdg.jobseeker_helpers import audit_actions, get, post, rule_code, today_is


@pytest.fixture
def ids(dfdg_store: Store, demo_data: None) -> dict[str, str]:
    return demo_person_ids(dfdg_store)


pytestmark = pytest.mark.usefixtures("pinned_demo_today")


def summons_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "starts_at": "2026-10-26T10:00:00+01:00",
        "duration_minutes": 45,
        "form": "in_person",
        "type": "job_interview",
        "place": "Jobcenter København, Kalvebod Brygge 45",
        "contact_options": "Ring på 33 17 33 17",
        "bring": "Dit CV",
        "letter_sent_date": TODAY.isoformat(),
    }
    return {**body, **overrides}


def _create(client: FlaskClient, person_id: str, headers: dict[str, str], **overrides: Any) -> Any:
    response = post(client, f"/persons/{person_id}/summons", summons_body(**overrides), headers)
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


def test_a_summons_is_stored_in_utc_across_the_daylight_saving_change(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str], ids: dict[str, str]
) -> None:
    winter = _create(dfdg_client, ids[EMMA], caseworker)
    summer = _create(dfdg_client, ids[EMMA], caseworker, starts_at="2026-10-23T10:00:00+02:00")
    assert winter["starts_at"].startswith("2026-10-26T09:00:00")
    assert winter["ends_at"].startswith("2026-10-26T09:45:00")
    assert summer["starts_at"].startswith("2026-10-23T08:00:00")
    assert winter["status"] == "active" and winter["sequence"] == 0
    assert winter["organisation"] == {"cvr": "29190011", "name": "Jobcenter København"}
    assert [c["kind"] for c in winter["changes"]] == ["created"]
    assert winter["created_by"]["organisation_name"] == "Jobcenter København"
    with dfdg_store.session() as session:
        stored = session.get(Summons, winter["id"])
        assert stored is not None and stored.starts_at.utcoffset().total_seconds() == 0  # type: ignore[union-attr]
    assert ("summons.create", "ok") in audit_actions(dfdg_store, ids[EMMA])


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"starts_at": "2026-10-20T11:59:00+02:00"}, "starts_at", "time_in_the_past"),
        ({"starts_at": "2027-12-01T10:00:00+01:00"}, "starts_at", "time_too_far_ahead"),
        ({"letter_sent_date": "2026-10-21"}, "letter_sent_date", "letter_date_in_the_future"),
        ({"place": None}, "place", "place_missing"),
        ({"form": "video", "place": None}, "join_details", "join_details_missing"),
        ({"duration_minutes": 4}, "duration_minutes", "duration_out_of_range"),
    ],
)
def test_rules_are_checked(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    caseworker: dict[str, str],
    ids: dict[str, str],
    overrides: dict[str, Any],
    field: str,
    code: str,
) -> None:
    response = post(
        dfdg_client, f"/persons/{ids[EMMA]}/summons", summons_body(**overrides), caseworker
    )
    found, fields = rule_code(response)
    assert found == code and fields[field] == code
    assert ("summons.create", "rejected") in audit_actions(dfdg_store, ids[EMMA])


def test_a_time_without_its_offset_is_refused(
    dfdg_client: FlaskClient, caseworker: dict[str, str], ids: dict[str, str]
) -> None:
    body = summons_body(starts_at="2026-10-26T10:00:00")
    response = post(dfdg_client, f"/persons/{ids[EMMA]}/summons", body, caseworker)
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "starts_at"


def test_move_keeps_the_earlier_time_and_counts_the_sequence(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str], ids: dict[str, str]
) -> None:
    created = _create(dfdg_client, ids[EMMA], caseworker)
    path = f"/persons/{ids[EMMA]}/summons/{created['id']}/move"
    body = {
        "starts_at": "2026-10-28T13:00:00+01:00",
        "letter_sent_date": TODAY.isoformat(),
        "reason": "Sagsbehandleren er syg",
    }
    moved = post(dfdg_client, path, body, caseworker)
    assert moved.status_code == 200, moved.get_data(as_text=True)
    summons = moved.get_json()
    assert summons["status"] == "moved" and summons["sequence"] == 1
    assert summons["starts_at"].startswith("2026-10-28T12:00:00")
    change = summons["changes"][-1]
    assert change["kind"] == "moved"
    assert change["previous_starts_at"].startswith("2026-10-26T09:00:00")
    assert change["reason"] == "Sagsbehandleren er syg"
    assert change["made_by"]["name"] == "Hanne Møller"
    same = post(dfdg_client, path, body, caseworker)
    assert rule_code(same)[0] == "same_time"
    assert ("summons.move", "ok") in audit_actions(dfdg_store, ids[EMMA])


def test_cancel_then_no_more_changes(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str], ids: dict[str, str]
) -> None:
    created = _create(dfdg_client, ids[EMMA], caseworker)
    base = f"/persons/{ids[EMMA]}/summons/{created['id']}"
    letter = {"letter_sent_date": TODAY.isoformat()}
    early = post(
        dfdg_client, base + "/cancellation", {"letter_sent_date": "2026-10-19"}, caseworker
    )
    assert rule_code(early)[0] == "letter_date_before_summons"
    cancelled = post(dfdg_client, base + "/cancellation", letter, caseworker)
    assert cancelled.status_code == 200
    summons = cancelled.get_json()
    assert summons["status"] == "cancelled" and summons["sequence"] == 1
    assert [c["kind"] for c in summons["changes"]] == ["created", "cancelled"]
    again = post(dfdg_client, base + "/cancellation", letter, caseworker)
    assert rule_code(again)[0] == "summons_cancelled"
    move = {"starts_at": "2026-10-29T10:00:00+01:00", **letter}
    assert rule_code(post(dfdg_client, base + "/move", move, caseworker))[0] == "summons_cancelled"
    assert count_rows(dfdg_store, Summons) == 6  # Emma's and the demo summons
    assert ("summons.cancel", "ok") in audit_actions(dfdg_store, ids[EMMA])


def test_a_held_interview_cannot_be_cancelled(
    dfdg_client: FlaskClient, caseworker: dict[str, str], ids: dict[str, str], dfdg_app: Flask
) -> None:
    created = _create(dfdg_client, ids[EMMA], caseworker, starts_at="2026-10-21T10:00:00+02:00")
    path = f"/persons/{ids[EMMA]}/summons/{created['id']}/cancellation"
    with today_is(dfdg_app, date(2026, 10, 22)):
        response = post(dfdg_client, path, {"letter_sent_date": "2026-10-22"}, caseworker)
    assert rule_code(response)[0] == "summons_held"


def test_writes_are_idempotent(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str], ids: dict[str, str]
) -> None:
    key = str(uuid.uuid4())
    path = f"/persons/{ids[EMMA]}/summons"
    first = post(dfdg_client, path, summons_body(), caseworker, key)
    second = post(dfdg_client, path, summons_body(), caseworker, key)
    assert first.get_json() == second.get_json()
    assert second.headers.get("Idempotent-Replayed") == "true"
    with dfdg_store.session() as session:
        assert session.query(Summons).filter_by(person_id=ids[EMMA]).count() == 1
        assert (
            session.query(SummonsChange)
            .join(Summons)
            .filter(Summons.person_id == ids[EMMA])
            .count()
            == 1
        )


def test_only_a_caseworker_of_the_persons_job_centre_writes_summons(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    citizen: dict[str, str],
    caseworker: dict[str, str],
    ids: dict[str, str],
) -> None:
    as_emma = {**citizen, "X-Actor-Id": ids[EMMA]}
    response = post(dfdg_client, f"/persons/{ids[EMMA]}/summons", summons_body(), as_emma)
    assert rule_code(response, 403)[0] == "caseworker_only"
    assert ("summons.create", "denied") in audit_actions(dfdg_store, ids[EMMA])
    created = _create(dfdg_client, ids[EMMA], caseworker)
    cancel = post(
        dfdg_client,
        f"/persons/{ids[EMMA]}/summons/{created['id']}/cancellation",
        {"letter_sent_date": TODAY.isoformat()},
        as_emma,
    )
    assert rule_code(cancel, 403)[0] == "caseworker_only"
    other = post(dfdg_client, f"/persons/{ids[LARS]}/summons", summons_body(), caseworker)
    assert rule_code(other, 403)[0] == "outside_organisation"


def test_a_citizen_reads_only_their_own_summons(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict[str, str], ids: dict[str, str]
) -> None:
    mette = {**citizen, "X-Actor-Id": ids[METTE]}
    lars = {**citizen, "X-Actor-Id": ids[LARS]}
    overview = get(dfdg_client, f"/persons/{ids[METTE]}/summons", mette).get_json()
    listed = overview["upcoming"] + overview["past"] + overview["cancelled"]
    statuses = sorted(s["status"] for s in listed)
    assert statuses == ["active", "active", "cancelled", "moved"]
    starts = [s["starts_at"] for s in overview["upcoming"]]
    assert starts == sorted(starts)
    lars_summons = get(dfdg_client, f"/persons/{ids[LARS]}/summons", lars).get_json()["upcoming"]
    lars_id = lars_summons[0]["id"]
    assert get(dfdg_client, f"/persons/{ids[LARS]}/summons/{lars_id}", lars).status_code == 200
    # Mette asking for Lars's summons: under her own id, or under his.
    assert get(dfdg_client, f"/persons/{ids[METTE]}/summons/{lars_id}", mette).status_code == 404
    assert get(dfdg_client, f"/persons/{ids[LARS]}/summons/{lars_id}", mette).status_code == 404
    assert get(dfdg_client, f"/persons/{ids[LARS]}/summons", mette).status_code == 404
    assert ("summons.read", "not_found") in audit_actions(dfdg_store, ids[METTE])
    assert ("summons.list", "ok") in audit_actions(dfdg_store, ids[METTE])


def test_a_job_centre_lists_its_interviews_of_a_day(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    caseworker: dict[str, str],
    citizen: dict[str, str],
    ids: dict[str, str],
) -> None:
    _create(dfdg_client, ids[EMMA], caseworker)
    _create(dfdg_client, ids[EMMA], caseworker, starts_at="2026-10-26T08:00:00+01:00")
    _create(dfdg_client, ids[EMMA], caseworker, starts_at="2026-10-27T00:30:00+01:00")
    path = "/api/v1/organisations/29190011/summons"
    response = dfdg_client.get(path, query_string={"date": "2026-10-26"}, headers=caseworker)
    assert response.status_code == 200, response.get_data(as_text=True)
    listed = response.get_json()["summons"]
    assert [item["summons"]["starts_at"][:16] for item in listed] == [
        "2026-10-26T07:00",
        "2026-10-26T09:00",
    ]
    assert listed[0]["given_name"] == "Emma"
    assert ("summons.day_list", "ok") in audit_actions(dfdg_store, ids[EMMA])
    other = dfdg_client.get(
        "/api/v1/organisations/29190012/summons",
        query_string={"date": "2026-10-26"},
        headers=caseworker,
    )
    assert rule_code(other, 403)[0] == "caseworker_only"
    as_citizen = dfdg_client.get(path, query_string={"date": "2026-10-26"}, headers=citizen)
    assert as_citizen.status_code == 403
    bad_day = dfdg_client.get(path, query_string={"date": "26-10-2026"}, headers=caseworker)
    assert bad_day.status_code == 422


def test_documented_in_openapi(dfdg_client: FlaskClient) -> None:
    paths = dfdg_client.get("/api/v1/openapi.json").get_json()["paths"]
    for path in (
        "/persons/{person_id}/summons",
        "/persons/{person_id}/summons/{summons_id}",
        "/persons/{person_id}/summons/{summons_id}/move",
        "/persons/{person_id}/summons/{summons_id}/cancellation",
        "/organisations/{cvr}/summons",
        "/persons/{person_id}/plan",
        "/persons/{person_id}/plans",
        "/persons/{person_id}/plan/revisions",
        "/persons/{person_id}/plan/revisions/{number}",
    ):
        assert path in paths, path
    create = paths["/persons/{person_id}/summons"]["post"]
    assert any(p["name"] == "Idempotency-Key" for p in create["parameters"])
    assert {"201", "403", "404", "422"} <= set(create["responses"])
