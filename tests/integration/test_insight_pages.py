"""My data through the whole web app: the page by category, the JSON download, the access log
with its filters and CSV, the history of a record, the formal request for access, and that
another person's ids are not found."""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from collections.abc import Callable
from datetime import timedelta
from html import unescape
from typing import Any
from urllib.parse import quote

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from tests.helpers import csrf_token, login_citizen

METTE = "1203851234"  # demo: registered, a holiday registered by caseworker Hanne Mikkelsen
LARS = "0507921457"  # demo: registered, sick
CAMILLA = "2503954728"  # demo: protected address
CAMILLA_STREET = "Skjulested 1"


@pytest.fixture
def insight_app(demo: Flask) -> Flask:
    return demo


@pytest.fixture
def citizen(insight_app: Flask) -> Callable[[str], FlaskClient]:
    def login(cpr: str) -> FlaskClient:
        client = insight_app.test_client()
        client.get("/language/en")
        login_citizen(client, cpr)
        return client

    return login


def dfdg_rows(app: Flask, model: Any, **where: Any) -> list[Any]:
    store = app.extensions["dfdg_app"].extensions["dfdg_store"]
    with store.session() as session:
        query = select(model).filter_by(**where)
        return list(session.scalars(query))


def person_id(app: Flask, cpr: str) -> str:
    from jobnet.dfdg.models.persons import Person

    (person,) = dfdg_rows(app, Person, cpr=cpr)
    return person.id


def hanne(app: Flask) -> dict[str, str]:
    """DFDG's headers for Hanne Mikkelsen of Jobcenter København."""
    return {
        "Authorization": f"Bearer {app.config['DFDG_API_TOKEN']}",
        "X-Actor-Type": "caseworker",
        "X-Actor-Id": "CVR:29190011-RID:41120001",
        "X-Actor-Name": quote("Hanne Mikkelsen"),
        "X-Actor-Organisation": "29190011",
        "X-Purpose": quote("Opfølgning på jobplan"),
    }


def caseworker_reads(app: Flask, cpr: str) -> None:
    """Hanne Mikkelsen of Jobcenter København reads the person through DFDG's API."""
    dfdg = app.extensions["dfdg_app"].test_client()
    response = dfdg.get(f"/api/v1/persons/{person_id(app, cpr)}", headers=hanne(app))
    assert response.status_code == 200, response.get_json()


def test_my_data_shows_every_record_by_category_with_history_links(
    citizen: Callable[[str], FlaskClient], insight_app: Flask
) -> None:
    from jobnet.dfdg.models.registrations import Absence, Registration

    client = citizen(METTE)
    page = client.get("/mine-data/")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert html.count("<h1") == 1
    for heading in (
        "Personal details",
        "Contact groups and match groups",
        "Registrations as a jobseeker",
        "Absences",
        "Who has seen or changed your data",
        "Requests for access",
    ):
        assert f">{heading}</h2>" in html
    mette = person_id(insight_app, METTE)
    for model, kind in ((Registration, "registrations"), (Absence, "absences")):
        records = dfdg_rows(insight_app, model, person_id=mette)
        assert records
        for record in records:
            assert f"/mine-data/historik/{kind}/{record.id}" in html
    assert "Hanne Mikkelsen, Jobcenter København" in html
    assert "Nørrebrogade 112" in html
    danish = client.get("/mine-data/", headers={"Cookie": "jobnet_lang=da"})
    assert danish.status_code == 200


