"""Every person-scoped operation of DFDG's API adds exactly one audit entry naming who acted:
a read, a write, and a refusal alike.

The test walks DFDG's registered operations, so an operation added tomorrow is walked too. A
write gets a body built from its own request model; a body that DFDG refuses as malformed fails
the test (the request never reached the person's data, so it proves nothing about the audit).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from enum import Enum
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from flask import Flask
from flask.testing import FlaskClient
from pydantic import AwareDatetime, BaseModel
from sqlalchemy import func, select

from jobnet.db import Store
from jobnet.dfdg.api.blueprint import api
from jobnet.dfdg.models.audit import AuditEntry
from jobnet.dfdg.openapi import Operation
from tests.integration.dfdg.jobseeker_helpers import TODAY, new_person, today_is

AARHUS = "0751"
COPENHAGEN = ZoneInfo("Europe/Copenhagen")
OTHER_ID = "00000000-0000-4000-8000-000000000000"  # an id of no record: the refusal is audited


def _person_scoped() -> list[Operation]:
    return [op for op in api.operations if "<person_id>" in op.rule]


def _example(annotation: Any) -> Any:
    """A plausible value of a pydantic field's type."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _example(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return _example(next(a for a in typing.get_args(annotation) if a is not type(None)))
    if origin is list:
        return [_example(typing.get_args(annotation)[0])]
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return next(iter(annotation)).value
    if annotation is AwareDatetime or annotation is datetime:
        moment = datetime.combine(TODAY + timedelta(days=7), time(10), tzinfo=COPENHAGEN)
        return moment.isoformat()
    if annotation is date:
        return TODAY.isoformat()
    if annotation is bool:
        return True
    if annotation is int:
        return 1
    if annotation is float:
        return 10.0
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _body(annotation)
    return "Test"


def _body(model: type[BaseModel] | None) -> dict[str, Any]:
    if model is None:
        return {}
    return {
        field.alias or name: _example(field.annotation)
        for name, field in model.model_fields.items()
        if field.is_required()
    }


def _path(operation: Operation, person_id: str) -> str:
    path = "/api/v1" + operation.rule.replace("<person_id>", person_id)
    path = path.replace("<int:number>", "1").replace("<record_type>", "registration")
    for part in ("absence_id", "entry_id", "summons_id", "record_id", "booking_id", "copy_id"):
        path = path.replace(f"<{part}>", OTHER_ID)
    return path


def _audit_entries(store: Store, person_id: str) -> list[AuditEntry]:
    with store.session() as session:
        return list(
            session.scalars(
                select(AuditEntry).where(AuditEntry.person_id == person_id).order_by(AuditEntry.id)
            )
        )


def _call(client: FlaskClient, operation: Operation, person_id: str, headers: dict[str, str]):
    extra = (
        {"Idempotency-Key": f"audit-{operation.endpoint}-{person_id}"}
        if operation.idempotent
        else {}
    )
    return client.open(
        _path(operation, person_id),
        method=operation.method,
        json=_body(operation.request_body) if operation.method != "GET" else None,
        headers={**headers, **extra},
    )


@pytest.fixture
def pinned_today(dfdg_app: Flask) -> Iterator[None]:
    with today_is(dfdg_app, TODAY):
        yield


def test_every_person_scoped_operation_is_walked() -> None:
    endpoints = {op.endpoint for op in _person_scoped()}
    assert {"record_interview", "get_person", "export_person", "create_absence"} <= endpoints


@pytest.mark.parametrize("operation", _person_scoped(), ids=lambda op: op.endpoint)
def test_a_caseworker_of_the_persons_job_centre_leaves_exactly_one_entry(
    operation: Operation,
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    caseworker: dict[str, str],
    pinned_today: None,
) -> None:
    person_id = new_person(dfdg_store, group=1, since=TODAY - timedelta(days=30))
    before = _audit_entries(dfdg_store, person_id)
    response = _call(dfdg_client, operation, person_id, caseworker)
    problem = response.get_json(silent=True) or {}
    assert not str(problem.get("type", "")).endswith("validation-error"), problem
    after = _audit_entries(dfdg_store, person_id)
    [entry] = after[len(before) :]
    assert entry.actor_type == "caseworker"
    assert entry.actor_id == "CVR:29190011-RID:41120001"
    assert entry.organisation == "29190011"


@pytest.mark.parametrize("operation", _person_scoped(), ids=lambda op: op.endpoint)
def test_a_refusal_to_another_municipalitys_caseworker_leaves_exactly_one_entry(
    operation: Operation,
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    caseworker: dict[str, str],
    pinned_today: None,
) -> None:
    person_id = new_person(dfdg_store, group=1, municipality_code=AARHUS)
    response = _call(dfdg_client, operation, person_id, caseworker)
    problem = response.get_json(silent=True) or {}
    assert not str(problem.get("type", "")).endswith("validation-error"), problem
    assert response.status_code in (403, 404), response.status_code
    [entry] = _audit_entries(dfdg_store, person_id)
    assert entry.actor_id == "CVR:29190011-RID:41120001"
    assert entry.outcome in ("denied", "not_found")


def test_the_audit_log_grows_by_one_entry_per_request_not_per_query(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str], pinned_today: None
) -> None:
    person_id = new_person(dfdg_store, group=1)
    for _ in range(3):
        dfdg_client.get(f"/api/v1/persons/{person_id}/front-page", headers=caseworker)
    with dfdg_store.session() as session:
        count = session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.person_id == person_id)
        )
    assert count == 3
