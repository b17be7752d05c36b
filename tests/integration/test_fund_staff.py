"""A fund's employee in Jobnet: logs in through the caseworker login, opens the fund's members
and no one else, registers for them what a fund may (sickness, holiday, the CV's approval), is
neither shown nor let into what is the job centre's alone (summons, plans, held interviews and
the job centre's absences), and every look is in the member's "who has seen my data" with the
fund's name."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobnet.demo_identities import DEMO_CASEWORKERS
from jobnet.web.auth.users import ACCESS_ATTRIBUTE
from tests.helpers import csrf_token, login_caseworker, login_citizen
from tests.integration.test_caseworker import audit, open_citizen
from tests.integration.test_journeys import (
    TODAY,
    answer,
    date_fields,
    dfdg_rows,
    errors,
    journey_app,  # noqa: F401 - the fixture
    submit,
)

FUND_A = "39190021"
FUND_A_NAME = "Demo A-kasse for Lønmodtagere"
MAJA = next(c for c in DEMO_CASEWORKERS if c.organisation_cvr == FUND_A)
METTE = "1203851234"  # København, group 1, a member of fund A
MADS = "1908871245"  # København, a member of fund B
HENRIK = "0812824167"  # København, a member of no fund

# The job centre's own pages: what a fund's employee is refused, even with a member open.
JOBCENTRE_ONLY = {"jobcentre", "acting_jobcentre"}
# The caseworker workspace's pages a fund's employee uses (everything else under
# /sagsbehandler must be the job centre's alone, so that a new page is a decision).
FUND_MAY = {
    "caseworker.index",
    "caseworker.find_citizen",
    "caseworker.reopen_citizen",
    "caseworker.citizen",
    "caseworker.stop_acting",
    "caseworker.set_aside",
    "caseworker.act_on_set_aside",
    "cv_approval.start",
    "cv_approval.check",
    "cv_approval.submit",
    "cv_approval.step",
}


@pytest.fixture
def fund_employee(journey_app: Flask) -> FlaskClient:  # noqa: F811
    client = journey_app.test_client()
    client.get("/language/en")
    login_caseworker(client, MAJA.professional_id)
    return client


def test_a_fund_employee_opens_a_member_and_sees_no_job_centre_actions(
    fund_employee: FlaskClient,
    journey_app: Flask,  # noqa: F811
) -> None:
    start = fund_employee.get("/sagsbehandler/").get_data(as_text=True)
    assert f"You can open the members of {FUND_A_NAME}." in start
    assert "Interviews today" not in start
    assert open_citizen(fund_employee, METTE, "case_processing").location == "/sagsbehandler/borger"
    page = fund_employee.get("/sagsbehandler/borger").get_data(as_text=True)
    assert "<h1>Mette Nielsen</h1>" in page
    assert "Summons to interviews" in page  # seen, not made
    assert "The citizen's upcoming interviews" in page  # Mette has some in the demo data
    for hidden in (
        "/sagsbehandler/indkaldelse/",
        "/sagsbehandler/plan/",
        "/sagsbehandler/samtale/",
        "/sagsbehandler/fravaer/",
        "The citizen&#39;s plan",
    ):
        assert hidden not in page, hidden
    assert "/sagsbehandler/cv-vurdering/" in page
    assert "an unemployment insurance fund cannot make or change them" in page
    # The summons and their outcomes, the CV and the job log: the member's own pages.
    assert "/indkaldelser/" in page
    for path, heading in (
        ("/indkaldelser/", "Earlier interviews"),
        ("/cv/", "Approved by Jobcenter København"),
        ("/joblog/", "Joblog"),
    ):
        shown = fund_employee.get(path)
        assert shown.status_code == 200, path
        assert heading in shown.get_data(as_text=True), path
    entries = [e for e in audit(journey_app) if e.actor_type == "caseworker"]
    assert entries and {e.organisation for e in entries} == {FUND_A}


@pytest.mark.parametrize("cpr", [HENRIK, MADS])
def test_a_non_member_cannot_be_opened_and_the_search_is_audited(
    fund_employee: FlaskClient,
    journey_app: Flask,  # noqa: F811
    cpr: str,
) -> None:
    response = open_citizen(fund_employee, cpr, "case_processing")
    assert response.status_code == 200
    assert "no member of your fund has it" in " ".join(errors(response))
    assert fund_employee.get("/sagsbehandler/borger").status_code == 302  # no one open
    denied = [e for e in audit(journey_app) if e.outcome == "denied"]
    assert [(e.action, e.organisation) for e in denied] == [("person.lookup", FUND_A)]


def test_the_job_centres_pages_answer_403_to_a_fund_employee_even_when_forced(
    fund_employee: FlaskClient,
    journey_app: Flask,  # noqa: F811
) -> None:
    open_citizen(fund_employee, METTE, "case_processing")
    refused = []
    checked = 0
    for rule in journey_app.url_map.iter_rules():
        view = journey_app.view_functions[rule.endpoint]
        if getattr(view, ACCESS_ATTRIBUTE, None) not in JOBCENTRE_ONLY:
            continue
        url = rule.rule.replace("<slug>", "x").replace("<summons>", "1")
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            data = {"csrf_token": csrf_token(fund_employee.get("/sagsbehandler/borger"))}
            response = fund_employee.open(url, method=method, data=data)
            checked += 1
            if response.status_code != 403:
                refused.append((method, url, response.status_code))
    assert checked >= 12
    assert not refused, f"job centre pages not refused to a fund's employee: {refused}"


def test_every_workspace_page_is_the_job_centres_alone_unless_a_fund_may_use_it(
    journey_app: Flask,  # noqa: F811
) -> None:
    undecided = []
    for rule in journey_app.url_map.iter_rules():
        if not rule.rule.startswith("/sagsbehandler"):
            continue
        access = getattr(journey_app.view_functions[rule.endpoint], ACCESS_ATTRIBUTE, None)
        if access not in JOBCENTRE_ONLY and rule.endpoint not in FUND_MAY:
            undecided.append(rule.endpoint)
    assert not undecided, f"decide whether a fund's employee may use: {undecided}"
    assert {"jobcentre_summons.start", "jobcentre_plan.start", "held_interview.start"} <= {
        rule.endpoint
        for rule in journey_app.url_map.iter_rules()
        if getattr(journey_app.view_functions[rule.endpoint], ACCESS_ATTRIBUTE, None)
        == "acting_jobcentre"
    }


def test_a_fund_employee_approves_the_cv_and_reports_a_holiday_and_the_member_sees_it(
    fund_employee: FlaskClient,
    journey_app: Flask,  # noqa: F811
) -> None:
    open_citizen(fund_employee, METTE, "case_processing")
    fund_employee.get("/sagsbehandler/cv-vurdering/")
    answer(
        fund_employee,
        "/sagsbehandler/cv-vurdering/vurdering",
        {"status": "approved", **date_fields("assessed_on", TODAY), "note": "Fint CV"},
    )
    receipt = fund_employee.get(submit(fund_employee, "sagsbehandler/cv-vurdering").location)
    assert "Registered in the employment database" in receipt.get_data(as_text=True)

    fund_employee.get("/ferie/")
    first, last = TODAY + timedelta(days=9), TODAY + timedelta(days=11)
    answer(
        fund_employee,
        "/ferie/periode",
        {**date_fields("first_day", first), **date_fields("last_day", last)},
    )
    response = submit(fund_employee, "ferie")
    assert "Registered" in fund_employee.get(response.location).get_data(as_text=True)
    reference = response.location.split("/")[-1]
    [holiday] = [a for a in dfdg_rows(journey_app, "Absence") if a.source_reference == reference]
    assert (holiday.reason, holiday.first_day, holiday.last_day) == ("holiday", first, last)
    assert holiday.created_by_organisation == FUND_A

    member = journey_app.test_client()
    member.get("/language/en")
    login_citizen(member, METTE)
    cv = member.get("/cv/").get_data(as_text=True)
    assert "Fint CV" in cv
    assert f"Approved by {FUND_A_NAME}" in cv
    assert "by the job centre" not in cv
    log = member.get("/mine-data/hvem-har-set").get_data(as_text=True)
    assert FUND_A_NAME in log
    assert MAJA.full_name in log
