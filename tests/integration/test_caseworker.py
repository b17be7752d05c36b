"""The caseworker workspace: opening a citizen with a purpose, acting on their behalf, and the
job centre's own registrations, with every access audited in DFDG."""

from __future__ import annotations

import html
import re
from datetime import timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from jobnet.demo_identities import DEMO_CASEWORKERS
from tests.helpers import csrf_token, login_caseworker, login_citizen
from tests.integration.test_journeys import (
    TODAY,
    answer,
    date_fields,
    dfdg_rows,
    errors,
    journey_app,  # noqa: F401 - the fixture
    report_sickness,
    submit,
)

HANNE = DEMO_CASEWORKERS[0]  # Jobcenter København
METTE = "1203851234"  # København, group 1
HENRIK = "0812824167"  # København, group 2 match group 1
LARS = "0507921457"  # Aarhus


@pytest.fixture
def caseworker(journey_app: Flask) -> FlaskClient:  # noqa: F811
    client = journey_app.test_client()
    client.get("/language/en")
    login_caseworker(client, HANNE.professional_id)
    return client


def open_citizen(
    client: FlaskClient, cpr: str, purpose: str = "case_processing", **extra: str
) -> Any:
    page = client.get("/sagsbehandler/")
    data = {"csrf_token": csrf_token(page), "cpr": cpr, "purpose": purpose, **extra}
    return client.post("/sagsbehandler/", data=data)


def audit(app: Flask) -> list[Any]:
    from jobnet.dfdg.models.audit import AuditEntry

    store = app.extensions["dfdg_app"].extensions["dfdg_store"]
    with store.session() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def test_opening_a_citizen_asks_for_the_purpose_and_audits_it(
    caseworker: FlaskClient,
    journey_app: Flask,  # noqa: F811
) -> None:
    response = open_citizen(caseworker, "120385-1234", "interview")
    assert response.location == "/sagsbehandler/borger"
    page = caseworker.get("/sagsbehandler/borger").get_data(as_text=True)
    assert "<h1>Mette Nielsen</h1>" in page
    assert (
        "You are working on the data of Mette Nielsen (purpose: An interview with the citizen)"
        in page
    )
    entries = [e for e in audit(journey_app) if e.actor_type == "caseworker"]
    assert entries and all(e.purpose == "interview" for e in entries)
    assert {e.organisation for e in entries} == {"29190011"}
    assert {e.actor_name for e in entries} == {HANNE.full_name}
    assert METTE not in page


def test_another_municipalitys_citizen_is_refused_and_the_attempt_audited(
    caseworker: FlaskClient,
    journey_app: Flask,  # noqa: F811
) -> None:
    page = open_citizen(caseworker, LARS)
    assert page.status_code == 200
    assert any("does not live in Jobcenter København's municipality" in e for e in errors(page))
    assert caseworker.get("/sagsbehandler/borger").location == "/sagsbehandler/"
    denied = [e for e in audit(journey_app) if e.outcome == "denied"]
    assert len(denied) == 1 and denied[0].action == "person.lookup"


@pytest.mark.parametrize(
    ("cpr", "message"),
    [
        ("", "Enter the citizen's CPR number"),
        ("12345", "Enter the CPR number as 10 digits"),
        ("3102901234", "must be a real date"),
        ("0101011111", "No citizen with this CPR number"),
    ],
)
def test_cpr_search_messages(caseworker: FlaskClient, cpr: str, message: str) -> None:
    page = open_citizen(caseworker, cpr)
    assert any(message in e for e in errors(page)), errors(page)


def test_another_purpose_needs_words(caseworker: FlaskClient, journey_app: Flask) -> None:  # noqa: F811
    assert "Describe the purpose" in errors(open_citizen(caseworker, METTE, "other"))
    open_citizen(caseworker, METTE, "other", purpose_other="Opfølgning på brev")
    assert audit(journey_app)[-1].purpose == "other: Opfølgning på brev"


def test_the_cpr_never_appears_in_a_url(caseworker: FlaskClient) -> None:
    response = open_citizen(caseworker, METTE)
    assert METTE not in response.location
    assert "cpr" not in caseworker.get("/sagsbehandler/").get_data(as_text=True).split("<form")[0]


