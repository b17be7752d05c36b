"""The job centre takes back what it offered, in Chromium, in Danish and in English (issue 22):
a caseworker offers two times and asks a citizen to book; the citizen books one and is told
until when it can be moved; on the citizen's page the caseworker sees the citizen's duties and
the booking with its time; the booked time cannot be removed (the page says how many booked
it), the other can; the caseworker withdraws the booking (its summons is cancelled, with a
receipt), and the citizen's page says so. axe checks the new pages on the way.

One flow per language with its own citizen, caseworker and place, so the runs never meet each
other nor the other booking tests in the live app.
"""

from __future__ import annotations

import re
import secrets
from datetime import timedelta
from typing import Any

from tests.e2e.conftest import LiveServer, assert_no_axe_violations, caseworker_tab
from tests.e2e.pages import WORDS, Jobnet, today
from tests.e2e.test_booking_in_browser import TEXTS as BOOKING_TEXTS
from tests.e2e.test_booking_in_browser import Desk, add_time, ask_to_book
from tests.e2e.test_caseworker_in_browser import open_citizen

DESKS = {
    "da": Desk("Mads Rasmussen", "1908871245", "Hanne Mikkelsen"),
    "en": Desk("Camilla Pedersen", "2503954728", "Birgitte Østergaard"),
}

TEXTS = {
    "da": {
        "cutoff": "24 timer før den begynder",
        "duties": "Borgerens pligter",
        "bookings": "Samtaler, borgeren er bedt om at booke",
        "booked": "Booket",
        "remove": "Fjern",
        "remove_time": "Fjern tiden",
        "cannot_remove": "1 borger har booket den",
        "removed": "Tiden er fjernet fra listen.",
        "withdraw": "Træk tilbage",
        "reason": "Hvorfor trækkes bookingen tilbage?",
        "withdrawn_receipt": "Booking trukket tilbage",
        "withdrawn": "Trukket tilbage af jobcenteret",
    },
    "en": {
        "cutoff": "24 hours before it starts",
        "duties": "The citizen's duties",
        "bookings": "Interviews the citizen is asked to book",
        "booked": "Booked",
        "remove": "Remove",
        "remove_time": "Remove the time",
        "cannot_remove": "1 citizen has booked it",
        "removed": "The time is removed from the list.",
        "withdraw": "Withdraw",
        "reason": "Why is the booking withdrawn?",
        "withdrawn_receipt": "Booking withdrawn",
        "withdrawn": "Withdrawn by the job centre",
    },
}


def test_a_caseworker_removes_a_time_and_withdraws_a_booked_interview(
    jobnet: Jobnet, page: Any, browser: Any, live_server: LiveServer, language: str
) -> None:
    text, mine, desk = BOOKING_TEXTS[language], TEXTS[language], DESKS[language]
    words = WORDS[language]
    kept, spare = (f"Lokale {secrets.token_hex(3)}" for _ in range(2))
    day = today() + timedelta(days=15)

    # The job centre offers two times and asks the citizen to book one.
    caseworker = caseworker_tab(browser, live_server, language, desk.caseworker)
    desk_page = caseworker.page
    caseworker.follow(text["slots"])
    add_time(caseworker, text, day, kept)
    add_time(caseworker, text, day + timedelta(days=1), spare)
    desk_page.goto("/sagsbehandler/")
    open_citizen(caseworker, desk.citizen_cpr)
    caseworker.follow(text["ask"])
    ask_to_book(caseworker, text, [kept, spare])

    # The citizen books the first time and is told until when it can be moved.
    jobnet.log_in_as(desk.citizen)
    page.goto("/book-samtale/")
    jobnet.follow(text["choose"])
    page.get_by_role("radio", name=re.compile(re.escape(kept))).check()
    jobnet.press(text["book"])
    jobnet.shown(jobnet.heading(text["booked"]))
    assert mine["cutoff"] in jobnet.main_text()
    assert_no_axe_violations(page)

    # The caseworker sees the citizen's duties and the booking with its time.
    desk_page.goto("/sagsbehandler/borger")
    assert desk_page.get_by_role("heading", name=mine["duties"], level=2).count() == 1
    table = desk_page.get_by_role("table", name=mine["bookings"])
    row = table.get_by_role("row").filter(has_text=mine["booked"])
    assert row.count() == 1 and text["clock"] in row.inner_text()
    assert_no_axe_violations(desk_page)

    # The booked time cannot be removed; the other can.
    desk_page.goto("/sagsbehandler/")
    caseworker.follow(text["slots"])
    taken = desk_page.get_by_role("row").filter(has_text=kept)
    assert taken.get_by_role("link", name=mine["remove"]).count() == 0
    desk_page.get_by_role("row").filter(has_text=spare).get_by_role(
        "link", name=re.compile("^" + mine["remove"])
    ).click()
    caseworker.settled()
    assert_no_axe_violations(desk_page)
    caseworker.press(mine["remove_time"])
    caseworker.shown(desk_page.get_by_text(mine["removed"]))
    assert desk_page.get_by_role("row").filter(has_text=spare).count() == 0
    assert desk_page.get_by_role("row").filter(has_text=kept).count() == 1

    # The caseworker withdraws the booking: the summons is cancelled, with a receipt.
    desk_page.goto("/sagsbehandler/borger")
    table = desk_page.get_by_role("table", name=mine["bookings"])
    table.get_by_role("link", name=re.compile("^" + mine["withdraw"])).click()
    caseworker.settled()
    assert caseworker.h1() == mine["reason"]
    assert_no_axe_violations(desk_page)
    desk_page.get_by_label(mine["reason"]).fill("Borgeren er i arbejde")
    caseworker.fill_date(words["letter_date"], today())
    caseworker.press(words["continue"])
    assert_no_axe_violations(desk_page)
    caseworker.send_check_your_answers()
    assert mine["withdrawn_receipt"] in caseworker.main_text()
    assert_no_axe_violations(desk_page)

    # The citizen's booking page says so; the time is free again on the list.
    page.goto("/book-samtale/")
    assert mine["withdrawn"] in jobnet.main_text()
    assert "Borgeren er i arbejde" in jobnet.main_text()
    assert_no_axe_violations(page)
    desk_page.goto("/sagsbehandler/booking/tider")
    free = desk_page.get_by_role("row").filter(has_text=kept)
    assert free.get_by_role("link", name=re.compile("^" + mine["remove"])).count() == 1
    desk_page.context.close()
    assert page.console_errors == []
