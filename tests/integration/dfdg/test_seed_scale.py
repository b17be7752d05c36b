"""The scale seeding (COPY, PostgreSQL only): the rows it promises, readable through the API."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from jobnet.db import Store
from jobnet.dfdg.models.audit import AuditEntry
from jobnet.dfdg.models.cv import JoblogEntry
from jobnet.dfdg.models.persons import Person
from jobnet.dfdg.models.registrations import Absence, Registration
from jobnet.dfdg.seed import seed_cpr, seed_person_id, seed_scale
from tests.integration.dfdg.helpers import count_rows


@pytest.fixture
def postgresql_store(dfdg_store: Store, backend: str) -> Store:
    if backend != "postgresql":
        pytest.skip("seed-scale uses COPY: PostgreSQL only")
    return dfdg_store


def test_seeding_writes_the_persons_and_records_it_promises(
    postgresql_store: Store, dfdg_app: Flask, dfdg_client: FlaskClient, auth: dict[str, str]
) -> None:
    written = seed_scale(postgresql_store.engine, persons=40, records=440, report=lambda _: None)
    # 40 persons; the 400 other records: 30 % holidays, 20 % joblog entries, the rest audit.
    assert written == {
        "persons": 40,
        "contact_group_periods": 40,
        "registrations": 40,
        "absences": 120,
        "joblog_entries": 80,
        "audit_entries": 200,
    }
    assert count_rows(postgresql_store, Person) == 40
    assert count_rows(postgresql_store, Registration) == 40
    assert count_rows(postgresql_store, Absence) == 120
    assert count_rows(postgresql_store, JoblogEntry) == 80
    assert count_rows(postgresql_store, AuditEntry) == 200

    # A system with no person acting may not look persons up (issue 21): read the row.
    with postgresql_store.session() as session:
        person_id = session.scalars(select(Person.id).where(Person.cpr == seed_cpr(7))).one()
    assert person_id == seed_person_id(7)
    citizen = {**auth, "X-Actor-Type": "citizen", "X-Actor-Id": person_id, "X-Channel": "web"}
    status = dfdg_client.get(f"/api/v1/persons/{person_id}/status", headers=citizen)
    assert status.status_code == 200, status.get_json()
    assert status.get_json()["registration"]["category"] == "unemployment_benefit"
    joblog = dfdg_client.get(f"/api/v1/persons/{person_id}/joblog", headers=citizen)
    assert joblog.status_code == 200, joblog.get_json()
    assert len(joblog.get_json()["entries"]) == 2
