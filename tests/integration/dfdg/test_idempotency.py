"""Idempotency-Key on writes: replay, reuse with another body, per-system scope, races."""

from __future__ import annotations

import threading
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from jobnet.db import Store
from jobnet.dfdg.models.audit import AuditEntry, IdempotencyRecord
from jobnet.dfdg.models.persons import Person
from tests.integration.dfdg.conftest import OTHER_TOKEN
from tests.integration.dfdg.helpers import assert_problem, count_rows, error_fields

BODY = {"cpr": "0202024321", "given_name": "Karl", "family_name": "Holm"}


def _counts(store: Store) -> tuple[int, int, int]:
    return (
        count_rows(store, Person),
        count_rows(store, AuditEntry),
        count_rows(store, IdempotencyRecord),
    )


def test_missing_key_is_422_naming_the_header(
    dfdg_client: FlaskClient, citizen: dict[str, str], dfdg_store: Store
) -> None:
    response = dfdg_client.post("/api/v1/persons", json=BODY, headers=citizen)
    assert error_fields(assert_problem(response, 422, "validation-error")) == {
        "Idempotency-Key": "missing"
    }
    assert _counts(dfdg_store) == (0, 0, 0)


def test_invalid_key_is_422(dfdg_client: FlaskClient, citizen: dict[str, str]) -> None:
    response = dfdg_client.post(
        "/api/v1/persons", json=BODY, headers={**citizen, "Idempotency-Key": "x" * 201}
    )
    assert error_fields(assert_problem(response, 422, "validation-error")) == {
        "Idempotency-Key": "invalid"
    }


def test_replay_answers_the_first_answer_and_writes_nothing(
    dfdg_client: FlaskClient, citizen: dict[str, str], dfdg_store: Store
) -> None:
    headers = {**citizen, "Idempotency-Key": "form-123"}
    first = dfdg_client.post("/api/v1/persons", json=BODY, headers=headers)
    assert first.status_code == 201
    after_first = _counts(dfdg_store)
    assert after_first == (1, 1, 1)
    again = dfdg_client.post("/api/v1/persons", json=BODY, headers=headers)
    assert again.status_code == 201
    assert again.get_json() == first.get_json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert _counts(dfdg_store) == after_first


def test_same_key_with_another_body_is_422(
    dfdg_client: FlaskClient, citizen: dict[str, str], dfdg_store: Store
) -> None:
    headers = {**citizen, "Idempotency-Key": "form-456"}
    assert dfdg_client.post("/api/v1/persons", json=BODY, headers=headers).status_code == 201
    other = dfdg_client.post(
        "/api/v1/persons", json={**BODY, "given_name": "Carl"}, headers=headers
    )
    assert_problem(other, 422, "idempotency-key-reused")
    assert _counts(dfdg_store) == (1, 1, 1)


def test_rejected_write_stores_no_key(
    dfdg_client: FlaskClient, citizen: dict[str, str], dfdg_store: Store
) -> None:
    headers = {**citizen, "Idempotency-Key": "form-789"}
    bad = dfdg_client.post("/api/v1/persons", json={**BODY, "cpr": "1"}, headers=headers)
    assert_problem(bad, 422, "validation-error")
    assert _counts(dfdg_store) == (0, 0, 0)


def test_keys_are_scoped_per_connected_system(
    dfdg_client: FlaskClient, citizen: dict[str, str], dfdg_store: Store
) -> None:
    headers = {**citizen, "Idempotency-Key": "shared-key"}
    assert dfdg_client.post("/api/v1/persons", json=BODY, headers=headers).status_code == 201
    other_system = {**headers, "Authorization": f"Bearer {OTHER_TOKEN}"}
    other_body = {**BODY, "cpr": "0303034321"}
    response = dfdg_client.post("/api/v1/persons", json=other_body, headers=other_system)
    assert response.status_code == 201
    assert count_rows(dfdg_store, IdempotencyRecord) == 2


def _post_concurrently(app: Flask, headers: dict[str, str], copies: int) -> list[Any]:
    barrier = threading.Barrier(copies)
    results: list[Any] = [None] * copies

    def post(index: int) -> None:
        client = app.test_client()
        barrier.wait()
        response = client.post("/api/v1/persons", json=BODY, headers=headers)
        results[index] = (response.status_code, response.get_json())

    threads = [threading.Thread(target=post, args=(i,)) for i in range(copies)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_concurrent_duplicates_write_once(
    dfdg_app: Flask, citizen: dict[str, str], dfdg_store: Store
) -> None:
    headers = {**citizen, "Idempotency-Key": "double-click"}
    results = _post_concurrently(dfdg_app, headers, 4)
    assert _counts(dfdg_store) == (1, 1, 1)
    person_ids = {body["person_id"] for status, body in results if status in (200, 201)}
    statuses = sorted(status for status, _ in results)
    assert len(person_ids) == 1
    assert set(statuses) <= {201, 409}
    assert statuses.count(201) >= 1


def test_concurrent_creation_with_different_keys_makes_one_person(
    dfdg_app: Flask, citizen: dict[str, str], dfdg_store: Store
) -> None:
    barrier = threading.Barrier(3)
    statuses: list[int] = []

    def post(key: str) -> None:
        client = dfdg_app.test_client()
        barrier.wait()
        response = client.post(
            "/api/v1/persons", json=BODY, headers={**citizen, "Idempotency-Key": key}
        )
        statuses.append(response.status_code)

    threads = [threading.Thread(target=post, args=(f"key-{i}",)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert count_rows(dfdg_store, Person) == 1
    assert statuses.count(201) == 1
    assert set(statuses) <= {200, 201, 409}
