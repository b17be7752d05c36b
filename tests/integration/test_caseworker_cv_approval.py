"""The job centre assesses the CV for the citizen, who then sees status, date and note."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask
from flask.testing import FlaskClient

from tests.helpers import login_citizen
from tests.integration.test_caseworker import caseworker, open_citizen  # noqa: F401 - fixture
from tests.integration.test_journeys import (
    TODAY,
    answer,
    date_fields,
    errors,
    journey_app,  # noqa: F401 - fixture
    submit,
)

HENRIK = "0812824167"  # Henrik Madsen, København, has no CV yet


def test_caseworker_assesses_the_cv_and_the_citizen_sees_it(
    caseworker: FlaskClient,  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    open_citizen(caseworker, HENRIK, "interview")
    caseworker.get("/sagsbehandler/cv-vurdering/")
    page = answer(
        caseworker,
        "/sagsbehandler/cv-vurdering/vurdering",
        {"status": "not_approved", **date_fields("assessed_on", TODAY + timedelta(days=1))},
    )
    assert "It can be at most one year back, and not in the future." in errors(page)
    answer(
        caseworker,
        "/sagsbehandler/cv-vurdering/vurdering",
        {
            "status": "not_approved",
            **date_fields("assessed_on", TODAY),
            "note": "Tilføj dine sprogkundskaber",
        },
    )
    response = submit(caseworker, "sagsbehandler/cv-vurdering")
    receipt = caseworker.get(response.location).get_data(as_text=True)
    assert "Registered in the employment database" in receipt
    assert "Tilføj dine sprogkundskaber" in receipt

    citizen = journey_app.test_client()
    citizen.get("/language/en")
    login_citizen(citizen, HENRIK)
    cv = citizen.get("/cv/").get_data(as_text=True)
    assert "Not approved by Jobcenter København" in cv
    assert "Tilføj dine sprogkundskaber" in cv


def test_a_citizen_cannot_assess_their_own_cv(journey_app: Flask) -> None:  # noqa: F811
    citizen = journey_app.test_client()
    login_citizen(citizen, HENRIK)
    assert citizen.get("/sagsbehandler/cv-vurdering/vurdering").status_code == 403
