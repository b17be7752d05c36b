"""Booking one's own interview in the web app (issue 22): the job centre adds a time, asks a
citizen to book; the citizen sees the duty, books a time, gets the receipt and the summons, and
moves it; the job centre sees who has (not) booked. Bad input is kept and never a 5xx."""

from __future__ import annotations

import re
from collections.abc import Callable

from flask import Flask
from flask.testing import FlaskClient

from jobnet.demo_identities import DEMO_CASEWORKERS
from tests.helpers import csrf_token, login_caseworker
from tests.integration.test_caseworker import open_citizen
from tests.integration.test_journeys import (  # noqa: F401 - fixtures
    EN,
    METTE,
    citizen,
    journey_app,
)

HANNE = DEMO_CASEWORKERS[0]  # Jobcenter København, Mette's
SLOT = re.compile(r'name="slot_ids" type="checkbox" value="([0-9a-f-]{36})"')
CHOICE = re.compile(r'name="slot_id" (?:required )?type="radio" value="([0-9a-f-]{36})"')
BOOKING = re.compile(r'href="/book-samtale/([0-9a-f-]{36})"')


def _key(page: str) -> str:
    found = re.search(r'name="key" type="hidden" value="([^"]+)"', page)
    assert found
    return found.group(1)


def _caseworker(app: Flask) -> FlaskClient:
    client = app.test_client()
    client.get("/language/en")
    login_caseworker(client, HANNE.professional_id)
    return client


def _add_slot(client: FlaskClient, day: str, time: str = "10:00", **extra: str):
    page = client.get("/sagsbehandler/booking/tider", headers=EN)
    text = page.get_data(as_text=True)
    d, m, y = day.split("-")
    data = {
        "csrf_token": csrf_token(page),
        "key": _key(text),
        "starts_on-day": d,
        "starts_on-month": m,
        "starts_on-year": y,
        "starts_time": time,
        "duration_minutes": "30",
        "form": "in_person",
        "place": "Gyldenløvesgade 15",
        "capacity": "1",
        **extra,
    }
    return client.post("/sagsbehandler/booking/tider", data=data, headers=EN)


def _open_booking(client: FlaskClient, slots: int = 1, **extra: str):
    page = client.get("/sagsbehandler/booking/ny", headers=EN)
    text = page.get_data(as_text=True)
    data = {
        "csrf_token": csrf_token(page),
        "key": _key(text),
        "type": "follow_up",
        "form": "in_person",
        "deadline-day": "27",
        "deadline-month": "11",
        "deadline-year": "2026",
        "slot_ids": SLOT.findall(text)[:slots],
        "contact_options": "Ring på 33 17 33 17",
        **extra,
    }
    return client.post("/sagsbehandler/booking/ny", data=data, headers=EN)


def test_a_caseworker_asks_the_citizen_books_moves_and_the_caseworker_sees_it(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    hanne = _caseworker(journey_app)
    empty = hanne.get("/sagsbehandler/booking/tider", headers=EN).get_data(as_text=True)
    assert "There are no times on the list." in empty
    assert _add_slot(hanne, "30-11-2026").status_code == 302
    assert _add_slot(hanne, "01-12-2026", "09:00").status_code == 302
    listed = hanne.get("/sagsbehandler/booking/tider", headers=EN).get_data(as_text=True)
    assert "Gyldenløvesgade 15" in listed and "30 November 2026 at 10:00" in listed

    assert open_citizen(hanne, "120385-1234").status_code == 302
    opened = _open_booking(hanne, slots=2)
    assert opened.status_code == 302, opened.get_data(as_text=True)
    waiting = hanne.get("/sagsbehandler/booking/", headers=EN).get_data(as_text=True)
    assert "Mette" in waiting and "Not booked" in waiting

    mette = citizen(METTE)
    duties = mette.get("/pligter/", headers=EN).get_data(as_text=True)
    assert "Book your interview" in duties and 'href="/book-samtale/"' in duties
    index = mette.get("/book-samtale/", headers=EN).get_data(as_text=True)
    [booking_id] = set(BOOKING.findall(index))
    page = mette.get(f"/book-samtale/{booking_id}", headers=EN)
    text = page.get_data(as_text=True)
    first, second = CHOICE.findall(text)
    data = {"csrf_token": csrf_token(page), "key": _key(text), "slot_id": first}
    booked = mette.post(f"/book-samtale/{booking_id}", data=data, headers=EN)
    assert booked.status_code == 302
    receipt = mette.get(booked.location, headers=EN).get_data(as_text=True)
    assert "Your interview is booked" in receipt and "30 November 2026" in receipt
    assert "kalender.ics" in receipt and "Move to another time" in receipt

    page = mette.get(f"/book-samtale/{booking_id}", headers=EN)
    text = page.get_data(as_text=True)
    assert CHOICE.findall(text) == [second]
    data = {"csrf_token": csrf_token(page), "key": _key(text), "slot_id": second}
    moved = mette.post(f"/book-samtale/{booking_id}", data=data, headers=EN)
    assert "1 December 2026" in mette.get(moved.location, headers=EN).get_data(as_text=True)

    seen = hanne.get("/sagsbehandler/booking/?vis=booket", headers=EN).get_data(as_text=True)
    assert "Mette" in seen and "1 December 2026 at 09:00" in seen
    rest = hanne.get("/sagsbehandler/booking/", headers=EN).get_data(as_text=True)
    assert "There is no one here." in rest


def test_bad_input_is_kept_and_answered_in_the_page_language(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    hanne = _caseworker(journey_app)
    wrong = _add_slot(hanne, "30-11-2026", "25:99", place="", capacity="0")
    text = wrong.get_data(as_text=True)
    assert wrong.status_code == 422
    assert "Enter the time as hours and minutes" in text and 'value="25:99"' in text
    assert "Enter the place of an interview in person." in text
    past = _add_slot(hanne, "01-11-2026")
    assert past.status_code == 422
    assert "The interview must be later than now." in past.get_data(as_text=True)

    assert _add_slot(hanne, "30-11-2026").status_code == 302
    open_citizen(hanne, "120385-1234")
    late = _open_booking(hanne, **{"deadline-day": "1", "contact_options": "Ring"})
    assert late.status_code == 422
    assert "The deadline must be today or later." in late.get_data(as_text=True)
    none = _open_booking(hanne, slots=0)
    assert none.status_code == 422
    assert "Choose at least one time to offer." in none.get_data(as_text=True)

    mette = citizen(METTE)
    page = mette.get("/book-samtale/").get_data(as_text=True)
    assert "You have no interviews to book." in page or "Du har ingen samtaler at booke." in page
    assert mette.get("/book-samtale/" + "x" * 40).status_code == 404
