"""Leftovers 1 on the pages: a deregistration from a coming day ends the open sickness on the
last registered day; the date question, the receipt and Min side say so, and from the
deregistration day the person is no longer sick anywhere."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.helpers import login_citizen
from tests.integration.test_journeys import (
    METTE,
    TODAY,
    answer,
    date_fields,
    dfdg_rows,
    report_sickness,
    submit,
)


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    app = make_app(DFDG_FIXED_TODAY=TODAY.isoformat())
    from jobnet.dfdg.demo import load_demo_data

    with app.extensions["dfdg_app"].extensions["dfdg_store"].session() as session:
        load_demo_data(session)
    return app


@pytest.fixture
def mette(app: Flask) -> FlaskClient:
    client = app.test_client()
    client.get("/language/en")
    login_citizen(client, METTE)
    return client


def _deregister(client: FlaskClient, days: int) -> str:
    client.get("/afmelding/")
    page = client.get("/afmelding/dato").get_data(as_text=True)
    assert "You are reported sick from 17 November 2026: your sickness ends the day" in page
    answer(client, "/afmelding/dato", date_fields("when", TODAY + timedelta(days=days)))
    answer(client, "/afmelding/aarsag", {"reason": "job_as_employee"})
    response = submit(client, "afmelding")
    assert response.status_code == 302
    return client.get(response.location).get_data(as_text=True)


def test_the_receipt_and_min_side_say_the_sickness_ends_with_the_registration(
    mette: FlaskClient, app: Flask
) -> None:
    report_sickness(mette, TODAY - timedelta(days=5))
    receipt = _deregister(mette, 10)
    assert "Your sickness from 17 November 2026 ends with your registration: its last day is" in (
        receipt
    )
    assert "1 December 2026" in receipt
    page = mette.get("/min-side/").get_data(as_text=True)
    assert "You are reported sick from 17 November 2026" in page
    assert "It ends on 1 December 2026, the last day before you are deregistered" in page
    sickness = [a for a in dfdg_rows(app, "Absence") if a.reason == "sickness" and a.end_cause]
    assert [(a.last_day, a.end_cause) for a in sickness] == [
        (TODAY + timedelta(days=9), "deregistration")
    ]


def test_deregistered_from_today_the_sickness_is_over(mette: FlaskClient, app: Flask) -> None:
    report_sickness(mette, TODAY - timedelta(days=5))
    receipt = _deregister(mette, 0)
    assert "its last day is 21 November 2026" in receipt
    sickness = [a for a in dfdg_rows(app, "Absence") if a.reason == "sickness" and a.end_cause]
    assert [a.last_day for a in sickness] == [TODAY - timedelta(days=1)]
    assert "You are reported sick" not in mette.get("/min-side/").get_data(as_text=True)
