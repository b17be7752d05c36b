"""Authentication and the JSON error answers of the DFDG app."""

from __future__ import annotations

from flask.testing import FlaskClient

from jobnet.db import Store
from tests.integration.dfdg.helpers import assert_problem, error_fields
from tests.integration.dfdg.jobseeker_helpers import new_person


def test_health_needs_no_token(dfdg_client: FlaskClient) -> None:
    response = dfdg_client.get("/api/v1/health")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


def test_liveness_needs_no_token_and_no_database(dfdg_client: FlaskClient) -> None:
    response = dfdg_client.get("/api/v1/live")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_missing_token_is_401_with_challenge(dfdg_client: FlaskClient) -> None:
    response = dfdg_client.get("/api/v1/organisations")
    body = assert_problem(response, 401, "unauthorized")
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert "Bearer" in body["detail"]


def test_wrong_token_is_401_with_invalid_token(dfdg_client: FlaskClient) -> None:
    response = dfdg_client.get(
        "/api/v1/organisations", headers={"Authorization": "Bearer not-a-token"}
    )
    assert_problem(response, 401, "unauthorized")
    assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]


def test_basic_auth_is_not_accepted(dfdg_client: FlaskClient) -> None:
    response = dfdg_client.get(
        "/api/v1/organisations", headers={"Authorization": "Basic dXNlcjpwYXNz"}
    )
    assert_problem(response, 401, "unauthorized")


def test_unknown_route_is_json_404(dfdg_client: FlaskClient, auth: dict[str, str]) -> None:
    assert_problem(dfdg_client.get("/api/v1/nothing-here", headers=auth), 404, "not-found")
    assert_problem(dfdg_client.get("/"), 404, "not-found")


def test_wrong_method_is_json_405(dfdg_client: FlaskClient, auth: dict[str, str]) -> None:
    response = dfdg_client.delete("/api/v1/organisations", headers=auth)
    assert_problem(response, 405, "method-not-allowed")
    assert "GET" in response.headers["Allow"]


def test_unexpected_error_is_json_500(dfdg_client: FlaskClient, auth: dict[str, str]) -> None:
    app = dfdg_client.application

    def broken() -> None:
        raise RuntimeError("boom")

    app.view_functions["dfdg_api.list_organisations"], saved = (
        broken,
        app.view_functions["dfdg_api.list_organisations"],
    )
    try:
        response = dfdg_client.get("/api/v1/organisations", headers=auth)
    finally:
        app.view_functions["dfdg_api.list_organisations"] = saved
    body = assert_problem(response, 500, "internal-error")
    assert "boom" not in body.get("detail", "")


def test_text_with_a_nul_character_is_422_naming_the_field(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict[str, str]
) -> None:
    """PostgreSQL cannot store NUL in text: refused as bad input, never a 500 (found by the
    OpenAPI conformance test)."""
    person_id = new_person(dfdg_store)
    response = dfdg_client.post(
        f"/api/v1/persons/{person_id}/cv/skills",
        json={"name": "Truck\u0000kort", "reference": "JN-1\u0000"},
        headers={**citizen, "Idempotency-Key": "nul-1"},
    )
    body = assert_problem(response, 422, "validation-error")
    assert error_fields(body) == {"name": "nul_character", "reference": "nul_character"}
    listed = dfdg_client.get(
        f"/api/v1/persons/{person_id}/audit-log",
        query_string={"actor_type": "x\u0000"},
        headers=citizen,
    )
    assert error_fields(assert_problem(listed, 422, "validation-error")) == {
        "actor_type": "nul_character"
    }
