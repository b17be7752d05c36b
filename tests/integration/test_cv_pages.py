"""Mit CV through the web app, written through to the in-process DFDG: the overview, each
section, add / change / remove with "are you sure", rules at the form, idempotent saves, and
no way into another person's CV."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

from flask import Flask
from flask.testing import FlaskClient

from jobnet.dfdg.models.cv import Cv, CvEntry, CvVersion
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


def _cv_of(app: Flask, cpr: str) -> Cv:
    pid = person_id(app, cpr)
    return next(cv for cv in dfdg_rows(app, Cv) if cv.person_id == pid)


def _entries(app: Flask, cpr: str, section: str) -> list[CvEntry]:
    pid = person_id(app, cpr)
    return [e for e in dfdg_rows(app, CvEntry) if e.person_id == pid and e.section == section]


def _experience(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "employer": "Netto",
        "title": "Butiksassistent",
        **date_fields("start_date", TODAY - timedelta(days=400)),
        **date_fields("end_date", TODAY - timedelta(days=10)),
        "description": "Kasse og varer",
    }
    return {**data, **overrides}


def test_the_overview_shows_every_section_name_address_and_approval(citizen: Login) -> None:
    page = citizen(METTE).get("/cv/")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    for text in (
        "My CV",
        "Mette Nielsen",
        "Contact details",
        "mette.nielsen@example.dk",
        "20 30 40 50",
        "Job wishes",
        "Work experience",
        "Sygeplejerske, Rigshospitalet",
        "Education",
        "Courses and certificates",
        "Skills",
        "Languages",
        "Very good",
        "Driving licences",
        "Profile",
        "Visibility to employers",
        "Approved by Jobcenter København",
        "5 November 2026",
    ):
        assert text in html, text
    assert html.count("<h1") == 1


def test_a_person_without_a_cv_sees_empty_sections(citizen: Login) -> None:
    html = citizen(ANNE).get("/cv/").get_data(as_text=True)
    assert "Not assessed yet" in html
    assert "You have not added anything here yet." in html


def test_contact_details_are_saved_in_dfdg_with_a_receipt(citizen: Login, page_app: Flask) -> None:
    client = citizen(ANNE)
    response = form_post(
        client, "/cv/kontakt", {"email": "anne@example.dk", "phone": "+45 40 50 60 70"}
    )
    assert response.status_code == 302 and response.location == "/cv/"
    page = client.get("/cv/").get_data(as_text=True)
    assert "Saved in the employment database (DFDG). Reference number JN-" in page
    cv = _cv_of(page_app, ANNE)
    assert (cv.email, cv.phone) == ("anne@example.dk", "40506070")
    (version,) = [v for v in dfdg_rows(page_app, CvVersion) if v.cv_id == cv.id]
    assert version.source_reference and version.source_reference.startswith("JN-")
    receipt = client.get(f"/kvittering/{version.source_reference}").get_data(as_text=True)
    assert "Contact details" in receipt and "anne@example.dk" in receipt
    assert "cv.update" in audit_actions(page_app, cv.person_id)


def test_contact_rules_are_checked_at_the_form(citizen: Login, page_app: Flask) -> None:
    client = citizen(ANNE)
    page = form_post(client, "/cv/kontakt", {"email": "anne@", "phone": "1234"})
    assert page.status_code == 200
    assert errors(page) == [
        "Enter an e-mail address like name@example.dk.",
        "Enter a Danish phone number with 8 digits, for example 20 30 40 50.",
    ]
    assert 'href="#email"' in page.get_data(as_text=True)  # the error summary links the field
    assert not [cv for cv in dfdg_rows(page_app, Cv) if cv.person_id == person_id(page_app, ANNE)]


def test_single_sections_job_wishes_licences_profile_visibility(
    citizen: Login, page_app: Flask
) -> None:
    client = citizen(ANNE)
    wishes = {"titles-0": "Kok", "titles-1": "", "area": "Odense", "work_time": "part_time"}
    assert form_post(client, "/cv/jobonsker", wishes).status_code == 302
    assert form_post(client, "/cv/koerekort", {"licences": ["B", "C1"]}).status_code == 302
    assert form_post(client, "/cv/profil", {"text": "Glad kok."}).status_code == 302
    assert form_post(client, "/cv/synlighed", {"searchable": "yes"}).status_code == 302
    cv = _cv_of(page_app, ANNE)
    assert (cv.job_titles, cv.job_area, cv.work_time) == (["Kok"], "Odense", "part_time")
    assert (cv.driving_licences, cv.profile, cv.searchable) == (["B", "C1"], "Glad kok.", True)
    shown = client.get("/cv/koerekort").get_data(as_text=True)
    assert re.search(r'<input checked[^>]*value="C1"', shown)
    assert not re.search(r'<input checked[^>]*value="A1"', shown)
    empty = form_post(client, "/cv/jobonsker", {"work_time": "full_time"})
    assert errors(empty) == ["Enter at least one job you want"]


def test_work_experience_is_added_changed_and_removed(citizen: Login, page_app: Flask) -> None:
    client = citizen(ANNE)
    assert form_post(client, "/cv/erhvervserfaring/ny", _experience()).status_code == 302
    (entry,) = _entries(page_app, ANNE, "experience")
    assert entry.data["employer"] == "Netto"
    changed = _experience(title="Souschef", ongoing="y", **date_fields("end_date", None))
    path = f"/cv/erhvervserfaring/{entry.id}"
    assert 'value="Netto"' in client.get(path).get_data(as_text=True)
    assert form_post(client, path, changed).status_code == 302
    (entry,) = _entries(page_app, ANNE, "experience")
    assert entry.data["title"] == "Souschef" and entry.data["ongoing"] is True
    confirm = client.get(f"{path}/fjern")
    assert "Are you sure you want to remove it?" in confirm.get_data(as_text=True)
    assert form_post(client, f"{path}/fjern", {}).status_code == 302
    (entry,) = _entries(page_app, ANNE, "experience")
    assert entry.deleted_at is not None  # kept, marked removed
    assert "Souschef" not in client.get("/cv/").get_data(as_text=True)
    assert client.get(path).status_code == 404
    actions = audit_actions(page_app, entry.person_id)
    assert {"cv.entry.create", "cv.entry.update", "cv.entry.delete"} <= set(actions)


def test_experience_dates_are_checked_at_the_form(citizen: Login, page_app: Flask) -> None:
    client = citizen(ANNE)
    future = _experience(**date_fields("start_date", TODAY + timedelta(days=1)))
    page = form_post(client, "/cv/erhvervserfaring/ny", future)
    assert "It can be at most 60 years back, and not in the future." in errors(page)
    backwards = _experience(**date_fields("end_date", TODAY - timedelta(days=500)))
    page = form_post(client, "/cv/erhvervserfaring/ny", backwards)
    assert "The end date cannot be before the start date." in errors(page)
    missing = _experience(employer="", **date_fields("end_date", None))
    page = form_post(client, "/cv/erhvervserfaring/ny", missing)
    assert errors(page) == [
        "Enter the name of the employer",
        "Enter the end date, unless it is still going on.",
    ]
    assert _entries(page_app, ANNE, "experience") == []


def test_other_list_sections(citizen: Login, page_app: Flask) -> None:
    client = citizen(ANNE)
    education = {
        "institution": "SDU",
        "programme": "HA",
        "completed": "no",
        **date_fields("start_date", TODAY - timedelta(days=700)),
        **date_fields("end_date", TODAY + timedelta(days=200)),
    }
    assert form_post(client, "/cv/uddannelse/ny", education).status_code == 302
    course = {"name": "Hygiejnebevis", "provider": "", **date_fields("completed_on", None)}
    assert form_post(client, "/cv/kurser/ny", course).status_code == 302
    assert form_post(client, "/cv/kompetencer/ny", {"name": "Excel"}).status_code == 302
    again = form_post(client, "/cv/kompetencer/ny", {"name": "excel"})
    assert errors(again) == ["You already have this on your CV."]
    language = {"language": "Tysk", "level": "good"}
    assert form_post(client, "/cv/sprog/ny", language).status_code == 302
    sections = {
        e.section for e in dfdg_rows(page_app, CvEntry) if e.person_id == person_id(page_app, ANNE)
    }
    assert sections == {"education", "courses", "skills", "languages"}
    html = client.get("/cv/").get_data(as_text=True)
    assert "HA, SDU" in html and "Not completed" in html and "Tysk" in html


def test_a_resubmitted_form_saves_once(citizen: Login, page_app: Flask) -> None:
    client = citizen(ANNE)
    page = client.get("/cv/kompetencer/ny")
    data = {"csrf_token": csrf_token(page), "key": hidden(page, "key"), "name": "Svejsning"}
    first = client.post("/cv/kompetencer/ny", data=data)
    second = client.post("/cv/kompetencer/ny", data=data)
    assert first.status_code == second.status_code == 302
    assert len(_entries(page_app, ANNE, "skills")) == 1


def test_another_persons_entries_are_not_found(citizen: Login, page_app: Flask) -> None:
    (lars_entry,) = _entries(page_app, LARS, "experience")
    client = citizen(METTE)
    for path in (
        f"/cv/erhvervserfaring/{lars_entry.id}",
        f"/cv/erhvervserfaring/{lars_entry.id}/fjern",
    ):
        assert client.get(path).status_code == 404
        page = client.get("/cv/kompetencer/ny")
        token = csrf_token(page)
        assert client.post(path, data={"csrf_token": token, "key": "k" * 20}).status_code == 404
    mette_skill = _entries(page_app, METTE, "skills")[0]
    assert client.get(f"/cv/erhvervserfaring/{mette_skill.id}").status_code == 404  # wrong section
    assert client.get("/cv/ukendt").status_code == 404
    assert client.get("/cv/kontakt/ny").status_code == 404
    (lars_entry,) = _entries(page_app, LARS, "experience")
    assert lars_entry.deleted_at is None and lars_entry.version == 1


def test_the_cv_pages_need_a_login(page_app: Flask) -> None:
    client = page_app.test_client()
    for path in ("/cv/", "/cv/kontakt", "/cv/erhvervserfaring/ny"):
        response = client.get(path)
        assert response.status_code in (302, 401), path
