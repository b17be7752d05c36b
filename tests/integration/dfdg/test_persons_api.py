"""Persons: lookup, creation from CPR claims, master data, contact groups — and their errors."""

from __future__ import annotations

from flask.testing import FlaskClient

from jobnet.db import Store
from jobnet.dfdg.models.audit import AuditEntry
from jobnet.dfdg.models.persons import Person
from tests.integration.dfdg.helpers import assert_problem, count_rows, error_fields, rows

METTE = "1203851234"  # demo person, contact group 1
HENRIK = "0812824167"  # demo person, contact group 2 with ended earlier periods
OLIVER = "3001932361"  # demo person, not registered in a contact group

NEW = {"cpr": "150590-4821", "given_name": "Ulla", "family_name": "Bøgh"}


def _key(name: str) -> dict[str, str]:
    return {"Idempotency-Key": name}


def _lookup(client: FlaskClient, headers: dict[str, str], cpr: str) -> str:
    response = client.post("/api/v1/persons/lookup", json={"cpr": cpr}, headers=headers)
    assert response.status_code == 200, response.get_json()
    return response.get_json()["person_id"]


def test_lookup_finds_person_id_not_derived_from_cpr(
    dfdg_client: FlaskClient, citizen: dict[str, str], demo_data: None
) -> None:
    person_id = _lookup(dfdg_client, citizen, "120385-1234")
    assert len(person_id) == 36
    assert METTE not in person_id


def test_lookup_of_unknown_cpr_is_404_and_audited_without_cpr(
    dfdg_client: FlaskClient, citizen: dict[str, str], dfdg_store: Store
) -> None:
    response = dfdg_client.post(
        "/api/v1/persons/lookup", json={"cpr": "0101901234"}, headers=citizen
    )
    assert_problem(response, 404, "not-found")
    (entry,) = rows(dfdg_store, AuditEntry)
    assert (entry.person_id, entry.action, entry.outcome) == (None, "person.lookup", "not_found")
    assert "0101901234" not in repr(vars(entry))


def test_malformed_json_is_400(dfdg_client: FlaskClient, citizen: dict[str, str]) -> None:
    response = dfdg_client.post(
        "/api/v1/persons/lookup",
        data=b'{"cpr": ',
        headers={**citizen, "Content-Type": "application/json"},
    )
    assert_problem(response, 400, "malformed-json")
    empty = dfdg_client.post("/api/v1/persons", data=b"", headers={**citizen, **_key("k")})
    assert_problem(empty, 400, "malformed-json")


def test_invalid_cpr_format_is_422_naming_the_field(
    dfdg_client: FlaskClient, citizen: dict[str, str]
) -> None:
    response = dfdg_client.post(
        "/api/v1/persons/lookup", json={"cpr": "12345-67890"}, headers=citizen
    )
    body = assert_problem(response, 422, "validation-error")
    assert error_fields(body) == {"cpr": "cpr_format"}


def test_invalid_cpr_date_is_422_naming_the_field(
    dfdg_client: FlaskClient, citizen: dict[str, str]
) -> None:
    response = dfdg_client.post(
        "/api/v1/persons", json={**NEW, "cpr": "3102901234"}, headers={**citizen, **_key("a")}
    )
    body = assert_problem(response, 422, "validation-error")
    assert error_fields(body) == {"cpr": "cpr_date"}


def test_each_bad_field_is_named(
    dfdg_client: FlaskClient, citizen: dict[str, str], dfdg_store: Store
) -> None:
    body = {"cpr": "x", "given_name": "", "postcode": "12", "favourite_colour": "blue"}
    response = dfdg_client.post("/api/v1/persons", json=body, headers={**citizen, **_key("b")})
    problem = assert_problem(response, 422, "validation-error")
    assert error_fields(problem) == {
        "cpr": "cpr_format",
        "given_name": "string_too_short",
        "family_name": "missing",
        "postcode": "string_pattern_mismatch",
        "favourite_colour": "extra_forbidden",
    }
    assert count_rows(dfdg_store, Person) == 0


def test_body_that_is_not_an_object_is_422(
    dfdg_client: FlaskClient, citizen: dict[str, str]
) -> None:
    response = dfdg_client.post("/api/v1/persons/lookup", json=["0101901234"], headers=citizen)
    assert_problem(response, 422, "validation-error")


