"""The job centre's overview of duties: its citizens with duties overdue or due within a week,
narrowed by kind, each with a button that opens the citizen (asking the purpose) at the page
to act on; "I can't come" shows on the overview, the citizen page and the summons, with the
offer of a new time; a fund's employee is refused."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from flask import Flask
from flask.testing import FlaskClient

from jobnet.demo_identities import DEMO_CASEWORKERS
from tests.helpers import csrf_token, login_caseworker
from tests.integration.test_cannot_come_pages import _upcoming_summons
from tests.integration.test_caseworker import HANNE, METTE, audit
from tests.integration.test_journeys import (  # noqa: F401 - fixtures
    EN,
    citizen,
    journey_app,
)

OVERVIEW = "/sagsbehandler/pligter/"
MAJA = next(c for c in DEMO_CASEWORKERS if c.organisation_cvr == "39190021")


def _caseworker(app: Flask, who: str = HANNE.professional_id) -> FlaskClient:
    client = app.test_client()
    client.get("/language/en")
    login_caseworker(client, who)
    return client


def _mette_cannot_come(citizen: Callable[[str], FlaskClient]) -> str:  # noqa: F811
    client = citizen(METTE)
    summons_id = _upcoming_summons(client)
    path = f"/indkaldelser/{summons_id}/kan-ikke-komme"
    form = client.get(path, headers=EN)
    key = re.search(r'id="key" name="key" type="hidden" value="([^"]+)"', form.get_data(True))
    assert key
    data = {"csrf_token": csrf_token(form), "key": key.group(1), "reason": "sickness"}
    sent = client.post(path, data={**data, "note": "Feber"})
    assert sent.status_code == 302 and "/kvittering/" in sent.location
    return summons_id


def _mette_id(app: Flask) -> str:
    from sqlalchemy import select

    from jobnet.dfdg.models.persons import Person

    store = app.extensions["dfdg_app"].extensions["dfdg_store"]
    with store.session() as session:
        return str(session.scalars(select(Person.id).where(Person.cpr == METTE)).one())


def _row_of(page: str, person_id: str, summons_id: str) -> str:
    found = re.search(
        rf'<tr data-person="{person_id}" data-duty="interview:{summons_id}">(.*?)</tr>',
        page,
        re.S,
    )
    assert found, page
    return found.group(1)


def test_i_cant_come_shows_in_the_overview_and_the_caseworker_offers_a_new_time(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    summons_id = _mette_cannot_come(citizen)
    mette = _mette_id(journey_app)
    client = _caseworker(journey_app)
    start = client.get("/sagsbehandler/").get_data(as_text=True)
    assert f'href="{OVERVIEW}"' in start

    page = client.get(OVERVIEW).get_data(as_text=True)
    row = _row_of(page, mette, summons_id)
    assert "Mette Nielsen" in row
    assert "Has said they cannot come to the interview: offer a new time" in row
    assert 'name="act" value="move"' in row and f'name="summons" value="{summons_id}"' in row
    narrowed = client.get(OVERVIEW + "?type=samtaler").get_data(as_text=True)
    assert '<strong aria-current="page">Interviews</strong>' in narrowed
    _row_of(narrowed, mette, summons_id)
    only_cv = client.get(OVERVIEW + "?type=cv").get_data(as_text=True)
    assert f'data-duty="interview:{summons_id}"' not in only_cv
    listed = [e for e in audit(journey_app) if e.action == "duties.overview"]
    assert listed and {e.purpose for e in listed} == {"duties_overview"}
    assert {e.organisation for e in listed} == {"29190011"}

    # The button asks for the purpose, then opens Mette at the move of that summons.
    token = csrf_token(client.get(OVERVIEW))
    fields = {
        "csrf_token": token,
        "person_id": mette,
        "name": "Mette Nielsen",
        "act": "move",
        "summons": summons_id,
    }
    asked = client.post(OVERVIEW + "aabn", data=fields)
    assert asked.status_code == 200
    asked_page = asked.get_data(as_text=True)
    assert "<h1>Open Mette Nielsen</h1>" in asked_page
    missing = client.post(OVERVIEW + "aabn", data={**fields, "confirm": "yes"})
    assert "Choose why you are opening" in html.unescape(missing.get_data(as_text=True))
    opened = client.post(
        OVERVIEW + "aabn", data={**fields, "confirm": "yes", "purpose": "case_processing"}
    )
    assert opened.status_code == 302
    assert opened.location.endswith(f"summons={summons_id}") and "flyt" in opened.location

    citizen_page = html.unescape(client.get("/sagsbehandler/borger").get_data(as_text=True))
    told = citizen_page.split(f'data-summons="{summons_id}"')[1].split("</td>")[0]
    assert "Cannot come" in told and "Reason: I am sick" in told and "Note: Feber" in told
    assert "Offer a new time" in citizen_page
    show = client.get(f"/indkaldelser/{summons_id}").get_data(as_text=True)
    assert "The citizen has told the job centre that they cannot come" in html.unescape(show)
    assert "Offer a new time" in show


def test_a_citizen_of_another_municipality_is_not_opened_from_the_overview(
    journey_app: Flask,  # noqa: F811
) -> None:
    aarhus = next(c for c in DEMO_CASEWORKERS if c.organisation_cvr == "29190012")
    client = _caseworker(journey_app, aarhus.professional_id)
    token = csrf_token(client.get(OVERVIEW))
    fields = {"csrf_token": token, "person_id": _mette_id(journey_app), "act": "cv"}
    opened = client.post(
        OVERVIEW + "aabn", data={**fields, "confirm": "yes", "purpose": "case_processing"}
    )
    assert opened.status_code == 302 and opened.location.endswith(OVERVIEW)
    assert "You cannot open this citizen" in client.get(OVERVIEW).get_data(as_text=True)
    assert client.get("/sagsbehandler/borger").status_code == 302  # not working on anyone
    assert client.post(OVERVIEW + "aabn", data={"csrf_token": token}).status_code == 400


def test_a_fund_employee_is_refused_the_overview(journey_app: Flask) -> None:  # noqa: F811
    client = _caseworker(journey_app, MAJA.professional_id)
    assert client.get(OVERVIEW).status_code == 403
    assert f'href="{OVERVIEW}"' not in client.get("/sagsbehandler/").get_data(as_text=True)
