"""Helpers for the tests of registrations, absences, status and duties: a fixed today, persons,
posts, a registration, a plan, a summons, and the statements a request runs."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event, select

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


def as_person(citizen: dict[str, str], person_id: str) -> dict[str, str]:
    """The citizen's headers acting as the person."""
    return {**citizen, "X-Actor-Id": person_id}


def registered(
    client: FlaskClient, store: Store, citizen: dict[str, str], cpr: str = "0101901234"
) -> str:
    """A new person, registered as a jobseeker from TODAY by the citizen's headers."""
    person_id = new_person(store, cpr)
    response = post(client, f"/persons/{person_id}/registrations", registration_body(), citizen)
    assert response.status_code == 201, response.get_data(as_text=True)
    return person_id


def add_plan(
    client: FlaskClient, person_id: str, caseworker: dict[str, str], per_week: int = 0
) -> None:
    """A job plan with `per_week` applications a week and no measures."""
    body = {"targets": ["Tømrer"], "applications_per_week": per_week, "measures": []}
    response = post(client, f"/persons/{person_id}/plans", body, caseworker)
    assert response.status_code == 201, response.get_data(as_text=True)


def add_summons(
    client: FlaskClient,
    person_id: str,
    caseworker: dict[str, str],
    starts_at: str = "2026-12-10T10:00:00+01:00",
    letter_sent: date = TODAY,
) -> str:
    """A summons to a follow-up interview by phone; its id."""
    body = {
        "starts_at": starts_at,
        "duration_minutes": 30,
        "form": "phone",
        "type": "follow_up",
        "letter_sent_date": letter_sent.isoformat(),
        "contact_options": "Ring på 33 17 33 17",
    }
    response = post(client, f"/persons/{person_id}/summons", body, caseworker)
    assert response.status_code == 201, response.get_data(as_text=True)
    return str(response.get_json()["id"])


@contextmanager
def statements_run(store: Store) -> Iterator[list[str]]:
    """The SQL statements run on the store while the block runs, but the audit's inserts."""
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not statement.lstrip().upper().startswith("INSERT INTO AUDIT_ENTRIES"):
            statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