def test_my_data_shows_summons_and_held_interviews_in_words_not_codes(
    citizen: Callable[[str], FlaskClient], insight_app: Flask
) -> None:
    from jobnet.dfdg import clock

    dfdg = insight_app.extensions["dfdg_app"]
    with dfdg.app_context():
        yesterday = clock.today() - timedelta(days=1)
    held = dfdg.test_client().post(
        f"/api/v1/persons/{person_id(insight_app, METTE)}/interviews",
        json={
            "held_on": yesterday.isoformat(),
            "form": "phone",
            "agreement": "Ny samtale om tre uger",
        },
        headers={**hanne(insight_app), "Idempotency-Key": "insight-held-interview"},
    )
    assert held.status_code == 201, held.get_json()
    client = citizen(METTE)
    english = unescape(client.get("/mine-data/").get_data(as_text=True))
    summons = english.split(">Summons to interviews</h2>")[1].split("</table>")[0]
    assert "Summoned by" in summons and "Hanne Mikkelsen, Jobcenter København" in summons
    assert "Job interview" in summons and "In person" in summons
    interviews = english.split(">Interviews</h2>")[1].split("</table>")[0]
    assert "Ny samtale om tre uger" in interviews and "By phone" in interviews
    client.get("/language/da")
    danish = unescape(client.get("/mine-data/").get_data(as_text=True))
    summons = danish.split(">Indkaldelser til samtaler</h2>")[1].split("</table>")[0]
    assert "Indkaldt af" in summons and "Jobsamtale" in summons and "Fremmøde" in summons
    assert "Aflyst den" in summons and "Flyttet den" in summons
    for code in ("job_interview", "in_person", "Starts at", "Sequence", "T09:00:00Z"):
        assert code not in danish
    interviews = danish.split(">Samtaler</h2>")[1].split("</table>")[0]
    assert "Telefon" in interviews and "Hanne Mikkelsen, Jobcenter København" in interviews


def test_download_is_the_whole_export_as_an_attachment_and_nothing_of_others(
    citizen: Callable[[str], FlaskClient], insight_app: Flask
) -> None:
    from jobnet.dfdg.models.registrations import Absence, Registration

    client = citizen(METTE)
    response = client.get("/mine-data/hent")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")
    document = json.loads(response.get_data(as_text=True))
    assert document["format"] == "dfdg.person-export" and document["version"]
    mette = person_id(insight_app, METTE)
    registrations = {r["id"] for r in document["categories"]["registrations"]}
    assert registrations == {r.id for r in dfdg_rows(insight_app, Registration, person_id=mette)}
    absences = {a["id"] for a in document["categories"]["absences"]}
    assert absences == {a.id for a in dfdg_rows(insight_app, Absence, person_id=mette)}
    lars = person_id(insight_app, LARS)
    text = json.dumps(document)
    assert lars not in text
    for absence in dfdg_rows(insight_app, Absence, person_id=lars):
        assert absence.id not in text


def test_caseworker_reads_appear_in_the_log_with_name_job_centre_and_purpose(
    citizen: Callable[[str], FlaskClient], insight_app: Flask
) -> None:
    caseworker_reads(insight_app, METTE)
    client = citizen(METTE)
    html = client.get("/mine-data/hvem-har-set").get_data(as_text=True)
    assert "Hanne Mikkelsen, Jobcenter København" in html
    assert "Opfølgning på jobplan" in html
    assert "Read your personal details" in html
    only = client.get("/mine-data/hvem-har-set?actor_type=caseworker").get_data(as_text=True)
    rows = re.findall(r"<tr>\s*<td class=\"jobnet-nowrap\">", only)
    assert len(rows) >= 1
    assert "<td>You</td>" not in only
    download = client.get("/mine-data/hvem-har-set.csv?actor_type=caseworker")
    assert download.headers["Content-Disposition"].startswith("attachment;")
    table = list(csv.reader(io.StringIO(download.get_data(as_text=True).lstrip("\ufeff"))))
    assert table[0][:4] == ["When", "Who", "What", "Purpose"]
    assert ["Hanne Mikkelsen, Jobcenter København", "Opfølgning på jobplan"] in [
        [row[1], row[3]] for row in table[1:]
    ]


