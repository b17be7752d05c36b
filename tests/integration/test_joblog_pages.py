"""The job log through the web app, written through to the in-process DFDG: list, add, change,
delete with "are you sure", rules at the form, idempotent saves, the week overview against the
plan's requirement, the CSV download, and no way into another person's entries."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import timedelta

from flask import Flask
from flask.testing import FlaskClient

from jobnet.dfdg.models.cv import JoblogEntry, JoblogEntryVersion
from tests.helpers import csrf_token
from tests.integration.cv_joblog_helpers import (
    ANNE,
    LARS,
    METTE,
    TODAY,
    audit_actions,
    citizen,
    date_fields,
    dfdg_rows,
    errors,
    form_post,
    hidden,
    page_app,
    person_id,
)

__all__ = ["citizen", "page_app"]

Login = Callable[[str], FlaskClient]


def _entries(app: Flask, cpr: str) -> list[JoblogEntry]:
    pid = person_id(app, cpr)
    return [e for e in dfdg_rows(app, JoblogEntry) if e.person_id == pid]


def _application(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        **date_fields("applied_on", TODAY - timedelta(days=1)),
        "employer": "Føtex",
        "job_title": "Kassemedarbejder",
        "kind": "advertised",
        "status": "sent",
        "link": "https://job.example.dk/99",
        "note": "",
    }
    return {**data, **overrides}


def test_the_list_shows_own_entries_newest_first(citizen: Login) -> None:
    html = citizen(METTE).get("/joblog/").get_data(as_text=True)
    assert html.index("Region Hovedstaden") < html.index("Bispebjerg Hospital")
    assert html.index("Bispebjerg Hospital") < html.index("Hvidovre Hospital")
    assert "Called to a job interview" in html and "Unsolicited application" in html
    assert "Fragtmanden" not in html  # Lars's entry


def test_an_application_is_added_changed_and_deleted(citizen: Login, page_app: Flask) -> None:
    client = citizen(ANNE)
    added = form_post(client, "/joblog/ny", _application())
    assert added.status_code == 302 and added.location == "/joblog/"
    listed = client.get("/joblog/").get_data(as_text=True)
    assert "Saved in the employment database (DFDG). Reference number JN-" in listed
    assert "Kassemedarbejder, Føtex" in listed
    (entry,) = _entries(page_app, ANNE)
    assert (entry.employer, entry.link) == ("Føtex", "https://job.example.dk/99")
    assert entry.source_reference and entry.source_reference.startswith("JN-")
    path = f"/joblog/{entry.id}"
    assert 'value="Føtex"' in client.get(path).get_data(as_text=True)
    assert form_post(client, path, _application(status="interview")).status_code == 302
    confirm = client.get(f"{path}/slet").get_data(as_text=True)
    assert "Are you sure you want to delete the application?" in confirm
    assert form_post(client, f"{path}/slet", {}).status_code == 302
    (entry,) = _entries(page_app, ANNE)
    assert entry.status == "interview" and entry.deleted_at is not None
    versions = [v for v in dfdg_rows(page_app, JoblogEntryVersion) if v.entry_id == entry.id]
    assert [v.action for v in versions] == ["create", "update", "delete"]
    assert "Kassemedarbejder, Føtex" not in client.get("/joblog/").get_data(as_text=True)
    assert client.get(path).status_code == 404
    actions = audit_actions(page_app, entry.person_id)
    assert {"joblog.create", "joblog.update", "joblog.delete"} <= set(actions)
    receipt = client.get(f"/kvittering/{entry.source_reference}").get_data(as_text=True)
    assert "Application added to the joblog" in receipt and "Føtex" in receipt


def test_rules_are_checked_at_the_form(citizen: Login, page_app: Flask) -> None:
    client = citizen(ANNE)
    page = form_post(
        client,
        "/joblog/ny",
        _application(
            link="javascript:alert(1)",
            employer="",
            **date_fields("applied_on", TODAY + timedelta(days=1)),
        ),
    )
    assert page.status_code == 200
    assert errors(page) == [
        "When did you apply? cannot be in the future.",
        "Employer must be filled in.",
        "Enter a web address that starts with http:// or https://.",
    ]
    too_long = form_post(client, "/joblog/ny", _application(note="x" * 2001))
    assert errors(too_long) == ["Note can be at most 2000 characters."]
    assert _entries(page_app, ANNE) == []


def test_a_resubmitted_form_saves_once(citizen: Login, page_app: Flask) -> None:
    client = citizen(ANNE)
    page = client.get("/joblog/ny")
    data = {"csrf_token": csrf_token(page), "key": hidden(page, "key"), **_application()}
    assert client.post("/joblog/ny", data=data).status_code == 302
    assert client.post("/joblog/ny", data=data).status_code == 302
    assert len(_entries(page_app, ANNE)) == 1


def test_another_persons_entries_are_not_found(citizen: Login, page_app: Flask) -> None:
    lars_entry = _entries(page_app, LARS)[0]
    client = citizen(METTE)
    token = csrf_token(client.get("/joblog/ny"))
    for path in (f"/joblog/{lars_entry.id}", f"/joblog/{lars_entry.id}/slet"):
        assert client.get(path).status_code == 404
        data = {"csrf_token": token, "key": "k" * 20, **_application()}
        assert client.post(path, data=data).status_code == 404
    (lars_entry,) = [e for e in _entries(page_app, LARS) if e.id == lars_entry.id]
    assert lars_entry.deleted_at is None and lars_entry.version == 1


def test_the_week_overview_counts_against_the_plans_requirement(citizen: Login) -> None:
    html = citizen(METTE).get("/joblog/uger").get_data(as_text=True)
    assert "Your plan says you must apply for 4 jobs a week." in html
    assert "Week 48, 2026" in html and "Week 37, 2026" in html  # 12 weeks
    assert "Requirement met" in html


def test_the_week_overview_without_a_plan(citizen: Login) -> None:
    html = citizen(ANNE).get("/joblog/uger").get_data(as_text=True)
    assert "You have no plan with a job-search requirement" in html
    assert "Requirement met" not in html


def test_the_csv_download_is_excel_ready_and_safe(citizen: Login) -> None:
    client = citizen(ANNE)
    form_post(client, "/joblog/ny", _application(employer="=HYPERLINK(1)", note="+45 12 ; x"))
    form_post(client, "/joblog/ny", _application(employer="-minus", job_title="@at"))
    response = client.get("/joblog/joblog.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "no-store"
    raw = response.get_data()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Date", "Employer", "Job title", "Kind", "Status", "Link", "Note"]
    assert len(rows) == 3
    cells = {cell for row in rows[1:] for cell in row}
    assert {"'=HYPERLINK(1)", "'+45 12 ; x", "'-minus", "'@at", "24-11-2026"} <= cells
    assert "Advertised job" in cells


def test_the_csv_header_is_translated(citizen: Login, page_app: Flask) -> None:
    from flask_babel import force_locale

    from jobnet.web.citizen.joblog.views import CSV_COLUMNS

    client = citizen(METTE)
    client.get("/language/da")
    raw = client.get("/joblog/joblog.csv").get_data().decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(raw), delimiter=";"))
    with page_app.test_request_context(), force_locale("da"):
        expected = [str(label) for _name, label in CSV_COLUMNS]
    assert header == expected
    assert header[0] == "Dato"
