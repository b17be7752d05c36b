"""Copies of applications agreed by the calendar month through DFDG's API (issue 22 gap 2): the
plan stores the period and checks the month's bound (`copies_out_of_range`); the duties judge
the month from its first day, by the version in force then, until its last day."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobnet.db import Store
from tests.integration.dfdg.jobseeker_helpers import (
    TODAY,
    get,
    new_person,
    post,
    registration_body,
    rule_code,
    today_is,
)
from tests.integration.dfdg.test_joblog_api import entry

DECEMBER_3 = date(2026, 12, 3)
PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture(autouse=True)
def fixed_today(dfdg_app: Flask) -> Iterator[None]:
    with today_is(dfdg_app, TODAY):
        yield


def _month(client: FlaskClient, person_id: str, headers: dict[str, str]) -> dict[str, Any]:
    duties = get(client, f"/persons/{person_id}/duties", headers).get_json()["duties"]
    return next(d for d in duties if d["key"] == "joblog-copies:2026-12")


def test_copies_agreed_a_month_are_stored_checked_and_judged_by_the_month(
    dfdg_app: Flask,
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    citizen: dict[str, str],
    caseworker: dict[str, str],
) -> None:
    person_id = new_person(dfdg_store)
    registered = post(
        dfdg_client, f"/persons/{person_id}/registrations", registration_body(), citizen
    )
    assert registered.status_code == 201, registered.get_data(as_text=True)
    me = {**citizen, "X-Actor-Id": person_id}
    plan = {"targets": ["Tømrer"], "applications_per_week": 2, "measures": []}
    path = f"/persons/{person_id}/plans"
    monthly = {**plan, "copies_period": "month"}
    too_many = post(dfdg_client, path, {**monthly, "copies_per_week": 9}, caseworker)
    assert too_many.status_code == 422 and rule_code(too_many)[0] == "copies_out_of_range"
    unknown = post(dfdg_client, path, {**plan, "copies_period": "year"}, caseworker)
    assert unknown.status_code == 422
    made = post(dfdg_client, path, {**monthly, "copies_per_week": 8}, caseworker)
    assert made.status_code == 201, made.get_data(as_text=True)
    current = made.get_json()["current"]
    assert (current["copies_per_week"], current["copies_period"]) == (8, "month")
    made = post(
        dfdg_client,
        f"/persons/{person_id}/plan/revisions",
        {**monthly, "copies_per_week": 1},
        caseworker,
    )
    assert made.status_code in (200, 201), made.get_data(as_text=True)

    with today_is(dfdg_app, DECEMBER_3):
        base = f"/persons/{person_id}/joblog"
        sent = post(dfdg_client, base, {**entry(), "applied_on": "2026-12-02"}, me)
        assert sent.status_code == 201, sent.get_data(as_text=True)
        month = _month(dfdg_client, person_id, me)
        assert (month["state"], month["deadline"], month["month"]) == (
            "to_do",
            "2026-12-31",
            "2026-12-01",
        )
        assert (month["copies_required"], month["copies"]) == (1, 0)
        duties = get(dfdg_client, f"/persons/{person_id}/duties", me).get_json()["duties"]
        weeks = [d for d in duties if d["key"].startswith("joblog:")]
        assert weeks and all(d["copies_required"] is None for d in weeks)
        copy = {"filename": "a.pdf", "content": base64.b64encode(PDF).decode("ascii")}
        added = post(dfdg_client, f"{base}/{sent.get_json()['id']}/copies", {"copies": [copy]}, me)
        assert added.status_code in (200, 201), added.get_data(as_text=True)
        assert _month(dfdg_client, person_id, me)["state"] == "done"