def test_acting_on_behalf_records_the_caseworker_and_the_citizen_sees_it(
    caseworker: FlaskClient,
    journey_app: Flask,  # noqa: F811
) -> None:
    open_citizen(caseworker, METTE)
    response = report_sickness(caseworker, TODAY - timedelta(days=1))
    receipt = caseworker.get(response.location).get_data(as_text=True)
    assert f"{HANNE.full_name}, Jobcenter København" in receipt
    reference = response.location.split("/")[-1]
    [absence] = [a for a in dfdg_rows(journey_app, "Absence") if a.source_reference == reference]
    assert (absence.created_by_type, absence.created_by_name) == ("caseworker", HANNE.full_name)
    writes = [e for e in audit(journey_app) if e.action == "absence.create"]
    assert writes[-1].purpose == "case_processing" and writes[-1].on_behalf_of == absence.person_id

    citizen = journey_app.test_client()
    citizen.get("/language/en")
    login_citizen(citizen, METTE)
    min_side = citizen.get("/min-side/").get_data(as_text=True)
    assert f"{HANNE.full_name}, Jobcenter København" in min_side
    assert citizen.get(response.location).status_code == 200


def test_stop_acting_removes_the_banner(caseworker: FlaskClient) -> None:
    open_citizen(caseworker, METTE)
    page = caseworker.get("/sagsbehandler/borger")
    caseworker.post("/sagsbehandler/stop", data={"csrf_token": csrf_token(page)})
    start = caseworker.get("/sagsbehandler/").get_data(as_text=True)
    assert "You are working on the data of" not in start
    assert "Mette Nielsen" in start  # recently opened
    assert caseworker.get("/sygemelding/foerste-sygedag").status_code == 403


def test_held_interview_sets_the_match_group_from_its_date(
    caseworker: FlaskClient,
    journey_app: Flask,  # noqa: F811
) -> None:
    open_citizen(caseworker, HENRIK, "interview")
    caseworker.get("/sagsbehandler/samtale/")
    page = answer(
        caseworker,
        "/sagsbehandler/samtale/hvornaar",
        {**date_fields("held_on", TODAY - timedelta(days=8)), "form": "phone"},
    )
    assert any("at most 7 days back" in e for e in errors(page))
    answer(
        caseworker,
        "/sagsbehandler/samtale/hvornaar",
        {**date_fields("held_on", TODAY - timedelta(days=1)), "form": "phone"},
    )
    page = answer(
        caseworker, "/sagsbehandler/samtale/aftale", {"agreement": "Ny samtale om 3 uger"}
    )
    assert "Choose the citizen's match group" in errors(page)
    answer(
        caseworker,
        "/sagsbehandler/samtale/aftale",
        {"agreement": "Ny samtale om 3 uger", "match_group": "2"},
    )
    response = submit(caseworker, "sagsbehandler/samtale")
    assert "Registered in the employment database" in caseworker.get(response.location).get_data(
        as_text=True
    )
    overview = caseworker.get("/sagsbehandler/borger").get_data(as_text=True)
    assert "Ready for activity" in overview


def test_match_group_is_not_asked_for_groups_without_one(caseworker: FlaskClient) -> None:
    open_citizen(caseworker, METTE, "interview")
    caseworker.get("/sagsbehandler/samtale/")
    page = caseworker.get("/sagsbehandler/samtale/aftale").get_data(as_text=True)
    assert 'name="match_group"' not in page


def test_jobcentre_absence_offers_only_the_reasons_of_the_contact_group(
    caseworker: FlaskClient,
    journey_app: Flask,  # noqa: F811
) -> None:
    open_citizen(caseworker, METTE)
    caseworker.get("/sagsbehandler/fravaer/")
    page = caseworker.get("/sagsbehandler/fravaer/fravaer").get_data(as_text=True)
    assert 'value="civic_duty"' in page and 'value="part_time_work"' in page
    assert 'value="military_service"' not in page  # not for group 1
    assert 'value="sickness"' not in page  # the citizen's own report
    answer(
        caseworker,
        "/sagsbehandler/fravaer/fravaer",
        {
            "reason": "civic_duty",
            **date_fields("first_day", TODAY + timedelta(days=3)),
            **date_fields("last_day", TODAY + timedelta(days=4)),
        },
    )
    response = submit(caseworker, "sagsbehandler/fravaer")
    reference = response.location.split("/")[-1]
    [absence] = [a for a in dfdg_rows(journey_app, "Absence") if a.source_reference == reference]
    assert absence.reason == "civic_duty"