def test_without_an_assertion_the_system_acts_as_itself_and_may_not_read_persons(
    raw_dfdg_client: FlaskClient, auth: dict[str, str]
) -> None:
    missing = raw_dfdg_client.post("/api/v1/persons/lookup", json={"cpr": METTE}, headers=auth)
    assert_problem(missing, 403, "outside-scope")
    wrong = raw_dfdg_client.post(
        "/api/v1/persons/lookup",
        json={"cpr": METTE},
        headers={**auth, "X-Actor-Type": "robot", "X-Channel": "fax"},
    )
    # The former headers are refused, not read: who acts comes only from the assertion.
    assert error_fields(assert_problem(wrong, 422, "validation-error")) == {
        "X-Actor-Type": "not_accepted",
        "X-Channel": "not_accepted",
    }


def test_caseworker_must_name_id_and_organisation(
    dfdg_client: FlaskClient, auth: dict[str, str]
) -> None:
    response = dfdg_client.post(
        "/api/v1/persons/lookup",
        json={"cpr": METTE},
        headers={**auth, "X-Actor-Type": "caseworker", "X-Channel": "fax"},
    )
    assert error_fields(assert_problem(response, 422, "validation-error")) == {
        "X-Actor-Assertion.sub": "missing",
        "X-Actor-Assertion.org": "missing",
        "X-Actor-Assertion.channel": "invalid",
    }


def test_create_person_201_then_existing_200(
    dfdg_client: FlaskClient, citizen: dict[str, str], dfdg_store: Store
) -> None:
    first = dfdg_client.post("/api/v1/persons", json=NEW, headers={**citizen, **_key("c1")})
    assert first.status_code == 201
    person = first.get_json()
    assert person["cpr"] == "1505904821"
    assert person["birth_date"] == "1990-05-15"
    assert person["family_name"] == "Bøgh"
    assert person["current_contact_group"] is None
    again = dfdg_client.post("/api/v1/persons", json=NEW, headers={**citizen, **_key("c2")})
    assert again.status_code == 200
    assert again.get_json()["person_id"] == person["person_id"]
    assert count_rows(dfdg_store, Person) == 1
    actions = sorted(entry.action for entry in rows(dfdg_store, AuditEntry))
    assert actions == ["person.create", "person.read"]


def test_get_person_with_current_contact_group(
    dfdg_client: FlaskClient, citizen: dict[str, str], demo_data: None
) -> None:
    person_id = _lookup(dfdg_client, citizen, HENRIK)
    response = dfdg_client.get(f"/api/v1/persons/{person_id}", headers=citizen)
    assert response.status_code == 200
    person = response.get_json()
    assert (person["given_name"], person["municipality_code"]) == ("Henrik", "0101")
    assert person["current_contact_group"] == {
        "contact_group": 2,
        "match_group": 1,
        "start_date": "2024-09-01",
        "end_date": None,
        "withdrawn": False,
    }
    assert person["created_at"].endswith("Z")


def test_person_not_in_a_contact_group(
    dfdg_client: FlaskClient, citizen: dict[str, str], demo_data: None
) -> None:
    person_id = _lookup(dfdg_client, citizen, OLIVER)
    person = dfdg_client.get(f"/api/v1/persons/{person_id}", headers=citizen).get_json()
    assert person["current_contact_group"] is None
    groups = dfdg_client.get(f"/api/v1/persons/{person_id}/contact-groups", headers=citizen)
    assert groups.get_json()["periods"] == []


def test_contact_group_history(
    dfdg_client: FlaskClient, citizen: dict[str, str], demo_data: None
) -> None:
    person_id = _lookup(dfdg_client, citizen, HENRIK)
    response = dfdg_client.get(f"/api/v1/persons/{person_id}/contact-groups", headers=citizen)
    periods = response.get_json()["periods"]
    assert [(p["contact_group"], p["match_group"], p["end_date"]) for p in periods] == [
        (2, 3, "2023-10-31"),
        (2, 2, "2024-08-31"),
        (2, 1, None),
    ]


def test_unknown_person_is_404_and_audited(
    dfdg_client: FlaskClient, citizen: dict[str, str], dfdg_store: Store
) -> None:
    for path in ("", "/contact-groups", "/audit-log"):
        response = dfdg_client.get(f"/api/v1/persons/no-such-person{path}", headers=citizen)
        assert_problem(response, 404, "not-found")
    entries = rows(dfdg_store, AuditEntry)
    assert sorted(e.action for e in entries) == [
        "audit_log.read",
        "contact_groups.read",
        "person.read",
    ]
    assert {(e.person_id, e.outcome) for e in entries} == {(None, "not_found")}


