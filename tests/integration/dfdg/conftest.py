"""Fixtures for DFDG's own tests: the DFDG Flask app on its own database.

The database is a temporary SQLite file, or with JOBNET_TEST_DB=postgresql a database on the
suite's throwaway PostgreSQL cluster (tests/conftest.py). Migrated once per run; every test
starts from empty tables.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import text

from jobnet.db import Store
from jobnet.dfdg import create_dfdg_app
from jobnet.dfdg.demo import load_demo_data
from jobnet.dfdg.models.base import Base
from jobnet.dfdg.systems import NOTIFIER_OPERATIONS
from jobnet.environment import DEV_ASSERTION_KEY
from tests.dfdg_assertions import (
    DEV_PUBLIC,
    OTHER_SYSTEM_KEY,
    OTHER_SYSTEM_PUBLIC,
    AssertingClient,
    asserting,
    raw_client,
    register_system,
)
from tests.integration.dfdg.demo_people import DEMO_TODAY
from tests.integration.dfdg.jobseeker_helpers import TODAY, today_is

TOKEN = "test-token-of-jobnet-web"
OTHER_TOKEN = "test-token-of-other-system"
SYSTEM = "jobnet-web"
OTHER_SYSTEM = "other-system"


def _full_scope(key: dict[str, Any]) -> dict[str, Any]:
    return {
        "actor_types": ["citizen", "caseworker"],
        "organisations": "*",
        "operations": {"*": "write"},
        "system_operations": ["list_organisations", "get_organisation", *NOTIFIER_OPERATIONS],
        "keys": [key],
    }


SYSTEMS = {SYSTEM: _full_scope(DEV_PUBLIC), OTHER_SYSTEM: _full_scope(OTHER_SYSTEM_PUBLIC)}
register_system(TOKEN, SYSTEM, DEV_ASSERTION_KEY)
register_system(OTHER_TOKEN, OTHER_SYSTEM, OTHER_SYSTEM_KEY)


def dfdg_settings(database_url: str) -> dict[str, Any]:
    return {
        "TESTING": True,
        "DFDG_DATABASE_URL": database_url,
        "DFDG_SYSTEM_TOKENS": f"{SYSTEM}={TOKEN},{OTHER_SYSTEM}={OTHER_TOKEN}",
        "DFDG_SYSTEMS": json.dumps(SYSTEMS),
        "AUTO_MIGRATE": True,
        "LOAD_DEMO_DATA": False,
    }


def empty_dfdg_tables(store: Store) -> None:
    tables = list(reversed(Base.metadata.sorted_tables))
    with store.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            names = ", ".join(f'"{table.name}"' for table in tables)
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                connection.execute(table.delete())


@pytest.fixture(scope="session")
def dfdg_database_url(database_url_factory: Callable[[str], str]) -> str:
    return database_url_factory("dfdg_api")


@pytest.fixture(scope="session")
def _dfdg_app_once(dfdg_database_url: str) -> Iterator[Flask]:
    app = asserting(create_dfdg_app(dfdg_settings(dfdg_database_url)))
    yield app
    app.extensions["dfdg_store"].engine.dispose()


@pytest.fixture
def dfdg_app(_dfdg_app_once: Flask) -> Iterator[Flask]:
    """The DFDG app (migrated; empty tables but for the organisation registry, which every
    caseworker call needs; emptied again after the test)."""
    load_organisations(_dfdg_app_once.extensions["dfdg_store"])
    yield _dfdg_app_once
    empty_dfdg_tables(_dfdg_app_once.extensions["dfdg_store"])


def load_organisations(store: Store) -> None:
    """The demo job centres and a-kasse: the organisation registry."""
    from jobnet.demo_identities import DEMO_ORGANISATIONS
    from jobnet.dfdg.queries import organisations as organisation_queries

    with store.session() as session:
        for organisation in DEMO_ORGANISATIONS:
            organisation_queries.ensure(
                session,
                kind=organisation.kind,
                name=organisation.name,
                cvr=organisation.cvr,
                municipality_code=organisation.municipality_code,
            )


@pytest.fixture
def dfdg_store(dfdg_app: Flask) -> Store:
    return dfdg_app.extensions["dfdg_store"]


class CitizenNamingClient(AssertingClient):
    """The asserting test client (tests/dfdg_assertions.py), naming the citizen as the web app
    does.

    DFDG requires a citizen to name themself (X-Actor-Id) on every route under
    /persons/<person_id>. The web app always does; here a request with citizen headers that
    name no one is taken as the citizen the path names, so the rule tests need not repeat the
    id. `plain_dfdg_client` sends the headers as given (test_access_api checks the refusal)."""

    def open(self, *args: Any, **kwargs: Any) -> Any:
        headers = kwargs.get("headers")
        path = args[0] if args and isinstance(args[0], str) else ""
        found = PERSON_PATH.match(path)
        if isinstance(headers, dict) and found and headers.get("X-Actor-Type") == "citizen":
            kwargs["headers"] = {"X-Actor-Id": found.group(1), **headers}
        return super().open(*args, **kwargs)


PERSON_PATH = re.compile(r"/api/v1/persons/(?!lookup\b)([^/?]+)(?:[/?]|$)")


@pytest.fixture
def dfdg_client(dfdg_app: Flask) -> FlaskClient:
    """The DFDG app's test client; citizens name themself (see CitizenNamingClient)."""
    dfdg_app.test_client_class = CitizenNamingClient
    try:
        return dfdg_app.test_client()
    finally:
        asserting(dfdg_app)