def test_log_filters_are_checked(citizen: Callable[[str], FlaskClient]) -> None:
    client = citizen(METTE)
    query = "date_from-day=2&date_from-month=1&date_from-year=2026"
    query += "&date_to-day=1&date_to-month=1&date_to-year=2026"
    page = client.get(f"/mine-data/hvem-har-set?{query}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "The to date cannot be before the from date" in html
    assert 'href="#date_to-day"' in html


def test_history_of_a_record_and_not_of_anyone_elses(
    citizen: Callable[[str], FlaskClient], insight_app: Flask
) -> None:
    from jobnet.dfdg.models.registrations import Absence

    client = citizen(METTE)
    (holiday,) = dfdg_rows(insight_app, Absence, person_id=person_id(insight_app, METTE))
    page = client.get(f"/mine-data/historik/absences/{holiday.id}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Version 1: registered" in html
    assert "Hanne Mikkelsen, Jobcenter København" in html
    (sickness,) = dfdg_rows(insight_app, Absence, person_id=person_id(insight_app, LARS))
    assert client.get(f"/mine-data/historik/absences/{sickness.id}").status_code == 404
    assert client.get(f"/mine-data/historik/nonsense/{holiday.id}").status_code == 404


def test_another_persons_data_cannot_be_reached_by_changing_an_id_in_the_api(
    citizen: Callable[[str], FlaskClient], insight_app: Flask
) -> None:
    """The web app sends the citizen's own id; DFDG answers 404 for anyone else's."""
    from jobnet.clients.dfdg_client.client import get_dfdg_client
    from jobnet.clients.dfdg_client.errors import DfdgNotFound
    from jobnet.web.auth.users import Actor

    mette, lars = person_id(insight_app, METTE), person_id(insight_app, LARS)
    actor = Actor(type="citizen", id=mette, name="Mette Nielsen")
    with insight_app.app_context():
        client = get_dfdg_client()
        for call in (
            lambda: client.export(lars, actor),
            lambda: client.audit_log(lars, actor),
            lambda: client.insight_requests(lars, actor),
        ):
            with pytest.raises(DfdgNotFound):
                call()


def test_formal_request_for_access_gives_a_receipt_with_the_deadline(
    citizen: Callable[[str], FlaskClient], insight_app: Flask
) -> None:
    from jobnet.dfdg.models.insight import InsightRequest
    from jobnet.domain.clock import today_in_denmark
    from jobnet.domain.insight import answer_deadline
    from jobnet.web.platform.i18n import format_local_date

    client = citizen(METTE)
    form = client.get("/mine-data/anmod-om-indsigt")
    assert form.status_code == 200
    key = re.search(r'name="key" type="hidden" value="([^"]+)"', form.get_data(as_text=True))
    assert key
    data = {"csrf_token": csrf_token(form), "key": key.group(1), "note": "Mine samtaler"}
    response = client.post("/mine-data/anmod-om-indsigt", data=data)
    assert response.status_code == 302
    assert response.location.startswith("/kvittering/JN-")
    again = client.post("/mine-data/anmod-om-indsigt", data=data)
    assert again.location == response.location  # a double click files it once
    reference = response.location.rsplit("/", 1)[-1]
    (request,) = dfdg_rows(insight_app, InsightRequest)
    assert (request.source_reference, request.note) == (reference, "Mine samtaler")
    assert request.deadline == answer_deadline(today_in_denmark())
    with insight_app.test_request_context(headers={"Accept-Language": "en"}):
        deadline = format_local_date(request.deadline)
    receipt = client.get(response.location).get_data(as_text=True)
    assert reference in receipt
    assert deadline in receipt
    assert "Mine samtaler" in receipt
    assert "DFDG&#39;s reference number" in receipt and request.reference in receipt
    my_data = client.get("/mine-data/").get_data(as_text=True)
    assert reference in my_data


def test_formal_request_and_log_are_for_citizens_only(insight_app: Flask) -> None:
    client = insight_app.test_client()
    for path in ("/mine-data/", "/mine-data/hvem-har-set", "/mine-data/anmod-om-indsigt"):
        assert client.get(path).status_code == 302  # to the login


def test_protected_address_is_shown_to_the_citizen_and_never_logged(
    citizen: Callable[[str], FlaskClient], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = citizen(CAMILLA)
    html = client.get("/mine-data/").get_data(as_text=True)
    assert CAMILLA_STREET in html
    assert "Your address is protected" in html
    assert CAMILLA_STREET in client.get("/mine-data/hent").get_data(as_text=True)
    assert CAMILLA_STREET not in caplog.text


def test_min_side_links_to_my_data(citizen: Callable[[str], FlaskClient]) -> None:
    html = citizen(METTE).get("/min-side/").get_data(as_text=True)
    assert 'href="/mine-data/"' in html


def _caseworker_headers(app: Flask, purpose: str) -> dict[str, str]:
    return {
        "Authorization": f"Bearer {app.config['DFDG_API_TOKEN']}",
        "X-Actor-Type": "caseworker",
        "X-Actor-Id": "CVR:29190011-RID:41120001",
        "X-Actor-Name": quote("Hanne Mikkelsen"),
        "X-Actor-Organisation": "29190011",
        "X-Purpose": quote(purpose),
    }


def test_purposes_are_shown_in_words_in_the_log_its_download_and_history(
    citizen: Callable[[str], FlaskClient], insight_app: Flask
) -> None:
    dfdg = insight_app.extensions["dfdg_app"].test_client()
    mette = person_id(insight_app, METTE)
    read = dfdg.get(
        f"/api/v1/persons/{mette}", headers=_caseworker_headers(insight_app, "case_processing")
    )
    assert read.status_code == 200
    from jobnet.domain.clock import today_in_denmark

    headers = {
        **_caseworker_headers(insight_app, "other: Tjek af jobsøgning"),
        "Idempotency-Key": "purpose-approval",
    }
    body = {"status": "approved", "date": today_in_denmark().isoformat()}
    written = dfdg.put(f"/api/v1/persons/{mette}/cv/approval", json=body, headers=headers)
    assert written.status_code == 200, written.get_json()
    client = citizen(METTE)
    html = client.get("/mine-data/hvem-har-set?actor_type=caseworker").get_data(as_text=True)
    assert "<td>Case processing</td>" in html and "<td>Tjek af jobsøgning</td>" in html
    assert "case_processing" not in html and "other:" not in html
    download = client.get("/mine-data/hvem-har-set.csv?actor_type=caseworker")
    table = list(csv.reader(io.StringIO(download.get_data(as_text=True).lstrip("\ufeff"))))
    purposes = {row[3] for row in table[1:]}
    assert {"Case processing", "Tjek af jobsøgning"} <= purposes
    assert not {
        purpose for purpose in purposes if "case_processing" in purpose or "other:" in purpose
    }
    history = client.get("/mine-data/historik/cv_section/approval")
    assert history.status_code == 200
    assert "<td>Tjek af jobsøgning</td>" in history.get_data(as_text=True)
    danish = citizen(METTE)
    danish.get("/language/da")
    dansk = danish.get("/mine-data/hvem-har-set?actor_type=caseworker").get_data(as_text=True)
    assert "<td>Sagsbehandling</td>" in dansk


def test_the_log_pages_and_its_download_holds_every_entry_of_the_period(
    citizen: Callable[[str], FlaskClient], insight_app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jobnet.clients.dfdg_client import insight as dfdg_insight
    from jobnet.dfdg.models.audit import AuditEntry
    from jobnet.dfdg.models.base import utcnow
    from jobnet.web.citizen.insight.views import AUDIT_LOG_PAGE_SIZE

    mette = person_id(insight_app, METTE)
    store = insight_app.extensions["dfdg_app"].extensions["dfdg_store"]
    with store.session() as session:
        for minutes in range(AUDIT_LOG_PAGE_SIZE + 20):
            session.add(
                AuditEntry(
                    person_id=mette,
                    actor_type="system",
                    action="person.read",
                    channel="system",
                    system="batch",
                    outcome="ok",
                    at=utcnow() - timedelta(days=1, minutes=minutes),
                )
            )
    client = citizen(METTE)
    first = client.get("/mine-data/hvem-har-set").get_data(as_text=True)
    row = re.compile(r"<tr>\s*<td class=\"jobnet-nowrap\">")
    assert len(row.findall(first)) == AUDIT_LOG_PAGE_SIZE
    assert f"The page shows {AUDIT_LOG_PAGE_SIZE} entries at a time" in first
    older = re.search(r'<a href="([^"]+)">Older entries</a>', first)
    assert older
    second = client.get(older.group(1).replace("&amp;", "&")).get_data(as_text=True)
    assert 0 < len(row.findall(second)) < AUDIT_LOG_PAGE_SIZE
    assert "Back to the newest entries" in second and "Older entries" not in second
    logged = len(dfdg_rows(insight_app, AuditEntry, person_id=mette))
    monkeypatch.setattr(dfdg_insight, "AUDIT_LOG_MAX_PAGE", 7)  # many pages from DFDG
    download = client.get("/mine-data/hvem-har-set.csv")
    table = list(csv.reader(io.StringIO(download.get_data(as_text=True).lstrip("\ufeff"))))
    assert len(table) - 1 == logged > AUDIT_LOG_PAGE_SIZE


def test_my_data_shows_deleted_joblog_entries_marked_as_deleted(
    citizen: Callable[[str], FlaskClient], insight_app: Flask
) -> None:
    dfdg = insight_app.extensions["dfdg_app"].test_client()
    mette = person_id(insight_app, METTE)
    headers = {
        "Authorization": f"Bearer {insight_app.config['DFDG_API_TOKEN']}",
        "X-Actor-Type": "citizen",
        "X-Actor-Id": mette,
    }
    body = {
        "applied_on": "2026-01-05",
        "employer": "Slettet Bageri",
        "job_title": "Bager",
        "kind": "advertised",
        "status": "sent",
    }
    path = f"/api/v1/persons/{mette}/joblog"
    made = dfdg.post(path, json=body, headers={**headers, "Idempotency-Key": "jl-1"})
    assert made.status_code == 201, made.get_json()
    entry_id = made.get_json()["id"]
    gone = dfdg.delete(
        f"{path}/{entry_id}", json={}, headers={**headers, "Idempotency-Key": "jl-2"}
    )
    assert gone.status_code == 200
    html = citizen(METTE).get("/mine-data/").get_data(as_text=True)
    row = re.search(r"<tr>\s*<td[^>]*>[^<]*</td>\s*<td>Slettet Bageri</td>.*?</tr>", html, re.S)
    assert row, "the deleted entry is shown"
    assert "(You)" in row.group(0)
    assert f"/mine-data/historik/joblog/{entry_id}" in row.group(0)


def test_my_data_shows_both_references_of_a_request_for_access(
    citizen: Callable[[str], FlaskClient], insight_app: Flask
) -> None:
    from jobnet.dfdg.models.insight import InsightRequest

    client = citizen(METTE)
    form = client.get("/mine-data/anmod-om-indsigt")
    key = re.search(r'name="key" type="hidden" value="([^"]+)"', form.get_data(as_text=True))
    assert key
    data = {"csrf_token": csrf_token(form), "key": key.group(1), "note": ""}
    sent = client.post("/mine-data/anmod-om-indsigt", data=data)
    ours = sent.location.rsplit("/", 1)[-1]
    (request,) = dfdg_rows(insight_app, InsightRequest)
    assert request.reference.startswith("IND-")
    my_data = client.get("/mine-data/").get_data(as_text=True)
    assert f"{ours}<br>In the employment database: {request.reference}" in my_data
