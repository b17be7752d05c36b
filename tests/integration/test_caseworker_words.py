"""A caseworker's pages about a citizen speak from the caseworker's side and name who did what
(issue 20 defect 16: the citizen page said "Your latest reports" and "By: You" for the citizen's
own report, the CV pages were titled "My CV" / "Mit CV")."""

from __future__ import annotations

import re
from datetime import timedelta
from html import unescape

from flask import Flask
from flask.testing import FlaskClient

from tests.integration.test_caseworker import (
    METTE,
    caseworker,  # noqa: F401  (fixture)
    citizen_client,
    journey_app,  # noqa: F401  (fixture)
    open_citizen,
)
from tests.integration.test_journeys import TODAY, report_sickness

METTE_NAME = "Mette Nielsen"
# The citizen's voice: none of it on a page the caseworker reads about the citizen.
CITIZEN_VOICE = (
    "Your latest reports",
    "My CV",
    "My Plan",
    "You have not sent any reports",
    "Remove it from your CV",
    "Your applications",
    "See your applications week by week",
    "Download your joblog",
    "Who has seen or changed your data",
    "Entries removed from your CV",
    "about you, grouped by kind",
)
DANISH_CITIZEN_VOICE = ("Mit CV", "Min Plan", "Dine seneste", "Dine ansøgninger")


def _text(client: FlaskClient, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    main = response.get_data(as_text=True).split("<main", 1)[1].split("</main>")[0]
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main)))


def _cells(client: FlaskClient, path: str) -> list[str]:
    html = client.get(path).get_data(as_text=True)
    return [unescape(cell).strip() for cell in re.findall(r"<td>([^<]*)</td>", html)]


def test_the_citizen_page_names_the_citizen_where_the_citizen_acted(
    caseworker: FlaskClient,  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    sent = report_sickness(citizen_client(journey_app, METTE), TODAY - timedelta(days=1))
    open_citizen(caseworker, METTE)
    page = _text(caseworker, "/sagsbehandler/borger")
    assert "The citizen's latest reports, newest first" in page
    assert "The citizen's plan" in page
    cells = _cells(caseworker, "/sagsbehandler/borger")
    assert f"{METTE_NAME} (the citizen)" in cells and "You" not in cells
    receipt = _cells(caseworker, sent.location)
    assert "You" not in receipt
    # The citizen's own view still speaks to the citizen.
    citizen = citizen_client(journey_app, METTE)
    assert "You" in _cells(citizen, "/min-side/")


def test_every_page_about_the_citizen_speaks_from_the_caseworkers_side(
    caseworker: FlaskClient,  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    report_sickness(citizen_client(journey_app, METTE), TODAY - timedelta(days=1))
    open_citizen(caseworker, METTE)
    cv = caseworker.get("/cv/").get_data(as_text=True)
    entry = re.search(r'href="(/cv/kompetencer/[0-9a-f-]{36})"', cv)
    assert entry
    paths = [
        "/sagsbehandler/borger",
        "/cv/",
        "/cv/kontakt",
        "/cv/kompetencer/ny",
        entry.group(1),
        entry.group(1) + "/fjern",
        "/joblog/",
        "/mine-data/",
    ]
    for path in paths:
        text = _text(caseworker, path)
        for words in CITIZEN_VOICE:
            assert words not in text, (path, words)
    assert "You" not in _cells(caseworker, "/mine-data/")
    caseworker.get("/language/da")
    for path in paths:
        text = _text(caseworker, path)
        for words in DANISH_CITIZEN_VOICE:
            assert words not in text, (path, words)
