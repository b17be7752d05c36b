"""My data: History links next to each CV section and entry and the plan, history pages that
name who made each version (the citizen, or a caseworker with job centre and purpose), and 404
for another person's CV entry or plan."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.helpers import login_citizen
from tests.integration.test_insight_pages import LARS, METTE, dfdg_rows, person_id

CV_SECTIONS = ("contact", "job_wishes", "driving_licences", "profile", "visibility", "approval")
PURPOSE = "CV-samtale"


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


def dfdg_change(app: Flask, method: str, path: str, body: dict[str, Any], **actor: str) -> Any:
    """A change through DFDG's API, as jobnet-web would send it for `actor`."""
    headers = {
        "Authorization": f"Bearer {app.config['DFDG_API_TOKEN']}",
        "Idempotency-Key": str(uuid.uuid4()),
        "X-Channel": "web",
        **{f"X-{name.replace('_', '-').title()}": value for name, value in actor.items()},
    }
    response = (
        app.extensions["dfdg_app"]
        .test_client()
        .open("/api/v1" + path, method=method, json=body, headers=headers)
    )
    assert response.status_code in (200, 201), response.get_data(as_text=True)
    return response.get_json()


def as_citizen(app: Flask, cpr: str) -> dict[str, str]:
    return {"actor_type": "citizen", "actor_id": person_id(app, cpr)}


def as_hanne() -> dict[str, str]:
    return {
        "actor_type": "caseworker",
        "actor_id": "CVR:29190011-RID:41120001",
        "actor_name": quote("Hanne Mikkelsen"),
        "actor_organisation": "29190011",
        "purpose": quote(PURPOSE),
    }


def page(client: FlaskClient, path: str, status: int = 200) -> str:
    response = client.get(path)
    assert response.status_code == status, path
    html = response.get_data(as_text=True)
    if status == 200:
        assert html.count("<h1") == 1
    return html


def test_my_data_links_each_cv_section_entry_and_the_plan_to_its_history(
    citizen: Callable[[str], FlaskClient], insight_app: Flask
) -> None:
    from jobnet.dfdg.models.cv import CvEntry
    from jobnet.dfdg.models.plans import JobPlan

    client = citizen(METTE)
    html = page(client, "/mine-data/")
    mette = person_id(insight_app, METTE)
    for section in CV_SECTIONS:
        assert f"/mine-data/historik/cv_section/{section}" in html
    entries = dfdg_rows(insight_app, CvEntry, person_id=mette)
    assert len(entries) == 5
    for entry in entries:
        assert f"/mine-data/historik/cv_entry/{entry.id}" in html
    (plan,) = dfdg_rows(insight_app, JobPlan, person_id=mette)
    assert f"/mine-data/historik/plan/{plan.id}" in html
    assert "Rigshospitalet" in html and "Approved by Jobcenter København" in html
    client.get("/language/da")
    assert ">Historik<" in page(client, "/mine-data/")


def test_cv_history_pages_name_the_citizen_and_the_caseworker(
    citizen: Callable[[str], FlaskClient], insight_app: Flask
) -> None:
    from jobnet.dfdg.models.cv import CvEntry

    mette = person_id(insight_app, METTE)
    me = as_citizen(insight_app, METTE)
    dfdg_change(insight_app, "PUT", f"/persons/{mette}/cv/contact", {"email": "m@example.dk"}, **me)
    from jobnet.domain.clock import today_in_denmark

    today = today_in_denmark().isoformat()
    approval = {"status": "not_approved", "date": today, "note": "Tilføj dine kurser"}
    dfdg_change(insight_app, "PUT", f"/persons/{mette}/cv/approval", approval, **as_hanne())
    skill = next(
        e for e in dfdg_rows(insight_app, CvEntry, person_id=mette) if e.section == "skills"
    )
    path = f"/persons/{mette}/cv/skills/{skill.id}"
    dfdg_change(insight_app, "DELETE", path, {"reference": "JN-TEST-0001"}, **me)

    client = citizen(METTE)
    contact = page(client, "/mine-data/historik/cv_section/contact")
    assert "CV: Contact details" in contact
    assert "Version 1: changed" in contact and "m@example.dk" in contact
    assert re.search(r"<td>\s*You\s*</td>", contact)
    assessed = page(client, "/mine-data/historik/cv_section/approval")
    assert "Version 1: assessed" in assessed
    assert "Hanne Mikkelsen, Jobcenter København" in assessed and PURPOSE in assessed
    assert "Not approved" in assessed and "Tilføj dine kurser" in assessed
    removed = page(client, f"/mine-data/historik/cv_entry/{skill.id}")
    assert "CV: Skills" in removed
    assert "Version 2: removed" in removed and "Medicinhåndtering" in removed
    # The removed entry stays in My data, with its history.
    assert f"/mine-data/historik/cv_entry/{skill.id}" in page(client, "/mine-data/")
    client.get("/language/da")
    assert "<h1>Historik</h1>" in page(client, "/mine-data/historik/cv_section/approval")


def test_plan_history_page_shows_each_version_with_the_caseworker(
    citizen: Callable[[str], FlaskClient], insight_app: Flask
) -> None:
    from jobnet.dfdg.models.plans import JobPlan, JobPlanVersion

    mette = person_id(insight_app, METTE)
    (plan,) = dfdg_rows(insight_app, JobPlan, person_id=mette)
    earlier = dfdg_rows(insight_app, JobPlanVersion, plan_id=plan.id)
    revision = {
        "targets": ["Fast stilling som sygeplejerske"],
        "applications_per_week": 4,
        "measures": [],
    }
    dfdg_change(insight_app, "POST", f"/persons/{mette}/plan/revisions", revision, **as_hanne())
    html = page(citizen(METTE), f"/mine-data/historik/plan/{plan.id}")
    assert "My Plan" in html
    assert "Version 1: registered" in html
    newest = len(earlier) + 1
    assert f"Version {newest}: revised" in html
    assert "Fast stilling som sygeplejerske" in html
    # The demo plan: version 1 by Hanne Mikkelsen, version 2 by Søren Holm; then Hanne's.
    assert newest == 3
    rows = re.findall(r"<tr>\s*<td><a href=\"#version-(\d)\">.*?</tr>", html, re.S)
    assert rows == ["1", "2", "3"]
    whos = re.findall(r"<td>([^<]*, Jobcenter København)</td>", html)
    assert whos == [
        "Hanne Mikkelsen, Jobcenter København",
        "Søren Holm, Jobcenter København",
        "Hanne Mikkelsen, Jobcenter København",
    ]
    assert PURPOSE in html


def test_another_persons_cv_entry_and_plan_history_are_not_found(
    citizen: Callable[[str], FlaskClient], insight_app: Flask
) -> None:
    from jobnet.dfdg.models.cv import CvEntry
    from jobnet.dfdg.models.plans import JobPlan

    lars = person_id(insight_app, LARS)
    (entry, *_rest) = dfdg_rows(insight_app, CvEntry, person_id=lars)
    client = citizen(METTE)
    page(client, f"/mine-data/historik/cv_entry/{entry.id}", 404)
    for plan in dfdg_rows(insight_app, JobPlan, person_id=lars):
        page(client, f"/mine-data/historik/plan/{plan.id}", 404)
    page(client, "/mine-data/historik/plan/no-such-plan", 404)
    page(client, "/mine-data/historik/cv_section/nonsense", 404)
