"""Insight through DFDG's API: the export (every record of the person, nothing of anyone
else), the access log with caseworkers named, record history, requests for access with their
one-month deadline, address protection, and 404 for someone else's ids."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobnet.db import Store
from jobnet.dfdg.models.audit import AuditEntry
from jobnet.dfdg.models.base import utcnow
from jobnet.dfdg.models.insight import InsightRequest
from jobnet.dfdg.models.persons import Person
from tests.integration.dfdg.helpers import assert_problem, rows
from tests.integration.dfdg.jobseeker_helpers import (
    TODAY,
    audit_actions,
    days,
    get,
    new_person,
    post,
    registration_body,
    today_is,
)

Headers = dict[str, str]
OTHER_CPR = "0202902345"
PROTECTED_STREET = "Skjulested 1"
KOEBENHAVN = "0101"


@pytest.fixture(autouse=True)
def fixed_today(dfdg_app: Flask) -> Iterator[None]:
    with today_is(dfdg_app, TODAY):
        yield


def as_citizen(citizen: Headers, person_id: str) -> Headers:
    return {**citizen, "X-Actor-Id": person_id}


def export(client: FlaskClient, person_id: str, headers: Headers) -> dict[str, Any]:
    response = get(client, f"/persons/{person_id}/export", headers)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def ids(records: list[dict[str, Any]]) -> set[str]:
    return {record["id"] for record in records}


def copenhagener(store: Store, cpr: str = "0101901234") -> str:
    """A person of Copenhagen (the caseworker's job centre), in contact group 1."""
    person_id = new_person(store, cpr, group=1)
    with store.session() as session:
        person = session.get(Person, person_id)
        assert person is not None
        person.municipality_code = KOEBENHAVN
    return person_id


@pytest.fixture
def two_persons(dfdg_store: Store, demo_data: None) -> tuple[str, str]:
    """Two persons in contact group 1: the one the test is about, and someone else."""
    return copenhagener(dfdg_store), copenhagener(dfdg_store, OTHER_CPR)


def _register(client: FlaskClient, person_id: str, headers: Headers) -> dict[str, Any]:
    response = post(client, f"/persons/{person_id}/registrations", registration_body(), headers)
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


def _holiday(client: FlaskClient, person_id: str, headers: Headers) -> dict[str, Any]:
    body = {
        "reason": "holiday",
        "first_day": days(10).isoformat(),
        "last_day": days(14).isoformat(),
    }
    response = post(client, f"/persons/{person_id}/absences", body, headers)
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


def _request_access(
    client: FlaskClient, person_id: str, headers: Headers, **body: Any
) -> dict[str, Any]:
    response = post(client, f"/persons/{person_id}/insight-requests", body, headers)
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


# -- the export ---------------------------------------------------------------------------


def test_export_is_one_versioned_document_described_in_openapi(
    dfdg_client: FlaskClient, citizen: Headers, two_persons: tuple[str, str]
) -> None:
    person_id, _ = two_persons
    document = export(dfdg_client, person_id, as_citizen(citizen, person_id))
    assert document["format"] == "dfdg.person-export"
    assert document["version"] == "1.0"
    assert datetime.fromisoformat(document["generated_at"]).tzinfo is not None
    assert document["person_id"] == person_id
    assert list(document["categories"])[:6] == [
        "master_data",
        "contact_groups",
        "registrations",
        "absences",
        "audit_log",
        "insight_requests",
    ]
    openapi = dfdg_client.get("/api/v1/openapi.json").get_json()
    operation = openapi["paths"]["/api/v1/persons/{person_id}/export"]["get"]
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/PersonExport"}
    schemas = openapi["components"]["schemas"]
    assert set(schemas["PersonExport"]["required"]) >= {"format", "version", "generated_at"}
    category_schema = schemas["PersonExportCategories"]["properties"]
    assert set(document["categories"]) == set(category_schema)


def test_export_holds_master_data_and_contact_groups_of_the_person_only(
    dfdg_client: FlaskClient, citizen: Headers, two_persons: tuple[str, str], dfdg_store: Store
) -> None:
    person_id, other_id = two_persons
    document = export(dfdg_client, person_id, as_citizen(citizen, person_id))
    master = document["categories"]["master_data"]
    (person,) = [p for p in rows(dfdg_store, Person) if p.id == person_id]
    assert (master["person_id"], master["cpr"], master["given_name"]) == (
        person.id,
        person.cpr,
        person.given_name,
    )
    periods = document["categories"]["contact_groups"]
    assert [(p["contact_group"], p["start_date"]) for p in periods] == [(1, "2024-01-15")]
    text = json.dumps(document)
    assert other_id not in text
    assert OTHER_CPR not in text


def test_export_holds_every_registration_and_nothing_of_anyone_else(
    dfdg_client: FlaskClient, citizen: Headers, two_persons: tuple[str, str]
) -> None:
    person_id, other_id = two_persons
    mine = _register(dfdg_client, person_id, as_citizen(citizen, person_id))
    theirs = _register(dfdg_client, other_id, as_citizen(citizen, other_id))
    document = export(dfdg_client, person_id, as_citizen(citizen, person_id))
    registered = get(dfdg_client, f"/persons/{person_id}/registrations", citizen).get_json()
    assert ids(document["categories"]["registrations"]) == {mine["id"]}
    assert ids(registered["registrations"]) == {mine["id"]}
    assert theirs["id"] not in json.dumps(document)


def test_export_holds_every_absence_and_nothing_of_anyone_else(
    dfdg_client: FlaskClient, citizen: Headers, caseworker: Headers, two_persons: tuple[str, str]
) -> None:
    person_id, other_id = two_persons
    holiday = _holiday(dfdg_client, person_id, as_citizen(citizen, person_id))
    body = {
        "reason": "civic_duty",
        "first_day": days(20).isoformat(),
        "last_day": days(21).isoformat(),
    }
    civic = post(dfdg_client, f"/persons/{person_id}/absences", body, caseworker).get_json()
    theirs = _holiday(dfdg_client, other_id, as_citizen(citizen, other_id))
    document = export(dfdg_client, person_id, as_citizen(citizen, person_id))
    in_dfdg = get(dfdg_client, f"/persons/{person_id}/absences", citizen).get_json()["absences"]
    assert ids(document["categories"]["absences"]) == {holiday["id"], civic["id"]} == ids(in_dfdg)
    assert theirs["id"] not in json.dumps(document)


def test_export_holds_every_insight_request_and_nothing_of_anyone_else(
    dfdg_client: FlaskClient, citizen: Headers, two_persons: tuple[str, str]
) -> None:
    person_id, other_id = two_persons
    mine = _request_access(dfdg_client, person_id, as_citizen(citizen, person_id), note="CV?")
    theirs = _request_access(dfdg_client, other_id, as_citizen(citizen, other_id))
    document = export(dfdg_client, person_id, as_citizen(citizen, person_id))
    listed = get(dfdg_client, f"/persons/{person_id}/insight-requests", citizen).get_json()
    assert ids(document["categories"]["insight_requests"]) == {mine["id"]}
    assert ids(listed["requests"]) == {mine["id"]}
    assert document["categories"]["insight_requests"][0]["note"] == "CV?"
    assert theirs["reference"] not in json.dumps(document)


def test_export_holds_the_access_log_of_the_person_only_and_is_itself_audited(
    dfdg_client: FlaskClient, citizen: Headers, two_persons: tuple[str, str], dfdg_store: Store
) -> None:
    person_id, other_id = two_persons
    get(dfdg_client, f"/persons/{person_id}", citizen)
    get(dfdg_client, f"/persons/{other_id}", citizen)
    document = export(dfdg_client, person_id, as_citizen(citizen, person_id))
    logged = [e.id for e in rows(dfdg_store, AuditEntry) if e.person_id == person_id]
    exported = [entry["id"] for entry in document["categories"]["audit_log"]]
    # Everything logged before the export, newest first; the export's own entry comes after.
    assert sorted(exported) == sorted(logged)[:-1]
    assert audit_actions(dfdg_store, person_id)[-1] == ("person.export", "ok")
    assert audit_actions(dfdg_store, other_id) == [("person.read", "ok")]


# -- the access log -----------------------------------------------------------------------


def test_caseworker_reads_appear_in_the_log_with_name_job_centre_and_purpose(
    dfdg_client: FlaskClient,
    citizen: Headers,
    caseworker: Headers,
    dfdg_store: Store,
    demo_data: None,
) -> None:
    person_id = copenhagener(dfdg_store)
    assert get(dfdg_client, f"/persons/{person_id}", caseworker).status_code == 200
    assert get(dfdg_client, f"/persons/{person_id}/absences", caseworker).status_code == 200
    response = get(dfdg_client, f"/persons/{person_id}/audit-log", as_citizen(citizen, person_id))
    entries = response.get_json()["entries"]
    by_caseworker = [e for e in entries if e["actor_type"] == "caseworker"]
    assert [e["action"] for e in by_caseworker] == ["absences.read", "person.read"]
    for entry in by_caseworker:
        assert entry["actor_name"] == "Hanne Møller"
        assert entry["organisation_name"] == "Jobcenter København"
        assert entry["purpose"] == "Samtale om jobsøgning"
    exported = export(dfdg_client, person_id, as_citizen(citizen, person_id))
    names = {e["organisation_name"] for e in exported["categories"]["audit_log"]}
    assert "Jobcenter København" in names


def test_access_log_filters_by_actor_and_period_and_goes_two_years_back(
    dfdg_client: FlaskClient,
    citizen: Headers,
    caseworker: Headers,
    dfdg_store: Store,
    demo_data: None,
) -> None:
    person_id = copenhagener(dfdg_store)
    with dfdg_store.session() as session:
        for years_ago in (1, 3):
            session.add(
                AuditEntry(
                    person_id=person_id,
                    actor_type="system",
                    actor_id="nightly-batch",
                    action="person.read",
                    channel="system",
                    system="batch",
                    outcome="ok",
                    at=utcnow() - timedelta(days=365 * years_ago),
                )
            )
    get(dfdg_client, f"/persons/{person_id}", caseworker)
    path = f"/persons/{person_id}/audit-log"
    headers = as_citizen(citizen, person_id)
    only_caseworkers = get(dfdg_client, path + "?actor_type=caseworker", headers).get_json()
    assert {e["actor_type"] for e in only_caseworkers["entries"]} == {"caseworker"}
    everything = get(dfdg_client, path + "?from=2000-01-01", headers).get_json()
    assert everything["oldest_day"] == "2024-11-23"
    systems = [e for e in everything["entries"] if e["actor_type"] == "system"]
    assert len(systems) == 1  # the one three years old is outside the two years
    today_only = get(dfdg_client, f"{path}?from={TODAY}&to={TODAY}", headers).get_json()
    assert all(e["actor_type"] != "system" for e in today_only["entries"])


def test_the_whole_access_log_is_read_a_page_at_a_time(
    dfdg_client: FlaskClient, citizen: Headers, two_persons: tuple[str, str], dfdg_store: Store
) -> None:
    person_id, other_id = two_persons
    same_moment = utcnow() - timedelta(days=3)
    with dfdg_store.session() as session:
        for who in (person_id,) * 5 + (other_id,):
            session.add(
                AuditEntry(
                    person_id=who,
                    actor_type="system",
                    action="person.read",
                    channel="system",
                    system="batch",
                    outcome="ok",
                    at=same_moment,  # one moment: the pages are cut by entry, not by time
                )
            )
    logged = sorted(
        (e.id for e in rows(dfdg_store, AuditEntry) if e.person_id == person_id), reverse=True
    )
    path = f"/persons/{person_id}/audit-log?limit=2"
    headers = as_citizen(citizen, person_id)
    pages, before = [], None
    while True:
        page = get(dfdg_client, path + (f"&before={before}" if before else ""), headers)
        body = page.get_json()
        pages.append([entry["id"] for entry in body["entries"]])
        before = body["next_before"]
        if before is None:
            break
    assert [len(page) for page in pages] == [2, 2, 1]
    assert [entry for page in pages for entry in page] == logged
    other_entry = max(e.id for e in rows(dfdg_store, AuditEntry) if e.person_id == other_id)
    strange = get(dfdg_client, f"{path}&before={other_entry}", headers).get_json()
    assert (strange["entries"], strange["next_before"]) == ([], None)


# -- history ------------------------------------------------------------------------------


def test_registration_history_shows_each_version_and_who_made_it(
    dfdg_client: FlaskClient,
    citizen: Headers,
    caseworker: Headers,
    dfdg_store: Store,
    demo_data: None,
) -> None:
    person_id = copenhagener(dfdg_store)
    registration = _register(dfdg_client, person_id, as_citizen(citizen, person_id))
    body = {"date": TODAY.isoformat(), "reason": "education", "reference": "JN-DERE-GIST"}
    response = post(dfdg_client, f"/persons/{person_id}/deregistrations", body, caseworker)
    assert response.status_code == 201, response.get_json()
    path = f"/persons/{person_id}/history/registrations/{registration['id']}"
    history = get(dfdg_client, path, as_citizen(citizen, person_id)).get_json()
    first, second = history["versions"]
    assert (first["version"], first["change"], first["by"]["type"]) == (1, "created", "citizen")
    assert first["values"]["end_date"] is None
    assert first["channel"] == "web"
    assert (second["change"], second["by"]["name"]) == ("deregistered", "Hanne Møller")
    assert second["by"]["organisation_name"] == "Jobcenter København"
    assert second["purpose"] == "Samtale om jobsøgning"
    assert second["reference"] == "JN-DERE-GIST"
    assert second["values"]["deregistration_reason"] == "education"
    assert audit_actions(dfdg_store, person_id)[-1] == ("record_history.read", "ok")


def test_absence_history_shows_the_cancellation(
    dfdg_client: FlaskClient, citizen: Headers, dfdg_store: Store
) -> None:
    person_id = new_person(dfdg_store, group=1)
    headers = as_citizen(citizen, person_id)
    holiday = _holiday(dfdg_client, person_id, headers)
    path = f"/persons/{person_id}/absences/{holiday['id']}/cancellation"
    assert post(dfdg_client, path, {}, headers).status_code == 200
    history = get(dfdg_client, f"/persons/{person_id}/history/absences/{holiday['id']}", headers)
    versions = history.get_json()["versions"]
    assert [(v["change"], v["values"]["status"]) for v in versions] == [
        ("created", "active"),
        ("cancelled", "cancelled"),
    ]


# -- someone else's ids -------------------------------------------------------------------


def test_a_citizen_gets_404_for_another_persons_export_log_history_and_requests(
    dfdg_client: FlaskClient, citizen: Headers, two_persons: tuple[str, str], dfdg_store: Store
) -> None:
    person_id, other_id = two_persons
    theirs = _holiday(dfdg_client, other_id, as_citizen(citizen, other_id))
    me = as_citizen(citizen, person_id)
    for path in (
        f"/persons/{other_id}/export",
        f"/persons/{other_id}/audit-log",
        f"/persons/{other_id}/insight-requests",
        f"/persons/{other_id}/history/absences/{theirs['id']}",
        # Another person's record under one's own id is not found either.
        f"/persons/{person_id}/history/absences/{theirs['id']}",
        f"/persons/{person_id}/history/nonsense/{theirs['id']}",
    ):
        assert_problem(get(dfdg_client, path, me), 404, "not-found")
    response = post(dfdg_client, f"/persons/{other_id}/insight-requests", {}, me)
    assert_problem(response, 404, "not-found")
    assert not rows(dfdg_store, InsightRequest)
    assert audit_actions(dfdg_store, other_id) == [("absence.create", "ok")]


# -- requests for access ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "deadline"),
    [
        (date(2026, 11, 23), date(2026, 12, 23)),
        (date(2026, 1, 31), date(2026, 2, 28)),
        (date(2028, 1, 31), date(2028, 2, 29)),
        (date(2026, 12, 31), date(2027, 1, 31)),
    ],
)
def test_a_request_for_access_is_registered_with_date_reference_and_deadline(
    dfdg_client: FlaskClient,
    dfdg_app: Flask,
    citizen: Headers,
    dfdg_store: Store,
    today: date,
    deadline: date,
) -> None:
    person_id = new_person(dfdg_store)
    with today_is(dfdg_app, today):
        answer = _request_access(
            dfdg_client, person_id, as_citizen(citizen, person_id), reference="JN-ABCD-EFGH"
        )
    assert answer["received_on"] == today.isoformat()
    assert answer["deadline"] == deadline.isoformat()
    assert answer["reference"].startswith("IND-")
    assert answer["source_reference"] == "JN-ABCD-EFGH"
    assert answer["created_by"]["type"] == "citizen"
    assert audit_actions(dfdg_store, person_id) == [("insight_request.create", "ok")]


