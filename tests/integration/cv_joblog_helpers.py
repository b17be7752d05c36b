"""Shared by the CV and job log page tests: an app with demo data on a fixed day, logged-in
citizens, form posts with the shown idempotency key, and DFDG's rows."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.test import TestResponse

from tests.helpers import csrf_token, login_citizen

TODAY = date(2026, 11, 25)  # a Wednesday
METTE = "1203851234"  # demo CV, joblog and plan
LARS = "0507921457"  # demo CV and joblog
ANNE = "0601983694"  # no CV, no joblog


@pytest.fixture
def page_app(make_app: Callable[..., Flask]) -> Flask:
    app = make_app(DFDG_FIXED_TODAY=TODAY.isoformat())
    from jobnet.dfdg.demo import load_demo_data

    with dfdg_store(app).session() as session:
        load_demo_data(session, TODAY)
    return app


@pytest.fixture
def citizen(page_app: Flask) -> Callable[[str], FlaskClient]:
    def login(cpr: str) -> FlaskClient:
        client = page_app.test_client()
        client.get("/language/en")
        login_citizen(client, cpr)
        return client

    return login


def dfdg_store(app: Flask) -> Any:
    return app.extensions["dfdg_app"].extensions["dfdg_store"]


def dfdg_rows(app: Flask, model: type[Any]) -> list[Any]:
    with dfdg_store(app).session() as session:
        return list(session.scalars(select(model)))


def person_id(app: Flask, cpr: str) -> str:
    from jobnet.dfdg.models.persons import Person

    with dfdg_store(app).session() as session:
        return str(session.scalars(select(Person.id).where(Person.cpr == cpr)).one())


def hidden(page: TestResponse, name: str) -> str:
    html = page.get_data(as_text=True)
    match = re.search(rf'name="{name}" type="hidden" value="([^"]*)"', html)
    assert match, f"no hidden {name}"
    return match.group(1)


def form_post(client: FlaskClient, path: str, data: dict[str, Any]) -> TestResponse:
    """Show the form, then post `data` with its CSRF token and idempotency key."""
    page = client.get(path)
    assert page.status_code == 200, (path, page.status_code)
    fields = {"csrf_token": csrf_token(page), "key": hidden(page, "key"), **data}
    return client.post(path, data=fields)


def date_fields(name: str, day: date | None) -> dict[str, str]:
    if day is None:
        return {f"{name}-day": "", f"{name}-month": "", f"{name}-year": ""}
    return {
        f"{name}-day": str(day.day),
        f"{name}-month": str(day.month),
        f"{name}-year": str(day.year),
    }


def errors(page: TestResponse) -> list[str]:
    html = page.get_data(as_text=True)
    return [
        re.sub(r"<[^>]+>", "", m).replace("Error:", "").strip()
        for m in re.findall(r'class="form-error-message"[^>]*>(.*?)</span>\s*(?:<|$)', html, re.S)
    ]


def audit_actions(app: Flask, pid: str) -> list[str]:
    from jobnet.dfdg.models.audit import AuditEntry

    with dfdg_store(app).session() as session:
        query = select(AuditEntry.action).where(AuditEntry.person_id == pid)
        return list(session.scalars(query.order_by(AuditEntry.id)))
