"""My Plan pages (/min-plan): the current plan in both languages, earlier versions, the print
view, the empty state, and no access to anyone else's plan."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.helpers import login_caseworker, login_citizen

TODAY = date(2026, 11, 22)
METTE, LARS, EMMA = "1203851234", "0507921457", "0904025118"
EN, DA = {"Accept-Language": "en"}, {"Accept-Language": "da"}


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    app = make_app(DFDG_FIXED_TODAY=TODAY.isoformat())
    from jobnet.dfdg.demo import load_demo_data

    with app.extensions["dfdg_app"].extensions["dfdg_store"].session() as session:
        load_demo_data(session, TODAY)
    return app


def citizen(app: Flask, cpr: str) -> FlaskClient:
    client = app.test_client()
    login_citizen(client, cpr)
    return client


def test_the_current_plan_in_english(app: Flask) -> None:
    page = citizen(app, METTE).get("/min-plan/", headers=EN)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "<h1>My Plan</h1>" in html
    assert "You must apply for 4 jobs a week." in html
    assert "Deltidsjob som social- og sundhedsassistent i hjemmeplejen" in html
    assert "Company internship" in html and "Job search course" in html
    assert "Demo Plejecenter Nørrebro ApS" in html
    assert "CVR 41234567" in html and "P-number 1023456789" in html
    assert "Occupation: Sygeplejerske" in html
    assert "29 November 2026" in html and "23 January 2027" in html  # the internship
    assert "23 September 2026" in html  # created
    assert "8 November 2026" in html  # latest revision
    assert "Jobcenter København" in html
    assert 'href="/min-plan/version/1"' in html
    assert 'href="/min-plan/print"' in html
    assert '<th scope="col">' in html and "<caption" in html


def test_the_current_plan_in_danish(app: Flask) -> None:
    page = citizen(app, METTE).get("/min-plan/", headers=DA)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'lang="da"' in html
    assert "23. september 2026" in html and "8. november 2026" in html
    assert "18,5" not in html and ">30<" in html


def test_an_earlier_version_is_viewable(app: Flask) -> None:
    client = citizen(app, METTE)
    html = client.get("/min-plan/version/1", headers=EN).get_data(as_text=True)
    assert "My Plan, version 1" in html
    assert "This is an earlier version of your plan." in html
    assert "You must apply for 3 jobs a week." in html
    assert "Company internship" not in html
    current = client.get("/min-plan/version/2", headers=EN).get_data(as_text=True)
    assert "This is your current plan." in current
    assert client.get("/min-plan/version/3").status_code == 404
    assert client.get("/min-plan/version/1", headers=DA).status_code == 200


def test_print_view_is_a_standalone_page(app: Flask) -> None:
    client = citizen(app, METTE)
    for headers in (EN, DA):
        page = client.get("/min-plan/print", headers=headers)
        assert page.status_code == 200
        html = page.get_data(as_text=True)
        assert "jobnet-print-page" in html and "<header" not in html
        assert "Demo Plejecenter Nørrebro ApS" in html


def test_empty_state_when_there_is_no_plan(app: Flask) -> None:
    client = citizen(app, EMMA)
    html = client.get("/min-plan/", headers=EN).get_data(as_text=True)
    assert "You do not have a plan yet" in html
    assert "Your job centre makes your plan with you at an interview." in html
    assert client.get("/min-plan/", headers=DA).status_code == 200
    assert client.get("/min-plan/print", headers=EN).status_code == 200
    assert client.get("/min-plan/version/1").status_code == 404


def test_a_citizen_sees_only_their_own_plan(app: Flask) -> None:
    lars = citizen(app, LARS)
    html = lars.get("/min-plan/", headers=EN).get_data(as_text=True)
    assert "Demo Lager og Logistik A/S" in html and "Wage subsidy job" in html
    assert "Demo Plejecenter Nørrebro ApS" not in html
    assert "The plan has not been revised." in html
    assert lars.get("/min-plan/version/2").status_code == 404  # Mette has one; Lars has not


def test_pages_need_a_login_and_a_subject(app: Flask) -> None:
    assert app.test_client().get("/min-plan/").status_code == 302
    caseworker = app.test_client()
    login_caseworker(caseworker)
    assert caseworker.get("/min-plan/").status_code == 403


def test_the_client_gives_the_job_search_requirement(app: Flask) -> None:
    from jobnet.clients.dfdg_client.values import Actor
    from jobnet.dfdg.queries import persons as person_queries

    with app.extensions["dfdg_app"].extensions["dfdg_store"].session() as session:
        mette = person_queries.find_by_cpr(session, METTE)
        emma = person_queries.find_by_cpr(session, EMMA)
        assert mette is not None and emma is not None
        ids = (mette.id, emma.id)
    client = app.extensions["dfdg_client"]
    plan = client.current_plan(ids[0], Actor(type="citizen", id=ids[0]))
    assert plan is not None and plan.applications_per_week == 4
    assert [r.number for r in plan.earlier_revisions] == [1]
    assert client.current_plan(ids[1], Actor(type="citizen", id=ids[1])) is None
