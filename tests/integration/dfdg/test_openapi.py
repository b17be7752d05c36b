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
            path = re.sub(r"<(?:[a-z_]+:)?([a-z_]+)>", r"{\1}", rule.rule.removeprefix("/api/v1"))
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
    create = paths["/persons"]["post"]
    headers = {p["name"]: p["required"] for p in create["parameters"] if p["in"] == "header"}
    # Who acts is the assertion; without it the system acts as itself, so it is optional.
    assert headers["X-Actor-Assertion"] is False
    assert headers["Idempotency-Key"] is True
    assert not {"X-Actor-Type", "X-Actor-Id", "X-Purpose", "X-Channel"} & set(headers)
    assert set(create["responses"]) >= {"200", "201"}
    audit = paths["/persons/{person_id}/audit-log"]["get"]
    query = {p["name"] for p in audit["parameters"] if p["in"] == "query"}
    assert query == {"from", "to", "actor_type", "limit", "before"}


def test_every_schema_reference_resolves(dfdg_client: FlaskClient) -> None:
    document = _document(dfdg_client)
    schemas = document["components"]["schemas"]
    refs = set(re.findall(r'"\$ref": "#/components/schemas/([^"]+)"', json.dumps(document)))
    assert refs
    assert refs <= set(schemas)


def test_servers_give_the_path_the_api_is_mounted_at(dfdg_client: FlaskClient) -> None:
    """A client joins `servers[0].url` and a path: that must be a route that answers."""
    document = _document(dfdg_client)
    assert document["servers"] == [{"url": "/api/v1"}]
    assert not any(path.startswith("/api/v1") for path in document["paths"])
    assert dfdg_client.get(document["servers"][0]["url"] + "/health").status_code == 200


def test_servers_follow_the_mount_point_when_embedded_in_the_web_app(
    client: FlaskClient,
) -> None:
    """The web app serves DFDG at /dfdg too (embedded default); its document says so."""
    document = client.get("/dfdg/api/v1/openapi.json").get_json()
    base = document["servers"][0]["url"]
    assert base == "/dfdg/api/v1"
    assert client.get(base + "/live").get_json() == {"status": "ok"}


def _header_schemas(operation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["name"]: p["schema"] for p in operation["parameters"] if p["in"] == "header"}


def test_actor_and_idempotency_headers_are_described_with_their_formats(
    dfdg_client: FlaskClient,
) -> None:
    create = _document(dfdg_client)["paths"]["/persons"]["post"]
    headers = _header_schemas(create)
    assertion = headers["X-Actor-Assertion"]
    assert re.fullmatch(assertion["pattern"], "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiIxIn0.c2ln")
    assert not re.search(assertion["pattern"], "citizen")
    key = headers["Idempotency-Key"]
    assert (key["minLength"], key["maxLength"]) == (1, 200)
    assert re.fullmatch(key["pattern"], "abc-123_!~")
    assert not re.search(key["pattern"], "with space")


def test_every_json_answer_documents_no_store_and_nosniff(dfdg_client: FlaskClient) -> None:
    for path, operations in _document(dfdg_client)["paths"].items():
        for method, operation in operations.items():
            for status, answer in operation["responses"].items():
                if "content" not in answer:
                    continue
                headers = answer.get("headers", {})
                where = (method, path, status)
                assert headers["Cache-Control"]["required"] is True, where
                assert headers["Cache-Control"]["schema"]["const"] == "no-store", where
                assert headers["X-Content-Type-Options"]["schema"]["const"] == "nosniff", where


def test_json_answers_carry_no_store_and_nosniff(
    dfdg_client: FlaskClient, auth: dict[str, str]
) -> None:
    answers = [
        dfdg_client.get("/api/v1/health"),
        dfdg_client.get("/api/v1/openapi.json"),
        dfdg_client.get("/api/v1/organisations", headers=auth),
        dfdg_client.get("/api/v1/organisations"),  # 401 problem
        dfdg_client.get("/api/v1/no-such-route", headers=auth),  # 404 problem
    ]
    for response in answers:
        assert response.headers["Cache-Control"] == "no-store", response.request.path
        assert response.headers["X-Content-Type-Options"] == "nosniff", response.request.path
