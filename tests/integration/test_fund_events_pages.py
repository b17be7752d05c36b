"""The job centre reports an event to a member's fund in Jobnet (question page, check page,
receipt); a deadline of § 61 is refused on the question page with what the caseworker typed
kept; the member sees the event in My data with the fund that got it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from tests.helpers import login_citizen
from tests.integration.test_caseworker import (
    METTE,
    caseworker,  # noqa: F401 - the fixture
    open_citizen,
)
from tests.integration.test_journeys import (
    TODAY,
    answer,
    date_fields,
    errors,
    journey_app,  # noqa: F401 - the fixture
    submit,
)


def _events(app: Flask) -> list[Any]:
    from sqlalchemy import select

    from jobnet.dfdg.models.fund_events import FundEvent

    store = app.extensions["dfdg_app"].extensions["dfdg_store"]
    with store.session() as session:
        return list(session.scalars(select(FundEvent)))


PATH = "/sagsbehandler/a-kasse-haendelse/haendelse"
FUND_A_NAME = "Demo A-kasse for Lønmodtagere"


def test_a_caseworker_reports_a_refused_job_to_the_members_fund(
    caseworker: FlaskClient,  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    open_citizen(caseworker, METTE, "case_processing")
    citizen_page = caseworker.get("/sagsbehandler/borger").get_data(as_text=True)
    assert "/sagsbehandler/a-kasse-haendelse/" in citizen_page
    caseworker.get("/sagsbehandler/a-kasse-haendelse/")
    late = {
        "type": "job_refused",
        **date_fields("event_date", TODAY - timedelta(days=2)),
        "comment": "Takkede nej til jobbet",
    }
    page = answer(caseworker, PATH, late)
    assert any("on the day it happens or the day after" in e for e in errors(page))
    assert "Takkede nej til jobbet" in page.get_data(as_text=True)  # kept
    offer = {"type": "offer_start", "company_cvr": "123"}
    page = answer(caseworker, PATH, offer)
    assert errors(page), page.get_data(as_text=True)[:300]
    answer(caseworker, PATH, {**late, **date_fields("event_date", TODAY)})
    response = submit(caseworker, "sagsbehandler/a-kasse-haendelse")
    receipt = caseworker.get(response.location).get_data(as_text=True)
    assert "Registered in the employment database" in receipt
    assert "Refused a job" in receipt
    [event] = _events(journey_app)
    assert (event.type, event.event_date, event.source) == ("job_refused", TODAY, "caseworker")

    member = journey_app.test_client()
    member.get("/language/en")
    login_citizen(member, METTE)
    mine = member.get("/mine-data/").get_data(as_text=True)
    assert "Events sent to your unemployment insurance fund" in mine
    assert "Refused a job" in mine and FUND_A_NAME in mine
    history = member.get(f"/mine-data/historik/fund_events/{event.id}")
    assert history.status_code == 200
    assert FUND_A_NAME in history.get_data(as_text=True)
