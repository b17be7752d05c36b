"""DFDG answers as its OpenAPI document says, for inputs the tests did not think of.

Schemathesis (a tool of another make) reads the document at /api/v1/openapi.json and, for every
operation, sends requests generated from the documented parameters and bodies: as a connected
system acting for a demo person, so most requests reach the rules rather than stopping at the
door. Every answer must be no 5xx, have a documented status code and content type, and match
the documented schema. A client generated from the document can rely on it.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import select

from jobnet.dfdg.models.persons import Person
from tests.integration.dfdg.conftest import TOKEN

METTE = "1203851234"
# CI sends the same few requests every run, so it cannot fail by chance; JOBNET_EXPLORE=1 (with
# more examples) looks for new ones, as was done before each change to the API.
EXPLORE = os.environ.get("JOBNET_EXPLORE") == "1"
EXAMPLES = 60 if EXPLORE else 6
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Actor headers are set by the test, so the generator's random ones do not hide the rules.
ACTOR_HEADERS = ("X-Actor-Type", "X-Actor-Id", "X-Actor-Name", "X-Actor-Organisation", "X-Purpose")


def _operations() -> list[tuple[str, str]]:
    import jobnet.dfdg.api  # noqa: F401 - registers every route in the document
    from jobnet.dfdg.api.blueprint import api

    return [
        (method.upper(), path)
        for path, item in api.document()["paths"].items()
        for method in item
        if method in {"get", "post", "put", "delete", "patch"}
    ]


@pytest.fixture
def dfdg_schema(dfdg_app: Flask) -> Any:
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", dfdg_app)


@pytest.fixture
def mette_id(dfdg_app: Flask, demo_data: None) -> str:
    with dfdg_app.extensions["dfdg_store"].session() as session:
        return str(session.scalars(select(Person.id).where(Person.cpr == METTE)).one())


def _as_system_for(case: Any, person_id: str) -> None:
    headers = {k: v for k, v in (case.headers or {}).items() if k not in ACTOR_HEADERS}
    case.headers = {
        **headers,
        "Authorization": f"Bearer {TOKEN}",
        "X-Actor-Type": "system",
        "X-Actor-Id": "conformance-test",
        "X-Channel": "system",
    }
    if case.path_parameters and "person_id" in case.path_parameters:
        case.path_parameters["person_id"] = person_id


@pytest.mark.parametrize(("method", "path"), _operations())
def test_every_operation_answers_as_documented(
    dfdg_schema: Any, mette_id: str, method: str, path: str
) -> None:
    operation = dfdg_schema[path][method]

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=not EXPLORE,  # the same requests every run; JOBNET_EXPLORE=1 for new ones
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def answers_as_documented(case: Any) -> None:
        _as_system_for(case, mette_id)
        case.call_and_validate(checks=CHECKS)

    answers_as_documented()