def test_a_citizen_cannot_reach_any_caseworker_page(journey_app: Flask) -> None:  # noqa: F811
    citizen = journey_app.test_client()
    login_citizen(citizen, METTE)
    for path in (
        "/sagsbehandler/",
        "/sagsbehandler/borger",
        "/sagsbehandler/samtale/hvornaar",
        "/sagsbehandler/fravaer/fravaer",
    ):
        assert citizen.get(path).status_code == 403, path


def test_caseworker_journeys_need_an_opened_citizen(caseworker: FlaskClient) -> None:
    assert caseworker.get("/sagsbehandler/samtale/hvornaar").location == "/sagsbehandler/"


def test_caseworker_cannot_reach_another_municipality_directly_through_dfdg(
    journey_app: Flask,  # noqa: F811
) -> None:
    from jobnet.clients.dfdg_client.errors import DfdgForbidden
    from jobnet.clients.dfdg_client.values import Actor

    client = journey_app.extensions["dfdg_client"]
    actor = Actor(
        type="caseworker",
        id=HANNE.professional_id,
        name=HANNE.full_name,
        organisation="29190011",
        purpose="case_processing",
    )
    lars = next(p for p in dfdg_rows(journey_app, "Person") if p.cpr == LARS)
    with pytest.raises(DfdgForbidden):
        client.status(lars.id, actor)


# -- the citizen's pages on behalf, and who registered what --------------------------------

EMMA = "0904025118"  # København, no contact groups, not registered
REGISTERED_BY = f"Registered by {HANNE.full_name}, Jobcenter København"


def citizen_client(app: Flask, cpr: str) -> FlaskClient:
    client = app.test_client()
    client.get("/language/en")
    login_citizen(client, cpr)
    return client


def form_post(client: FlaskClient, path: str, data: dict[str, Any]) -> Any:
    """Show the form, then post `data` with its CSRF token and idempotency key."""
    page = client.get(path)
    assert page.status_code == 200, (path, page.status_code)
    key = re.search(r'name="key" type="hidden" value="([^"]*)"', page.get_data(as_text=True))
    assert key
    return client.post(path, data={"csrf_token": csrf_token(page), "key": key.group(1), **data})


def test_the_citizen_page_links_to_the_citizens_cv_joblog_and_my_data(
    caseworker: FlaskClient,
) -> None:
    open_citizen(caseworker, METTE)
    page = caseworker.get("/sagsbehandler/borger").get_data(as_text=True)
    for path, words in (
        ("/cv/", "The citizen's CV"),
        ("/joblog/", "The citizen's joblog"),
        ("/mine-data/", "The citizen's data in DFDG (My data)"),
    ):
        assert f'<a href="{path}">{words}</a>' in page
        assert caseworker.get(path).status_code == 200, path
    # The pages speak to the caseworker, not to the citizen.
    cv = caseworker.get("/cv/").get_data(as_text=True)
    assert "<h1>The citizen's CV</h1>" in cv and "<h1>My CV</h1>" not in cv
    joblog = caseworker.get("/joblog/").get_data(as_text=True)
    assert "The citizen's applications." in joblog
    assert "Write down the jobs you apply for" not in joblog