@pytest.fixture
def plain_dfdg_client(dfdg_app: Flask) -> FlaskClient:
    """The DFDG app's test client making assertions of the X-Actor-* headers as given."""
    return dfdg_app.test_client()


@pytest.fixture
def raw_dfdg_client(dfdg_app: Flask) -> FlaskClient:
    """The DFDG app's test client, sending headers exactly as given (no assertion made)."""
    return raw_client(dfdg_app)


@pytest.fixture
def pinned_today(dfdg_app: Flask) -> Iterator[None]:
    """DFDG's today is TODAY of jobseeker_helpers (Monday 23 November 2026) while the test
    runs; a test module asks for it with `pytestmark = pytest.mark.usefixtures(...)`."""
    with today_is(dfdg_app, TODAY):
        yield


@pytest.fixture
def postgresql_only(dfdg_store: Store) -> None:
    """Skips the test but on PostgreSQL: concurrent transactions are proven there."""
    if dfdg_store.engine.dialect.name != "postgresql":
        pytest.skip("concurrent transactions are proven on PostgreSQL (JOBNET_TEST_DB=postgresql)")


@pytest.fixture
def pinned_demo_today(dfdg_app: Flask) -> Iterator[None]:
    """DFDG's today is DEMO_TODAY (20 October 2026) while the test runs."""
    with today_is(dfdg_app, DEMO_TODAY):
        yield


@pytest.fixture
def demo_data(dfdg_store: Store) -> None:
    with dfdg_store.session() as session:
        load_demo_data(session)


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def citizen(auth: dict[str, str]) -> dict[str, str]:
    """Headers of a call made by jobnet-web for a citizen on the web."""
    return {**auth, "X-Actor-Type": "citizen", "X-Channel": "web"}


@pytest.fixture
def caseworker(auth: dict[str, str]) -> dict[str, str]:
    return {
        **auth,
        "X-Actor-Type": "caseworker",
        "X-Actor-Id": "CVR:29190011-RID:41120001",
        "X-Actor-Name": "Hanne%20M%C3%B8ller",
        "X-Actor-Organisation": "29190011",
        "X-Purpose": "Samtale%20om%20jobs%C3%B8gning",
        "X-Channel": "web",
    }
