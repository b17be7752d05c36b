"""A summons marked not attended shows on the citizen's duty page as missed (issue 22 gap 1),
with what follows in plain words, in both languages; it is not on Min side's "What you need to
do", nor in the calendar feed. That the fund has been told is said only when the no-show event
went to a fund (test_not_attended_pages.py): marked here without one, it is not said."""

from __future__ import annotations

import re
from collections.abc import Callable

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from jobnet.domain.clock import now_utc
from tests.helpers import login_caseworker
from tests.integration.test_cannot_come_pages import _upcoming_summons
from tests.integration.test_caseworker import HANNE, open_citizen
from tests.integration.test_journeys import (  # noqa: F401 - fixtures
    EN,
    METTE,
    citizen,
    journey_app,
)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _mark_not_attended(app: Flask, summons_id: str) -> None:
    from jobnet.dfdg.models.summons import Summons

    store = app.extensions["dfdg_app"].extensions["dfdg_store"]
    with store.session() as session:
        summons = session.scalars(select(Summons).where(Summons.id == summons_id)).one()
        summons.not_attended_at = now_utc()
        session.commit()


def test_a_summons_marked_not_attended_is_missed_on_the_duty_page(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    client = citizen(METTE)  # contact group 1
    summons_id = _upcoming_summons(client)
    key = f'data-duty="interview:{summons_id}"'
    before = client.get("/pligter/", headers=EN).get_data(as_text=True)
    assert f'{key} data-state="to_do"' in before
    assert 'id="missed-heading"' not in before

    _mark_not_attended(journey_app, summons_id)
    page = client.get("/pligter/", headers=EN).get_data(as_text=True)
    missed = page.split('id="missed-heading"')[1].split("</section>")[0]
    assert f'{key} data-state="missed"' in missed
    words = _text(missed)
    assert "You did not attend your interview" in words
    assert "Missed" in words
    assert "The job centre has registered that you did not attend." in words
    assert "you may be deregistered as a jobseeker" in words
    assert "unemployment insurance fund has been told" not in words  # no event was sent
    to_do = page.split('id="open-heading"')[1].split("</section>")[0]
    assert key not in to_do

    front = client.get("/min-side/", headers=EN).get_data(as_text=True)
    assert key not in front.split('id="duties-heading"')[1].split("</section>")[0]

    hanne = journey_app.test_client()
    hanne.get("/language/en")
    login_caseworker(hanne, HANNE.professional_id)
    open_citizen(hanne, METTE)
    citizen_page = hanne.get("/sagsbehandler/borger").get_data(as_text=True)
    duties = _text(citizen_page.split('id="duties-heading"')[1].split("</section>")[0])
    assert "1 interview marked not attended." in duties
    assert key not in citizen_page.split('id="duties-heading"')[1].split("</section>")[0]

    client.get("/language/da")
    danish = _text(client.get("/pligter/").get_data(as_text=True))
    assert "Du mødte ikke op til din samtale" in danish
    assert "Din a-kasse har fået besked" not in danish