def test_a_joblog_entry_made_on_behalf_shows_who_registered_it(
    caseworker: FlaskClient,
    journey_app: Flask,  # noqa: F811
) -> None:
    open_citizen(caseworker, METTE)
    application = {
        **date_fields("applied_on", TODAY - timedelta(days=1)),
        "employer": "Netto",
        "job_title": "Butiksassistent",
        "kind": "advertised",
        "status": "sent",
        "link": "",
        "note": "",
    }
    assert form_post(caseworker, "/joblog/ny", application).status_code == 302
    from jobnet.dfdg.models.cv import JoblogEntry

    store = journey_app.extensions["dfdg_app"].extensions["dfdg_store"]
    with store.session() as session:
        [entry] = session.scalars(select(JoblogEntry).where(JoblogEntry.employer == "Netto"))
    assert (entry.created_by_type, entry.created_by_name) == ("caseworker", HANNE.full_name)
    citizen = citizen_client(journey_app, METTE)
    for client in (caseworker, citizen):
        listed = client.get("/joblog/").get_data(as_text=True)
        row = listed.split("Butiksassistent, Netto")[1].split("</tr>")[0]
        assert REGISTERED_BY in row
        assert REGISTERED_BY in client.get(f"/joblog/{entry.id}").get_data(as_text=True)
    # the citizen's own entries (the demo's) name no one
    assert listed.count("Registered by") == 1


def test_a_cv_entry_made_on_behalf_shows_who_registered_it(
    caseworker: FlaskClient,
    journey_app: Flask,  # noqa: F811
) -> None:
    citizen = citizen_client(journey_app, METTE)
    assert form_post(citizen, "/cv/kompetencer/ny", {"name": "Kassesystemer"}).status_code == 302
    assert "Registered by" not in citizen.get("/cv/").get_data(as_text=True)
    open_citizen(caseworker, METTE)
    assert (
        form_post(caseworker, "/cv/kompetencer/ny", {"name": "Truckcertifikat"}).status_code == 302
    )
    for client in (caseworker, citizen):
        page = client.get("/cv/").get_data(as_text=True)
        assert "Truckcertifikat" in page and REGISTERED_BY in page
        # Each entry says who added it: the caseworker's, not the citizen's own.
        items = {item.split("</h3>")[0]: item for item in page.split('<h3 class="h5">')[1:]}
        assert REGISTERED_BY in items["Truckcertifikat"].split("</li>")[0]
        assert "Registered by" not in items["Kassesystemer"].split("</li>")[0]


def _register(client: FlaskClient, app: Flask) -> tuple[Any, str]:
    from tests.integration.test_journeys import register

    open_citizen(client, EMMA)
    reference = register(client).location.split("/")[-1]
    [row] = [r for r in dfdg_rows(app, "Registration") if r.source_reference == reference]
    return row, "created_by"


def _deregister(client: FlaskClient, app: Flask) -> tuple[Any, str]:
    open_citizen(client, METTE)
    client.get("/afmelding/")
    answer(client, "/afmelding/dato", date_fields("when", TODAY + timedelta(days=10)))
    answer(client, "/afmelding/aarsag", {"reason": "job_as_employee"})
    assert submit(client, "afmelding").status_code == 302
    [row] = [r for r in dfdg_rows(app, "Registration") if r.end_date]
    return row, "deregistered_by"


def _recover(client: FlaskClient, app: Flask) -> tuple[Any, str]:
    open_citizen(client, METTE)
    reference = report_sickness(client, TODAY - timedelta(days=3)).location.split("/")[-1]
    client.get("/raskmelding/")
    answer(client, "/raskmelding/rask-dato", date_fields("fit_day", TODAY - timedelta(days=1)))
    assert submit(client, "raskmelding").status_code == 302
    [row] = [a for a in dfdg_rows(app, "Absence") if a.source_reference == reference]
    assert row.fit_day == TODAY - timedelta(days=1)
    return row, "ended_by"


def _holiday(client: FlaskClient, app: Flask) -> tuple[Any, str]:
    from tests.integration.test_journeys import report_holiday

    open_citizen(client, METTE)
    report_holiday(client, TODAY + timedelta(days=9), TODAY + timedelta(days=12))
    reference = submit(client, "ferie").location.split("/")[-1]
    [row] = [a for a in dfdg_rows(app, "Absence") if a.source_reference == reference]
    return row, "created_by"