def test_a_request_keeps_the_day_the_citizen_sent_it(
    dfdg_client: FlaskClient, citizen: Headers, dfdg_store: Store
) -> None:
    person_id = new_person(dfdg_store)
    headers = as_citizen(citizen, person_id)
    answer = _request_access(dfdg_client, person_id, headers, received_on=days(-2).isoformat())
    assert (answer["received_on"], answer["deadline"]) == ("2026-11-21", "2026-12-21")
    for bad in (days(1), days(-31)):
        response = post(
            dfdg_client,
            f"/persons/{person_id}/insight-requests",
            {"received_on": bad.isoformat()},
            headers,
        )
        body = assert_problem(response, 422, "validation-error")
        assert body["errors"][0]["field"] == "received_on"


# -- address protection -------------------------------------------------------------------


def _protected_person(dfdg_store: Store) -> str:
    with dfdg_store.session() as session:
        person = Person(
            cpr="2503954729",
            given_name="Camilla",
            family_name="Pedersen",
            street=PROTECTED_STREET,
            postcode="8210",
            city="Aarhus V",
            municipality_code=KOEBENHAVN,
            address_protected=True,
        )
        session.add(person)
        session.flush()
        return person.id


def test_a_protected_address_is_shown_to_the_citizen_themself_only(
    dfdg_client: FlaskClient,
    citizen: Headers,
    caseworker: Headers,
    dfdg_store: Store,
    demo_data: None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    person_id = _protected_person(dfdg_store)
    own = get(dfdg_client, f"/persons/{person_id}", as_citizen(citizen, person_id)).get_json()
    assert (own["street"], own["postcode"], own["city"]) == (PROTECTED_STREET, "8210", "Aarhus V")
    mine = export(dfdg_client, person_id, as_citizen(citizen, person_id))
    assert mine["categories"]["master_data"]["street"] == PROTECTED_STREET
    assert mine["address_shown"] is True

    system = {**citizen, "X-Actor-Type": "system", "X-Actor-Id": "batch"}
    someone_else = as_citizen(citizen, "another-person-id")
    for headers in (caseworker, system):
        response = get(dfdg_client, f"/persons/{person_id}", headers)
        person = response.get_json()
        assert response.status_code == 200, person
        assert person["address_protected"] is True
        assert (person["street"], person["postcode"], person["city"]) == (None, None, None)
        document = export(dfdg_client, person_id, headers)
        assert document["address_shown"] is False
        assert document["categories"]["master_data"]["address_protected"] is True
        assert PROTECTED_STREET not in json.dumps(document)
        assert "Aarhus V" not in json.dumps(document)
    assert get(dfdg_client, f"/persons/{person_id}", someone_else).status_code == 404
    assert get(dfdg_client, f"/persons/{person_id}/export", someone_else).status_code == 404

    assert PROTECTED_STREET not in caplog.text
    for entry in rows(dfdg_store, AuditEntry):
        assert PROTECTED_STREET not in json.dumps({k: str(v) for k, v in vars(entry).items()})


# -- the CV and the job log (their own modules plug into the export) -----------------------


def test_export_holds_the_cv_and_nothing_of_anyone_elses(
    dfdg_client: FlaskClient, citizen: Headers, two_persons: tuple[str, str]
) -> None:
    person_id, other_id = two_persons
    for who, email in ((person_id, "mig@example.dk"), (other_id, "anden@example.dk")):
        response = dfdg_client.put(
            f"/api/v1/persons/{who}/cv/contact",
            json={"email": email},
            headers={**as_citizen(citizen, who), "Idempotency-Key": f"cv-{who}"},
        )
        assert response.status_code == 200, response.get_json()
    document = export(dfdg_client, person_id, as_citizen(citizen, person_id))
    in_dfdg = get(dfdg_client, f"/persons/{person_id}/cv", citizen).get_json()
    assert document["categories"]["cv"]["contact"] == in_dfdg["contact"]
    assert document["categories"]["cv"]["contact"]["email"] == "mig@example.dk"
    assert "anden@example.dk" not in json.dumps(document)


def test_export_holds_every_joblog_entry_with_its_history_and_nothing_of_anyone_elses(
    dfdg_client: FlaskClient, citizen: Headers, two_persons: tuple[str, str]
) -> None:
    person_id, other_id = two_persons
    body = {
        "applied_on": days(-1).isoformat(),
        "employer": "Bageriet",
        "job_title": "Bager",
        "kind": "advertised",
        "status": "sent",
    }
    made = {}
    for who in (person_id, other_id):
        response = post(dfdg_client, f"/persons/{who}/joblog", body, as_citizen(citizen, who))
        assert response.status_code == 201, response.get_json()
        made[who] = response.get_json()["id"]
    document = export(dfdg_client, person_id, as_citizen(citizen, person_id))
    in_dfdg = get(dfdg_client, f"/persons/{person_id}/joblog", citizen).get_json()["entries"]
    assert ids(document["categories"]["joblog"]) == {made[person_id]} == ids(in_dfdg)
    assert made[other_id] not in json.dumps(document)
    me = as_citizen(citizen, person_id)
    path = f"/persons/{person_id}/history/joblog/{made[person_id]}"
    (version,) = get(dfdg_client, path, me).get_json()["versions"]
    assert (version["change"], version["by"]["type"]) == ("created", "citizen")
    other_path = f"/persons/{person_id}/history/joblog/{made[other_id]}"
    assert_problem(get(dfdg_client, other_path, me), 404, "not-found")


def test_export_holds_deleted_joblog_entries_marked_with_when_and_by_whom(
    dfdg_client: FlaskClient, citizen: Headers, two_persons: tuple[str, str]
) -> None:
    person_id, other_id = two_persons
    me = as_citizen(citizen, person_id)
    body = {
        "applied_on": days(-2).isoformat(),
        "employer": "Slettet Bageri",
        "job_title": "Bager",
        "kind": "advertised",
        "status": "sent",
    }
    made = post(dfdg_client, f"/persons/{person_id}/joblog", body, me).get_json()["id"]
    deleted = dfdg_client.delete(
        f"/api/v1/persons/{person_id}/joblog/{made}",
        json={},
        headers={**me, "Idempotency-Key": "del-1"},
    )
    assert deleted.status_code == 200, deleted.get_data(as_text=True)
    others = post(dfdg_client, f"/persons/{other_id}/joblog", body, as_citizen(citizen, other_id))
    assert others.status_code == 201
    in_api = get(dfdg_client, f"/persons/{person_id}/joblog", me).get_json()["entries"]
    assert in_api == []
    (entry,) = export(dfdg_client, person_id, me)["categories"]["joblog"]
    assert (entry["id"], entry["employer"]) == (made, "Slettet Bageri")
    assert entry["deleted_at"] is not None
    assert entry["deleted_by"]["type"] == "citizen"
    assert others.get_json()["id"] not in json.dumps(export(dfdg_client, person_id, me))


def test_export_holds_every_summons_and_nothing_of_anyone_elses(
    dfdg_client: FlaskClient, citizen: Headers, caseworker: Headers, two_persons: tuple[str, str]
) -> None:
    person_id, other_id = two_persons
    body = {
        "starts_at": "2026-11-30T10:00:00+01:00",
        "duration_minutes": 45,
        "form": "in_person",
        "type": "job_interview",
        "place": "Jobcenter København, Kalvebod Brygge 45",
        "letter_sent_date": TODAY.isoformat(),
    }
    made = {}
    for who in (person_id, other_id):
        response = post(dfdg_client, f"/persons/{who}/summons", body, caseworker)
        assert response.status_code == 201, response.get_data(as_text=True)
        made[who] = response.get_json()["id"]
    document = export(dfdg_client, person_id, as_citizen(citizen, person_id))
    (summons,) = document["categories"]["summons"]
    assert summons["id"] == made[person_id]
    assert summons["place"] == body["place"]
    assert made[other_id] not in json.dumps(document)


def test_export_holds_every_held_interview_and_nothing_of_anyone_elses(
    dfdg_client: FlaskClient, citizen: Headers, caseworker: Headers, two_persons: tuple[str, str]
) -> None:
    person_id, other_id = two_persons
    made = {}
    for who, agreement in ((person_id, "Søg tre job om ugen"), (other_id, "Andens aftale")):
        body = {"held_on": TODAY.isoformat(), "form": "in_person", "agreement": agreement}
        response = post(dfdg_client, f"/persons/{who}/interviews", body, caseworker)
        assert response.status_code == 201, response.get_data(as_text=True)
        made[who] = response.get_json()["id"]
    document = export(dfdg_client, person_id, as_citizen(citizen, person_id))
    (interview,) = document["categories"]["interviews"]
    assert (interview["id"], interview["agreement"]) == (made[person_id], "Søg tre job om ugen")
    text = json.dumps(document, ensure_ascii=False)
    assert made[other_id] not in text and "Andens aftale" not in text


def test_export_holds_the_plan_and_nothing_of_anyone_elses(
    dfdg_client: FlaskClient, citizen: Headers, caseworker: Headers, two_persons: tuple[str, str]
) -> None:
    person_id, other_id = two_persons
    made = {}
    for who, target in ((person_id, "Job som tømrer"), (other_id, "Job som maler")):
        body = {
            "targets": [target],
            "applications_per_week": 3,
            "measures": [
                {
                    "type": "job_search_course",
                    "start_date": days(7).isoformat(),
                    "end_date": days(7).isoformat(),
                    "weekly_hours": 18.5,
                }
            ],
        }
        response = post(dfdg_client, f"/persons/{who}/plans", body, caseworker)
        assert response.status_code == 201, response.get_data(as_text=True)
        made[who] = response.get_json()["id"]
    document = export(dfdg_client, person_id, as_citizen(citizen, person_id))
    plan = document["categories"]["plans"]
    assert plan["id"] == made[person_id]
    assert plan["current"]["targets"] == ["Job som tømrer"]
    text = json.dumps(document, ensure_ascii=False)
    assert made[other_id] not in text and "Job som maler" not in text
