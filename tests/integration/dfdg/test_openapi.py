"""The OpenAPI document: valid 3.1, and describing every route of the API blueprint."""

from __future__ import annotations

import json
import re
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from openapi_spec_validator import validate

PROBLEM_REF = "#/components/schemas/Problem"


def _document(client: FlaskClient) -> dict[str, Any]:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def _api_rules(app: Flask) -> list[tuple[str, set[str]]]:
    found = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("dfdg_api."):
            path = re.sub(r"<(?:[a-z_]+:)?([a-z_]+)>", r"{\1}", rule.rule)
            found.append((path, set(rule.methods or ()) - {"HEAD", "OPTIONS"}))
    return found


def test_document_is_valid_openapi_3_1(dfdg_client: FlaskClient) -> None:
    document = _document(dfdg_client)
    assert document["openapi"].startswith("3.1")
    validate(document)
    assert document["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"


def test_every_route_is_described_with_its_methods(
    dfdg_app: Flask, dfdg_client: FlaskClient
) -> None:
    paths = _document(dfdg_client)["paths"]
    rules = _api_rules(dfdg_app)
    assert len(rules) >= 9
    for path, methods in rules:
        assert path in paths, path
        assert {method.lower() for method in methods} <= set(paths[path]), path
    assert len(paths) == len({path for path, _ in rules})


def test_every_error_answer_is_a_problem(dfdg_client: FlaskClient) -> None:
    paths = _document(dfdg_client)["paths"]
    for path, operations in paths.items():
        for method, operation in operations.items():
            public = operation.get("security") == []
            expected = {"500"} | (set() if public else {"401"})
            if "requestBody" in operation:
                expected |= {"400", "422"}
            if "{person_id}" in path:
                expected |= {"404", "422"}
            if any(p["name"] == "Idempotency-Key" for p in operation["parameters"]):
                expected |= {"409", "422"}
            assert expected <= set(operation["responses"]), (method, path)
            for status in expected:
                content = operation["responses"][status]["content"]
                schema = content["application/problem+json"]["schema"]
                assert schema == {"$ref": PROBLEM_REF}, (method, path, status)


def test_person_calls_document_actor_headers_and_writes_the_key(
    dfdg_client: FlaskClient,
) -> None:
    paths = _document(dfdg_client)["paths"]
    create = paths["/api/v1/persons"]["post"]
    headers = {p["name"]: p["required"] for p in create["parameters"] if p["in"] == "header"}
    # Who acts is the assertion; without it the system acts as itself, so it is optional.
    assert headers["X-Actor-Assertion"] is False
    assert headers["Idempotency-Key"] is True
    assert not {"X-Actor-Type", "X-Actor-Id", "X-Purpose", "X-Channel"} & set(headers)
    assert set(create["responses"]) >= {"200", "201"}
    audit = paths["/api/v1/persons/{person_id}/audit-log"]["get"]
    query = {p["name"] for p in audit["parameters"] if p["in"] == "query"}
    assert query == {"from", "to", "actor_type", "limit", "before"}


def test_every_schema_reference_resolves(dfdg_client: FlaskClient) -> None:
    document = _document(dfdg_client)
    schemas = document["components"]["schemas"]
    refs = set(re.findall(r'"\$ref": "#/components/schemas/([^"]+)"', json.dumps(document)))
    assert refs
    assert refs <= set(schemas)
