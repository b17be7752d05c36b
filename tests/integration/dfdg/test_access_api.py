"""DFDG itself decides who reaches whose data: a job centre only its own municipality's
citizens, a citizen only themself; every refusal is audited."""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlalchemy import select

from jobnet.db import Store
from jobnet.dfdg.models import AuditEntry
from tests.integration.dfdg.jobseeker_helpers import new_person

AARHUS = "0751"


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


def test_lookup_by_cpr_outside_the_organisation_is_refused(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    new_person(dfdg_store, "0202901234", municipality_code=AARHUS)
    response = dfdg_client.post(
        "/api/v1/persons/lookup", json={"cpr": "0202901234"}, headers=caseworker
    )
    assert response.status_code == 403
    assert _audit(dfdg_store)[-1][1:] == ("person.lookup", "denied")


def test_a_caseworker_must_state_a_purpose(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    person_id = new_person(dfdg_store)
    headers = {k: v for k, v in caseworker.items() if k != "X-Purpose"}
    response = dfdg_client.get(f"/api/v1/persons/{person_id}", headers=headers)
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "X-Purpose"


def test_an_unknown_organisation_or_an_akasse_without_members_sees_no_one(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    person_id = new_person(dfdg_store)
    for cvr in ("12345678", "39190021"):
        headers = {**caseworker, "X-Actor-Organisation": cvr}
        assert dfdg_client.get(f"/api/v1/persons/{person_id}", headers=headers).status_code == 403


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
