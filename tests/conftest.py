"""Shared fixtures: the database backend, `app`, `client`, `runner`.

The backend is chosen by JOBNET_TEST_DB: `sqlite` (default; temporary files) or `postgresql` (a
throwaway PostgreSQL cluster this suite starts itself, or JOBNET_TEST_PG_URL if given). Each
store's schema is made once per run by its Alembic migrations; every test starts from empty
tables.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy import Engine, MetaData, text

from jobnet.web import create_app

BACKEND = os.environ.get("JOBNET_TEST_DB", "sqlite")


@pytest.hookimpl(tryfirst=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """`-n N` without `--dist`: share the tests out as tests/scheduling.py says."""
    if config.getvalue("dist") != "load":
        return None
    from tests.scheduling import CrawlsTogether

    return CrawlsTogether(config, log)


@pytest.fixture(scope="session")
def backend() -> str:
    return BACKEND


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Any]:
    if BACKEND != "postgresql":
        pytest.skip("PostgreSQL runs only with JOBNET_TEST_DB=postgresql")
    from tests.pg_cluster import PostgresCluster

    cluster = PostgresCluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def database_url_factory(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[str], str]:
    """Make a new, empty database named `name` on the backend and return its URL."""
    tmp: Path = tmp_path_factory.mktemp("db")

    def make(name: str) -> str:
        if BACKEND == "postgresql":
            cluster = request.getfixturevalue("pg_cluster")
            return cluster.create_database(f"{name}_{uuid.uuid4().hex[:8]}")
        return f"sqlite:///{tmp / name}.sqlite"

    return make


@pytest.fixture(scope="session")
def database_urls(database_url_factory: Callable[[str], str]) -> dict[str, str]:
    return {"web": database_url_factory("web"), "dfdg": database_url_factory("dfdg")}


@pytest.fixture(scope="session")
def test_settings(
    database_urls: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    instance = tmp_path_factory.mktemp("instance")
    return {
        "DATABASE_URL": database_urls["web"],
        "DFDG_DATABASE_URL": database_urls["dfdg"],
        "MITID_SIM_KEY_PATH": str(instance / "mitid-sim-key.json"),
        "PUBLIC_BASE_URL": "http://localhost",
    }


@pytest.fixture(scope="session")
def _migrated(test_settings: dict[str, Any]) -> None:
    """Run both stores' migrations once per test run."""
    app = create_app("test", **test_settings, AUTO_MIGRATE=True)
    _dispose(app)


def _dispose(app: Flask) -> None:
    app.extensions["web_store"].engine.dispose()
    for relying_party in app.extensions.get("oidc", {}).values():
        relying_party.close()
    dfdg_app = app.extensions.get("dfdg_app")
    if dfdg_app is not None:
        dfdg_app.extensions["dfdg_store"].engine.dispose()


def empty_tables(engine: Engine, metadata: MetaData) -> None:
    tables = [t for t in reversed(metadata.sorted_tables)]
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                connection.execute(table.delete())


def _empty_all(app: Flask) -> None:
    from jobnet.web.store.models import Base as WebBase

    empty_tables(app.extensions["web_store"].engine, WebBase.metadata)
    dfdg_app = app.extensions.get("dfdg_app")
    if dfdg_app is not None:
        from jobnet.dfdg.models.base import Base as DfdgBase

        empty_tables(dfdg_app.extensions["dfdg_store"].engine, DfdgBase.metadata)


@pytest.fixture
def make_app(_migrated: None, test_settings: dict[str, Any]) -> Iterator[Callable[..., Flask]]:
    """Build a test app with setting overrides; every app made is emptied and disposed after."""
    made: list[Flask] = []

    def make(**overrides: Any) -> Flask:
        settings = {**test_settings, "AUTO_MIGRATE": False, **overrides}
        app = create_app("test", **settings)
        made.append(app)
        return app

    yield make
    for app in made:
        _empty_all(app)
        _dispose(app)


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


@pytest.fixture
def demo(app: Flask) -> Flask:
    """The app with DFDG's demo persons and organisations loaded."""
    from jobnet.dfdg.demo import load_demo_data

    with app.extensions["dfdg_app"].extensions["dfdg_store"].session() as session:
        load_demo_data(session)
    return app