@pytest.mark.parametrize(
    ("journey", "action"),
    [
        (_register, "registration.create"),
        (_deregister, "registration.deregister"),
        (_recover, "absence.recover"),
        (_holiday, "absence.create"),
    ],
    ids=["registration", "deregistration", "recovery", "holiday"],
)
def test_journeys_on_behalf_end_in_dfdg_with_the_caseworker_as_actor(
    caseworker: FlaskClient,
    journey_app: Flask,  # noqa: F811
    journey: Any,
    action: str,
) -> None:
    row, by = journey(caseworker, journey_app)
    assert getattr(row, f"{by}_type") == "caseworker"
    assert getattr(row, f"{by}_name") == HANNE.full_name
    assert getattr(row, f"{by}_organisation") == "29190011"
    [write] = [e for e in audit(journey_app) if e.action == action and e.person_id == row.person_id]
    assert (write.actor_type, write.actor_name) == ("caseworker", HANNE.full_name)
    assert write.on_behalf_of == row.person_id and write.purpose == "case_processing"


# -- recently opened citizens ---------------------------------------------------------------


def reopen(client: FlaskClient, person_id: str, **answers: str) -> Any:
    page = client.get("/sagsbehandler/")
    return client.post(
        "/sagsbehandler/genaabn",
        data={"csrf_token": csrf_token(page), "person_id": person_id, **answers},
    )


def test_a_recently_opened_citizen_is_opened_again_with_a_new_purpose(
    caseworker: FlaskClient,
    journey_app: Flask,  # noqa: F811
) -> None:
    open_citizen(caseworker, METTE)
    page = caseworker.get("/sagsbehandler/borger")
    caseworker.post("/sagsbehandler/stop", data={"csrf_token": csrf_token(page)})
    start = caseworker.get("/sagsbehandler/").get_data(as_text=True)
    recent = start.split('id="recent-heading"')[1]
    match = re.search(r'name="person_id" value="([^"]+)"', recent)
    assert match and "Open Mette Nielsen again</button>" in recent
    person_id = match.group(1)
    assert METTE not in start and "120385" not in start

    asked = reopen(caseworker, person_id)
    assert asked.status_code == 200
    html = asked.get_data(as_text=True)
    assert "<h1>Open Mette Nielsen again</h1>" in html and 'name="purpose"' in html
    assert errors(asked) == []  # the question, not yet an error
    assert "Choose why you are opening" in " ".join(
        errors(reopen(caseworker, person_id, confirm="yes"))
    )

    opened = reopen(caseworker, person_id, confirm="yes", purpose="citizen_contacted_us")
    assert opened.location == "/sagsbehandler/borger"
    assert METTE not in opened.location and person_id not in opened.location
    assert "<h1>Mette Nielsen</h1>" in caseworker.get("/sagsbehandler/borger").get_data(
        as_text=True
    )
    reads = [
        e for e in audit(journey_app) if e.person_id == person_id and e.action == "person.read"
    ]
    assert reads[-1].purpose == "citizen_contacted_us"
    assert reads[-1].actor_name == HANNE.full_name


def test_only_a_recently_opened_citizen_can_be_opened_again(
    caseworker: FlaskClient,
    journey_app: Flask,  # noqa: F811
) -> None:
    henrik = next(p for p in dfdg_rows(journey_app, "Person") if p.cpr == HENRIK)
    answer = reopen(caseworker, henrik.id, confirm="yes", purpose="case_processing")
    assert answer.status_code == 400
    assert caseworker.get("/sagsbehandler/borger").location == "/sagsbehandler/"


def test_the_interview_list_is_logged_with_its_own_purpose(
    caseworker: FlaskClient,
    journey_app: Flask,  # noqa: F811
) -> None:
    from tests.integration.test_caseworker_summons import create_summons

    open_citizen(caseworker, METTE, "interview")
    create_summons(caseworker, day=TODAY, clock="23:30")
    caseworker.get("/sagsbehandler/")
    listed = [e for e in audit(journey_app) if e.action == "summons.day_list" and e.person_id]
    assert listed and {e.purpose for e in listed} == {"interview_list"}
    log = citizen_client(journey_app, METTE).get("/mine-data/hvem-har-set").get_data(as_text=True)
    assert "The job centre's list of today's interviews" in html.unescape(log)
