"""DFDG itself decides who reaches whose data: a job centre only its own municipality's
citizens, a citizen only themself; every refusal is audited."""

from __future__ import annotations

from datetime import date

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.test import TestResponse

from jobnet.db import Store
from jobnet.dfdg.access import ORGANISATION_RULES
from jobnet.dfdg.models.audit import AuditEntry
from jobnet.dfdg.queries import persons as person_queries
from jobnet.domain.codes import OrganisationKind
from tests.integration.dfdg.helpers import assert_problem, error_fields
from tests.integration.dfdg.jobseeker_helpers import new_person

AARHUS = "0751"
AKASSE = "39190021"


def _audit(store: Store) -> list[tuple[str | None, str, str]]:
    with store.session() as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        return [(e.person_id, e.action, e.outcome) for e in entries]


def test_a_job_centre_reads_its_own_citizens(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    person_id = new_person(dfdg_store)
    response = dfdg_client.get(f"/api/v1/persons/{person_id}", headers=caseworker)
    assert response.status_code == 200
    [entry] = [e for e in _audit(dfdg_store) if e[0] == person_id]
    assert entry == (person_id, "person.read", "ok")


def test_a_job_centre_is_refused_another_municipalitys_citizen_and_it_is_audited(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    person_id = new_person(dfdg_store, municipality_code=AARHUS)
    for path in ("", "/contact-groups", "/status", "/absences"):
        response = dfdg_client.get(f"/api/v1/persons/{person_id}{path}", headers=caseworker)
        assert response.status_code == 403, path
        assert response.get_json()["code"] == "outside_organisation"
    write = dfdg_client.post(
        f"/api/v1/persons/{person_id}/absences",
        json={"reason": "civic_duty", "first_day": "2030-01-02", "last_day": "2030-01-03"},
        headers={**caseworker, "Idempotency-Key": "k-outside"},
    )
    assert write.status_code == 403
    assert [e for e in _audit(dfdg_store) if e[0] == person_id] == [
        (person_id, "person.access", "denied")
    ] * 5


def test_lookup_by_cpr_outside_the_organisation_answers_as_an_unknown_cpr(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    person_id = new_person(dfdg_store, "0202901234", municipality_code=AARHUS)
    outside = dfdg_client.post(
        "/api/v1/persons/lookup", json={"cpr": "0202901234"}, headers=caseworker
    )
    unknown = dfdg_client.post(
        "/api/v1/persons/lookup", json={"cpr": "0303901234"}, headers=caseworker
    )
    # One answer for "no such person" and "lives in another municipality" ...
    assert outside.status_code == unknown.status_code == 404
    assert outside.get_json() == unknown.get_json()
    # ... but the audit log tells them apart: the refused look-up names the person.
    assert _audit(dfdg_store)[-2:] == [
        (person_id, "person.lookup", "denied"),
        (None, "person.lookup", "not_found"),
    ]


def test_a_caseworker_must_state_a_purpose(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    person_id = new_person(dfdg_store)
    headers = {k: v for k, v in caseworker.items() if k != "X-Purpose"}
    response = dfdg_client.get(f"/api/v1/persons/{person_id}", headers=headers)
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "X-Actor-Assertion.purpose"


def test_an_unknown_organisation_or_a_fund_the_person_is_not_a_member_of_sees_no_one(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    person_id = new_person(dfdg_store)
    # An unknown organisation is refused; to a fund, a non-member is unknown (as an unknown id).
    for cvr, status in (("12345678", 403), ("39190021", 404)):
        headers = {**caseworker, "X-Actor-Organisation": cvr}
        response = dfdg_client.get(f"/api/v1/persons/{person_id}", headers=headers)
        assert response.status_code == status


def test_a_citizen_reaches_only_themself(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict[str, str]
) -> None:
    mine = new_person(dfdg_store, "0303901234")
    other = new_person(dfdg_store, "0404901234")
    headers = {**citizen, "X-Actor-Id": mine}
    assert dfdg_client.get(f"/api/v1/persons/{mine}", headers=headers).status_code == 200
    response = dfdg_client.get(f"/api/v1/persons/{other}/status", headers=headers)
    assert response.status_code == 404
    assert _audit(dfdg_store)[-1] == (None, "person.access", "not_found")


def _create(client: FlaskClient, headers: dict[str, str], cpr: str, key: str) -> TestResponse:
    body = {"cpr": cpr, "given_name": "Test", "family_name": "Person"}
    return client.post("/api/v1/persons", json=body, headers={**headers, "Idempotency-Key": key})


def test_creating_an_existing_person_keeps_to_the_access_rules(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    person_id = new_person(dfdg_store, "0202901234", municipality_code=AARHUS)
    refused = _create(dfdg_client, caseworker, "0202901234", "k-create-outside")
    unknown = _create(dfdg_client, caseworker, "0909901234", "k-create-unknown")
    # The same answer whether the person lives elsewhere or does not exist, and no one created.
    assert refused.status_code == unknown.status_code == 404
    assert refused.get_json() == unknown.get_json()
    assert "Test" not in refused.get_data(as_text=True)
    assert _audit(dfdg_store)[-2:] == [
        (person_id, "person.read", "denied"),
        (None, "person.create", "not_found"),
    ]
    with dfdg_store.session() as session:
        assert person_queries.find_by_cpr(session, "0909901234") is None
    headers = {k: v for k, v in caseworker.items() if k != "X-Purpose"}
    no_purpose = _create(dfdg_client, headers, "0202901234", "k-create-no-purpose")
    assert no_purpose.status_code == 422
    assert no_purpose.get_json()["errors"][0]["field"] == "X-Actor-Assertion.purpose"
    mine = new_person(dfdg_store, "0303901234")
    assert _create(dfdg_client, caseworker, "0303901234", "k-create-own").status_code == 200
    assert _audit(dfdg_store)[-1] == (mine, "person.read", "ok")


def test_a_citizen_naming_someone_else_gets_no_one_by_cpr(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict[str, str]
) -> None:
    mine = new_person(dfdg_store, "0303901234")
    new_person(dfdg_store, "0404901234")
    headers = {**citizen, "X-Actor-Id": mine}
    assert _create(dfdg_client, headers, "0404901234", "k-other").status_code == 404
    lookup = dfdg_client.post("/api/v1/persons/lookup", json={"cpr": "0404901234"}, headers=headers)
    assert lookup.status_code == 404
    assert _audit(dfdg_store)[-1] == (None, "person.lookup", "not_found")


def test_a_citizen_must_be_named_on_person_routes(
    plain_dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict[str, str]
) -> None:
    person_id = new_person(dfdg_store)
    for path in ("", "/contact-groups", "/status", "/audit-log"):
        response = plain_dfdg_client.get(f"/api/v1/persons/{person_id}{path}", headers=citizen)
        body = assert_problem(response, 422, "validation-error")
        assert error_fields(body) == {"X-Actor-Assertion.sub": "missing"}, path
    assert [e for e in _audit(dfdg_store) if e[0] == person_id] == []


def test_a_protected_address_is_not_given_to_a_citizen_who_names_no_one(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict[str, str]
) -> None:
    with dfdg_store.session() as session:
        claims = person_queries.PersonClaims(
            cpr="0505901234",
            given_name="Skjult",
            family_name="Adresse",
            street="Hemmelig Vej 1",
            postcode="8000",
            city="Aarhus C",
            address_protected=True,
        )
        person, _ = person_queries.ensure(session, claims)
        person_id = person.id
    answer = _create(dfdg_client, citizen, "0505901234", "k-protected").get_json()
    assert answer["person_id"] == person_id
    assert (answer["street"], answer["postcode"], answer["city"]) == (None, None, None)
    own = dfdg_client.get(
        f"/api/v1/persons/{person_id}", headers={**citizen, "X-Actor-Id": person_id}
    ).get_json()
    assert own["street"] == "Hemmelig Vej 1"


@pytest.fixture
def akasse_sees_everyone(monkeypatch: pytest.MonkeyPatch) -> None:
    """An unemployment fund that may read the person (as it will once DFDG holds its members)."""
    monkeypatch.setitem(ORGANISATION_RULES, OrganisationKind.AKASSE.value, lambda *_: True)


def test_only_the_job_centre_registers_what_only_a_job_centre_may(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    caseworker: dict[str, str],
    akasse_sees_everyone: None,
) -> None:
    person_id = new_person(dfdg_store, group=1)
    akasse = {**caseworker, "X-Actor-Organisation": AKASSE}
    assert dfdg_client.get(f"/api/v1/persons/{person_id}", headers=akasse).status_code == 200
    base = f"/api/v1/persons/{person_id}"
    today = date.today().isoformat()
    # A held interview is refused by the funds' reach table before the view; the CV's approval
    # (of a non-member) and a job centre's absence reason by the views' own rules.
    writes = [
        ("post", "/interviews", {"held_on": today, "form": "in_person", "agreement": "Aftale"}),
        ("put", "/cv/approval", {"status": "approved", "date": today}),
        ("post", "/absences", {"reason": "civic_duty", "first_day": today, "last_day": today}),
    ]
    codes = ["jobcentre_only", "caseworker_only", "caseworker_only"]
    for number, (method, path, body) in enumerate(writes):
        response = getattr(dfdg_client, method)(
            base + path, json=body, headers={**akasse, "Idempotency-Key": f"k-akasse-{number}"}
        )
        assert response.status_code == 403, (path, response.get_json())
        assert response.get_json()["code"] == codes[number], path
    assert [e[2] for e in _audit(dfdg_store) if e[0] == person_id][-3:] == ["denied"] * 3
