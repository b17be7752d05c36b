"""My Plan by the job centre: make it, revise it from the current version (the earlier version
is kept), measures added and removed without JavaScript, and the citizen's "new" marker."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from tests.helpers import csrf_token, login_citizen
from tests.integration.test_caseworker import (
    METTE,
    audit,
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

NEW_CITIZEN = "0309014821"  # Ahmad, København, no plan in the demo data
MEASURES = "/sagsbehandler/plan/indsatser"


def plan_versions(app: Flask, cpr: str) -> list[Any]:
    from jobnet.dfdg.models.persons import Person
    from jobnet.dfdg.models.plans import JobPlan, JobPlanVersion

    store = app.extensions["dfdg_app"].extensions["dfdg_store"]
    with store.session() as session:
        query = (
            select(JobPlanVersion)
            .join(JobPlan)
            .join(Person, Person.id == JobPlan.person_id)
            .where(Person.cpr == cpr)
            .order_by(JobPlanVersion.number)
        )
        versions = list(session.scalars(query))
        for version in versions:
            list(version.measures)
        return versions


def measure(index: int, **fields: str) -> dict[str, str]:
    values = {
        "type": "company_internship",
        "occupation": "Lagerarbejder",
        "provider_name": "Lager A/S",
        "provider_cvr": "12345678",
        "provider_p_number": "1234567890",
        "weekly_hours": "18,5",
        **date_fields("start_date", TODAY + timedelta(days=7)),
        **date_fields("end_date", TODAY + timedelta(days=35)),
        **fields,
    }
    return {f"measures-{index}-{name}": value for name, value in values.items()}


def citizen_client(app: Flask, cpr: str) -> FlaskClient:
    client = app.test_client()
    client.get("/language/en")
    login_citizen(client, cpr)
    return client


def add_measure_row(client: FlaskClient, data: dict[str, str]) -> str:
    page = client.get(MEASURES)
    response = client.post(
        MEASURES, data={"csrf_token": csrf_token(page), **data, "add_measure": "1"}
    )
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_making_a_plan_is_written_to_dfdg_and_new_to_the_citizen(
    caseworker: FlaskClient,  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    open_citizen(caseworker, NEW_CITIZEN, "interview")
    overview = caseworker.get("/sagsbehandler/borger").get_data(as_text=True)
    assert "Make a plan" in overview
    caseworker.get("/sagsbehandler/plan/")
    page = answer(
        caseworker, "/sagsbehandler/plan/maal", {"targets": "", "applications_per_week": "40"}
    )
    assert "Enter at least one employment target." in errors(page)
    assert any("from 0 to 30" in e for e in errors(page))
    answer(
        caseworker,
        "/sagsbehandler/plan/maal",
        {"targets": "Job som lagerarbejder\n\nTruckcertifikat", "applications_per_week": "3"},
    )
    # no JavaScript: "add another measure" shows one more empty row
    page = add_measure_row(caseworker, {})
    assert 'name="measures-0-type"' in page and 'name="measures-1-type"' not in page
    page = add_measure_row(caseworker, measure(0))
    assert 'name="measures-1-type"' in page and 'value="Lagerarbejder"' in page
    page = answer(
        caseworker,
        MEASURES,
        {
            **measure(0, provider_cvr="123"),
            **measure(
                1,
                type="guidance",
                occupation="",
                provider_name="",
                provider_cvr="",
                provider_p_number="",
                weekly_hours="4",
            ),
        },
    )
    assert "Enter the CVR number as 8 digits." in errors(page)
    page = answer(
        caseworker,
        MEASURES,
        {**measure(0), **measure(1, type="wage_subsidy", provider_cvr="", provider_p_number="")},
    )
    assert any("CVR number and P-number" in e for e in errors(page))
    page = answer(caseworker, MEASURES, {**measure(0, **date_fields("end_date", TODAY))})
    assert "The end date cannot be before the start date." in errors(page)
    answer(
        caseworker,
        MEASURES,
        {
            **measure(0),
            **measure(
                1,
                type="guidance",
                occupation="",
                provider_name="",
                provider_cvr="",
                provider_p_number="",
                weekly_hours="4",
            ),
        },
    )
    response = submit(caseworker, "sagsbehandler/plan")
    receipt = caseworker.get(response.location).get_data(as_text=True)
    assert "Plan made" in receipt and "Registered in the employment database" in receipt
    [version] = plan_versions(journey_app, NEW_CITIZEN)
    assert version.targets == ["Job som lagerarbejder", "Truckcertifikat"]
    assert version.applications_per_week == 3
    assert [(m.type, m.weekly_hours, m.provider_cvr) for m in version.measures] == [
        ("company_internship", 18.5, "12345678"),
        ("guidance", 4.0, None),
    ]
    assert version.source_reference == response.location.split("/")[-1]
    writes = [e for e in audit(journey_app) if e.action == "plan.create"]
    assert writes[-1].purpose == "interview"

    citizen = citizen_client(journey_app, NEW_CITIZEN)
    assert "Your job centre has made your plan" in citizen.get("/min-side/").get_data(as_text=True)
    plan_page = citizen.get("/min-plan/").get_data(as_text=True)
    assert "Lagerarbejder" in plan_page and 'class="badge badge-info">New<' in plan_page
    assert plan_versions(journey_app, NEW_CITIZEN)[0].seen_at is not None
    assert "Your job centre has made your plan" not in citizen.get("/min-side/").get_data(
        as_text=True
    )
    assert "badge" not in citizen.get("/min-plan/").get_data(as_text=True)


def test_revising_starts_from_the_current_version_and_keeps_it(
    caseworker: FlaskClient,  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    before = plan_versions(journey_app, METTE)
    assert before, "Mette has a plan in the demo data"
    current = before[-1]
    open_citizen(caseworker, METTE)
    assert "Revise the plan" in caseworker.get("/sagsbehandler/borger").get_data(as_text=True)
    caseworker.get("/sagsbehandler/plan/")
    targets_page = caseworker.get("/sagsbehandler/plan/maal").get_data(as_text=True)
    assert f"revising version {current.number}" in targets_page
    assert current.targets[0] in targets_page
    measures_page = caseworker.get(MEASURES).get_data(as_text=True)
    keys = re.findall(r'name="measures-\d+-key" type="hidden" value="([^"]+)"', measures_page)
    assert keys == [m.key for m in current.measures]
    # remove the first measure with its checkbox, keep the rest as they are
    form = dict(re.findall(r'name="(measures-[^"]+)"[^>]*value="([^"]*)"', measures_page))
    form.update(
        {
            k: v
            for k, v in re.findall(
                r'<select[^>]*name="(measures-[^"]+)".*?<option selected value="([^"]*)"',
                measures_page,
                re.S,
            )
        }
    )
    form = {name: value for name, value in form.items() if not name.endswith("-remove")}
    form["measures-0-remove"] = "y"
    answer(caseworker, MEASURES, form)
    answer(
        caseworker,
        "/sagsbehandler/plan/maal",
        {"targets": "Fast job inden sommer", "applications_per_week": "5"},
    )
    response = submit(caseworker, "sagsbehandler/plan")
    assert "Plan revised" in caseworker.get(response.location).get_data(as_text=True)
    after = plan_versions(journey_app, METTE)
    assert len(after) == len(before) + 1
    assert after[-2].targets == current.targets  # the earlier version is kept
    revised = after[-1]
    assert revised.targets == ["Fast job inden sommer"] and revised.applications_per_week == 5
    assert [m.key for m in revised.measures] == [m.key for m in current.measures][1:]
    assert [e for e in audit(journey_app) if e.action == "plan.revise"][
        -1
    ].purpose == "case_processing"
    citizen = citizen_client(journey_app, METTE)
    assert "Your job centre has revised your plan" in citizen.get("/min-side/").get_data(
        as_text=True
    )
    assert f"Version {current.number}" in citizen.get("/min-plan/").get_data(as_text=True)


def test_a_caseworkers_read_of_the_plan_does_not_mark_it_seen(
    caseworker: FlaskClient,  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    open_citizen(caseworker, METTE)
    seen_before = plan_versions(journey_app, METTE)[-1].seen_at
    caseworker.get("/min-plan/")
    assert plan_versions(journey_app, METTE)[-1].seen_at == seen_before


def test_a_citizen_cannot_reach_the_plan_pages(journey_app: Flask) -> None:  # noqa: F811
    citizen = citizen_client(journey_app, METTE)
    for path in (
        "/sagsbehandler/plan/",
        "/sagsbehandler/plan/maal",
        MEASURES,
        "/sagsbehandler/plan/tjek",
    ):
        assert citizen.get(path).status_code == 403, path


def test_another_job_centre_cannot_revise_the_plan(journey_app: Flask) -> None:  # noqa: F811
    from jobnet.clients.dfdg_client.errors import DfdgForbidden
    from jobnet.clients.dfdg_client.plans import PlanInput, revise_plan_command
    from jobnet.clients.dfdg_client.values import Actor
    from jobnet.demo_identities import DEMO_CASEWORKERS

    aarhus = DEMO_CASEWORKERS[2]
    from jobnet.dfdg.models.persons import Person

    store = journey_app.extensions["dfdg_app"].extensions["dfdg_store"]
    with store.session() as session:
        person_id = session.scalars(select(Person.id).where(Person.cpr == METTE)).one()
    command = revise_plan_command(person_id, PlanInput(targets=("Job",), applications_per_week=2))
    actor = Actor(
        type="caseworker",
        id=aarhus.professional_id,
        name=aarhus.full_name,
        organisation=aarhus.organisation_cvr,
        purpose="case_processing",
    )
    before = len(plan_versions(journey_app, METTE))
    client = journey_app.extensions["dfdg_client"]
    with pytest.raises(DfdgForbidden):
        client.send_command(
            command.method, command.path, command.body, actor=actor, idempotency_key="k-plan-a"
        )
    assert len(plan_versions(journey_app, METTE)) == before


def test_the_plan_can_ask_for_copies_of_applications(
    caseworker: FlaskClient,  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    open_citizen(caseworker, METTE)
    caseworker.get("/sagsbehandler/plan/")
    targets = "/sagsbehandler/plan/maal"
    page = caseworker.get(targets).get_data(as_text=True)
    assert "Copies of applications" in page and "Each calendar month" in page
    refused = answer(
        caseworker,
        targets,
        {"targets": "Fast job", "applications_per_week": "2", "copies_per_week": "3"},
    )
    assert "Copies of applications must be a whole number from 0 to the" in (
        refused.get_data(as_text=True)
    )
    answer(
        caseworker,
        targets,
        {"targets": "Fast job", "applications_per_week": "2", "copies_per_week": "1"},
    )
    submit(caseworker, "sagsbehandler/plan")
    assert plan_versions(journey_app, METTE)[-1].copies_per_week == 1
    citizen = citizen_client(journey_app, METTE)
    plan_page = citizen.get("/min-plan/").get_data(as_text=True)
    assert "You must also upload a copy of 1 of the applications a week" in plan_page
    joblog = citizen.get("/joblog/").get_data(as_text=True)
    assert "Your plan asks you to upload a copy of 1 application a week." in joblog
    weeks = citizen.get("/joblog/uger").get_data(as_text=True)
    assert "With a copy" not in weeks  # a revision in mid-week asks for copies from next Monday


def test_the_plan_can_ask_for_copies_by_the_calendar_month(
    caseworker: FlaskClient,  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    """The funds' guidance's "at least one a month" (issue 22): a month's copies up to four
    weeks' applications, said in words on My Plan, in both languages."""
    open_citizen(caseworker, METTE)
    caseworker.get("/sagsbehandler/plan/")
    targets = "/sagsbehandler/plan/maal"
    base = {"targets": "Fast job", "applications_per_week": "2"}
    refused = answer(
        caseworker, targets, {**base, "copies_per_week": "9", "copies_period": "month"}
    )
    page = refused.get_data(as_text=True)
    assert "Copies of applications must be a whole number from 0 to the" in page
    assert 'value="9"' in page  # what was typed is kept
    answer(caseworker, targets, {**base, "copies_per_week": "5", "copies_period": "month"})
    check = caseworker.get("/sagsbehandler/plan/tjek").get_data(as_text=True)
    assert "5 a calendar month" in check
    submit(caseworker, "sagsbehandler/plan")
    version = plan_versions(journey_app, METTE)[-1]
    assert (version.copies_per_week, version.copies_period) == (5, "month")
    citizen = citizen_client(journey_app, METTE)
    plan_page = citizen.get("/min-plan/").get_data(as_text=True)
    assert "upload a copy of at least 5 of your applications every calendar month" in plan_page
    assert "of the applications a week" not in plan_page
    joblog = citizen.get("/joblog/").get_data(as_text=True)
    assert "upload a copy of at least 5 applications every calendar month" in joblog
    citizen.get("/language/da")
    danish = citizen.get("/min-plan/").get_data(as_text=True)
    assert "mindst 5 af dine ansøgninger hver kalendermåned" in danish
