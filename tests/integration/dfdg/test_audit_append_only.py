"""On PostgreSQL, DFDG's audit log cannot be changed or shortened: a trigger refuses UPDATE
and DELETE (issue 21, section 5). Runs with JOBNET_TEST_DB=postgresql."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from jobnet.db import Store
from tests.integration.dfdg.jobseeker_helpers import new_person


@pytest.fixture
def on_postgresql(dfdg_store: Store) -> None:
    if dfdg_store.engine.dialect.name != "postgresql":
        pytest.skip("the append-only trigger is PostgreSQL's (JOBNET_TEST_DB=postgresql)")


def _count(store: Store) -> int:
    with store.engine.connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM audit_entries")).scalar_one())


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_entries SET actor_id = 'someone else'",
        "UPDATE audit_entries SET outcome = 'denied'",
        "DELETE FROM audit_entries",
    ],
)
def test_the_audit_log_refuses_update_and_delete(
    on_postgresql: None,
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    caseworker: dict[str, str],
    statement: str,
) -> None:
    person_id = new_person(dfdg_store)
    assert dfdg_client.get(f"/api/v1/persons/{person_id}", headers=caseworker).status_code == 200
    before = _count(dfdg_store)
    assert before >= 1
    with pytest.raises(DBAPIError, match="append-only"), dfdg_store.engine.begin() as connection:
        connection.execute(text(statement))
    assert _count(dfdg_store) == before
    # Appending still works.
    assert dfdg_client.get(f"/api/v1/persons/{person_id}", headers=caseworker).status_code == 200
    assert _count(dfdg_store) == before + 1
