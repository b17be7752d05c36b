"""Helpers for the tests of registrations, absences and status: a fixed today, persons, posts."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from jobnet.db import Store
from jobnet.dfdg.clock import FIXED_TODAY_SETTING
from jobnet.dfdg.models.audit import AuditEntry
from jobnet.dfdg.queries import persons as person_queries

TODAY = date(2026, 11, 23)
LONG_AGO = date(2024, 1, 15)


def days(n: int) -> date:
    """TODAY moved n days (negative: back)."""
    return TODAY + timedelta(days=n)


@contextmanager
def today_is(app: Flask, day: date) -> Iterator[None]:
    """Pin DFDG's today while the block runs."""
    before = app.config.get(FIXED_TODAY_SETTING)
    app.config[FIXED_TODAY_SETTING] = day
    try:
        yield
    finally:
        app.config[FIXED_TODAY_SETTING] = before


def new_person(
    store: Store,
    cpr: str = "0101901234",
    *,
    group: int | None = None,
    match: int | None = None,
    since: date = LONG_AGO,
    municipality_code: str = "0101",
) -> str:
    """A person (given name Test) living in `municipality_code` (København by default, the
    demo caseworkers' job centre), in `group` since `since` when a group is given."""
    with store.session() as session:
        claims = person_queries.PersonClaims(
            cpr=cpr, given_name="Test", family_name="Person", municipality_code=municipality_code
        )
        person, _ = person_queries.ensure(session, claims)
        if group is not None:
            person_queries.add_period(session, person, group, match, since)
        session.flush()
        return person.id


def post(
    client: FlaskClient,
    path: str,
    body: dict[str, Any],
    headers: dict[str, str],
    key: str | None = None,
) -> Any:
    """POST a write under /api/v1 with an Idempotency-Key (a new one unless given)."""
    return client.post(
        "/api/v1" + path,
        json=body,
        headers={**headers, "Idempotency-Key": key or str(uuid.uuid4())},
    )


def get(client: FlaskClient, path: str, headers: dict[str, str]) -> Any:
    return client.get("/api/v1" + path, headers=headers)


def registration_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "category": "unemployment_benefit",
        "start_date": TODAY.isoformat(),
        "degree": "full_time",
        "job_titles": ["Tømrer"],
    }
    return {**body, **overrides}


def audit_actions(store: Store, person_id: str | None = None) -> list[tuple[str, str]]:
    """(action, outcome) of the audit entries, oldest first; of one person when given."""
    query = select(AuditEntry).order_by(AuditEntry.id)
    if person_id is not None:
        query = query.where(AuditEntry.person_id == person_id)
    with store.session() as session:
        return [(entry.action, entry.outcome) for entry in session.scalars(query)]


def rule_code(response: Any, status: int = 422) -> tuple[str, dict[str, str]]:
    """The broken rule's code and {field: code} of a rule problem."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["status"] == status
    assert body["title"] and body["detail"]
    return body["code"], {error["field"]: error["code"] for error in body["errors"]}
