"""Booking one's own interview in Chromium, in Danish and in English (issue 22): a caseworker
adds a time to the job centre's list and asks a citizen to book; the citizen sees the duty,
books the time and gets the receipt with the summons; the caseworker sees it booked. axe checks
the new pages on the way.

One flow per language, each with its own citizen and caseworker (København in Danish, Aarhus in
English), and a place of its own, so the two runs never meet in the live app.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from tests.e2e.conftest import LiveServer, assert_no_axe_violations, caseworker_tab
from tests.e2e.pages import Jobnet, today
from tests.e2e.test_caseworker_in_browser import open_citizen


@dataclass(frozen=True)
class Desk:
    citizen: str
    citizen_cpr: str
    caseworker: str


DESKS = {
    "da": Desk("Mette Nielsen", "1203851234", "Hanne Mikkelsen"),
    "en": Desk("Lars Jensen", "0507921457", "Birgitte Østergaard"),
}

TEXTS = {
    "da": {
        "slots": "Tider til samtaler, som borgerne selv booker",
        "date": "Dato",
        "time": "Tidspunkt",
        "in_person": "Fremmøde",
        "place": "Sted",
        "add": "Tilføj tiden",
        "added": "Tiden er føjet til listen.",
        "ask": "Bed borgeren om at booke en samtale",
        "book_by": "Book senest",
        "contact": "Borgerens kontaktmuligheder",
        "send": "Bed borgeren om at booke",
        "asked": "Borgeren er bedt om at booke en samtale.",
        "duty": "Book din samtale",
        "choose": "Vælg en tid",
        "book": "Book denne tid",
        "booked": "Din samtale er booket",
        "summons": "Se indkaldelsen",
        "who": "Hvem har ikke booket",
        "booked_filter": "Booket",
        "clock": "kl. 10.00",
    },
    "en": {
        "slots": "Times for interviews citizens book",
        "date": "Date",
        "time": "Time",
        "in_person": "In person",
        "place": "Place",
        "add": "Add the time",
        "added": "The time is added to the list.",
        "ask": "Ask the citizen to book an interview",
        "book_by": "Book by",
        "contact": "The citizen's contact options",
        "send": "Ask the citizen to book",
        "asked": "The citizen is asked to book an interview.",
        "duty": "Book your interview",
        "choose": "Choose a time",
        "book": "Book this time",
        "booked": "Your interview is booked",
        "summons": "See the summons",
        "who": "Who has not booked",
        "booked_filter": "Booked",
        "clock": "at 10:00",
    },
}


def add_time(caseworker: Jobnet, text: dict[str, str], day: Any, place: str) -> None:
    """On the job centre's list of times: a time on `day` at 10:00 in person at `place`."""
    desk_page = caseworker.page
    caseworker.fill_date(text["date"], day)
    desk_page.get_by_label(text["time"], exact=True).fill("10:00")
    caseworker.choose(text["in_person"])
    desk_page.get_by_label(re.compile("^" + text["place"])).fill(place)
    caseworker.press(text["add"])
    caseworker.shown(desk_page.get_by_text(text["added"]))


def ask_to_book(caseworker: Jobnet, text: dict[str, str], places: list[str]) -> None:
    """On the page asking the open citizen to book: in person, by five days from today, among
    the times at `places`; sent."""
    desk_page = caseworker.page
    caseworker.choose(text["in_person"])
    caseworker.fill_date(text["book_by"], today() + timedelta(days=5))
    for place in places:
        desk_page.get_by_role("checkbox", name=re.compile(re.escape(place))).check()
    desk_page.get_by_label(text["contact"]).fill("Ring på 70 20 30 40")
    caseworker.press(text["send"])
    caseworker.shown(desk_page.get_by_text(text["asked"]))


def test_a_caseworker_asks_the_citizen_books_and_the_caseworker_sees_it(
    jobnet: Jobnet, page: Any, browser: Any, live_server: LiveServer, language: str
) -> None:
    text, desk = TEXTS[language], DESKS[language]
    place = f"Mødelokale {secrets.token_hex(3)}"
    day = today() + timedelta(days=14)

    # The job centre adds a time to its list.
    caseworker = caseworker_tab(browser, live_server, language, desk.caseworker)
    desk_page = caseworker.page
    caseworker.follow(text["slots"])
    assert caseworker.h1() == text["slots"]
    assert_no_axe_violations(desk_page)
    add_time(caseworker, text, day, place)
    assert desk_page.get_by_role("row").filter(has_text=place).count() == 1
    assert_no_axe_violations(desk_page)

    # It asks the citizen to book among its times.
    desk_page.goto("/sagsbehandler/")
    open_citizen(caseworker, desk.citizen_cpr)
    caseworker.follow(text["ask"])
    assert caseworker.h1() == text["ask"]
    assert_no_axe_violations(desk_page)
    ask_to_book(caseworker, text, [place])

    # The citizen sees the duty, books the time and gets the receipt with the summons.
    jobnet.log_in_as(desk.citizen)
    page.goto("/pligter/")
    jobnet.follow(text["duty"])
    assert jobnet.h1() == text["duty"]
    assert_no_axe_violations(page)
    jobnet.follow(text["choose"])
    assert_no_axe_violations(page)
    page.get_by_role("radio", name=re.compile(re.escape(place))).check()
    jobnet.press(text["book"])
    jobnet.shown(jobnet.heading(text["booked"]))
    assert place in jobnet.main_text()
    assert_no_axe_violations(page)
    assert page.get_by_role("link", name=text["summons"]).is_visible()

    # The caseworker sees it booked.
    desk_page.goto("/sagsbehandler/")
    caseworker.follow(text["who"])
    assert_no_axe_violations(desk_page)
    caseworker.follow(text["booked_filter"])
    row = desk_page.get_by_role("row").filter(has_text=desk.citizen).last
    assert text["clock"] in row.inner_text()
    assert_no_axe_violations(desk_page)
    desk_page.context.close()
    assert page.console_errors == []
