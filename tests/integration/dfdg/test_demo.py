"""Demo data: loaded by the CLI command and at start-up, never twice."""

from __future__ import annotations

from typing import Any

from flask import Flask

from jobnet.db import Store
from jobnet.demo_identities import DEMO_ORGANISATIONS, DEMO_PERSONS
from jobnet.dfdg import create_dfdg_app
from jobnet.dfdg.models.persons import ContactGroupPeriod, Organisation, Person
from tests.integration.dfdg.conftest import dfdg_settings
from tests.integration.dfdg.helpers import count_rows, rows


def _counts(store: Store) -> tuple[int, int, int]:
    return (
        count_rows(store, Person),
        count_rows(store, Organisation),
        count_rows(store, ContactGroupPeriod),
    )


def test_load_demo_command_is_idempotent(dfdg_app: Flask, dfdg_store: Store) -> None:
    runner = dfdg_app.test_cli_runner()
    first = runner.invoke(args=["dfdg", "load-demo"])
    assert first.exit_code == 0, first.output
    assert f"{len(DEMO_PERSONS)} persons" in first.output
    loaded = _counts(dfdg_store)
    periods = sum(len(person.contact_groups) for person in DEMO_PERSONS)
    assert loaded == (len(DEMO_PERSONS), len(DEMO_ORGANISATIONS), periods)
    second = runner.invoke(args=["dfdg", "load-demo"])
    assert second.exit_code == 0
    assert "0 persons and 0 organisations" in second.output
    assert _counts(dfdg_store) == loaded


def test_migrate_command(dfdg_app: Flask) -> None:
    result = dfdg_app.test_cli_runner().invoke(args=["dfdg", "migrate"])
    assert result.exit_code == 0, result.output


def test_demo_data_loaded_at_start_up_only_when_empty(
    dfdg_app: Flask, dfdg_store: Store, dfdg_database_url: str
) -> None:
    settings: dict[str, Any] = {**dfdg_settings(dfdg_database_url), "LOAD_DEMO_DATA": True}
    for _ in range(2):
        app = create_dfdg_app(settings)
        app.extensions["dfdg_store"].engine.dispose()
    assert count_rows(dfdg_store, Person) == len(DEMO_PERSONS)
    protected = [person for person in rows(dfdg_store, Person) if person.address_protected]
    assert len(protected) == 1