def test_every_read_and_write_is_audited_with_the_actor(
    dfdg_client: FlaskClient, caseworker: dict[str, str], dfdg_store: Store, demo_data: None
) -> None:
    person_id = _lookup(dfdg_client, caseworker, METTE)
    headers = {**caseworker, "X-On-Behalf-Of": person_id}
    dfdg_client.get(f"/api/v1/persons/{person_id}", headers=headers)
    dfdg_client.get(f"/api/v1/persons/{person_id}/contact-groups", headers=headers)
    dfdg_client.post(
        "/api/v1/persons", json={**NEW, "cpr": METTE}, headers={**headers, **_key("w")}
    )
    entries = sorted(rows(dfdg_store, AuditEntry), key=lambda entry: entry.id)
    assert [e.action for e in entries] == [
        "person.lookup",
        "person.read",
        "contact_groups.read",
        "person.read",
    ]
    for entry in entries:
        assert entry.actor_type == "caseworker"
        assert entry.actor_id == "CVR:29190011-RID:41120001"
        assert entry.actor_name == "Hanne Møller"
        assert entry.organisation == "29190011"
        assert entry.purpose == "Samtale om jobsøgning"
        assert entry.channel == "web"
        assert entry.system == "jobnet-web"
        assert entry.outcome == "ok"
        assert entry.at.tzinfo is not None
    assert entries[1].on_behalf_of == person_id
    assert entries[0].person_id == entries[1].person_id == person_id


def test_audit_log_newest_first_with_filters(
    dfdg_client: FlaskClient,
    citizen: dict[str, str],
    caseworker: dict[str, str],
    demo_data: None,
) -> None:
    person_id = _lookup(dfdg_client, citizen, METTE)
    dfdg_client.get(f"/api/v1/persons/{person_id}", headers=caseworker)
    url = f"/api/v1/persons/{person_id}/audit-log"
    entries = dfdg_client.get(url, headers=citizen).get_json()["entries"]
    assert [e["action"] for e in entries] == ["person.read", "person.lookup"]
    assert entries[0]["actor_name"] == "Hanne Møller"
    only_caseworkers = dfdg_client.get(url + "?actor_type=caseworker", headers=citizen)
    assert [e["actor_type"] for e in only_caseworkers.get_json()["entries"]] == ["caseworker"]
    past = dfdg_client.get(url + "?from=2000-01-01&to=2000-12-31", headers=citizen)
    assert past.get_json()["entries"] == []
    limited = dfdg_client.get(url + "?limit=1", headers=citizen).get_json()["entries"]
    assert len(limited) == 1


def test_audit_log_bad_parameters_are_422(
    dfdg_client: FlaskClient, citizen: dict[str, str], demo_data: None
) -> None:
    person_id = _lookup(dfdg_client, citizen, METTE)
    url = f"/api/v1/persons/{person_id}/audit-log"
    bad = dfdg_client.get(url + "?from=yesterday&actor_type=robot&limit=0", headers=citizen)
    assert set(error_fields(assert_problem(bad, 422, "validation-error"))) == {
        "from",
        "actor_type",
        "limit",
    }
    reversed_range = dfdg_client.get(url + "?from=2025-02-01&to=2025-01-01", headers=citizen)
    assert error_fields(assert_problem(reversed_range, 422, "validation-error")) == {
        "to": "before_from"
    }


def test_organisations(dfdg_client: FlaskClient, auth: dict[str, str], demo_data: None) -> None:
    organisations = dfdg_client.get("/api/v1/organisations", headers=auth).get_json()
    names = {org["name"]: org for org in organisations["organisations"]}
    assert names["Jobcenter København"]["municipality_code"] == "0101"
    assert names["Jobcenter Aarhus"]["kind"] == "jobcentre"
    assert any(org["kind"] == "akasse" for org in names.values())
    one = dfdg_client.get("/api/v1/organisations/29190012", headers=auth)
    assert one.get_json()["name"] == "Jobcenter Aarhus"
    assert_problem(
        dfdg_client.get("/api/v1/organisations/00000000", headers=auth), 404, "not-found"
    )
