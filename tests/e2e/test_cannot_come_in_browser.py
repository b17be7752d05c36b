""" "I can't come" reaches the job centre, in Chromium, in Danish and in English (issue 22): a
citizen says they cannot come to a summons because they are sick; the job centre's overview of
duties lists them with the offer of a new time; the button asks the purpose and opens the
citizen at the move of that summons; the citizen page shows the reason, the note and when. axe
checks the new pages on the way.

One flow per language, each with its own citizen, summons and caseworker (København in Danish,
Aarhus in English), summons no other browser test tells anything about.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from typing import Any

from tests.e2e.conftest import LiveServer, assert_no_axe_violations, caseworker_tab
from tests.e2e.pages import WORDS, Jobnet


@dataclass(frozen=True)
class Desk:
    citizen: str
    summons_kind: str  # the link to the summons on the citizen's list
    caseworker: str


DESKS = {
    "da": Desk("Mette Nielsen", "Opfølgningssamtale", "Hanne Mikkelsen"),
    "en": Desk("Lars Jensen", "Job interview", "Birgitte Østergaard"),
}

TEXTS = {
    "da": {
        "cannot_come": "Jeg kan ikke komme",
        "sick": "Jeg er syg",
        "received_or_registered": r"Kvittering: din indberetning er (registreret|modtaget)",
        "told": "Du har givet jobcenteret besked om, at du ikke kan komme",
        "report_sickness": "Sygemeld dig også",
        "overview": "Borgere med pligter, der forfalder",
        "offer": "Tilbyd et nyt tidspunkt",
        "open_heading": "Åbn {name}",
        "cannot_come_badge": "Kan ikke komme",
        "reason": "Begrundelse: Jeg er syg",
    },
    "en": {
        "cannot_come": "I can't come",
        "sick": "I am sick",
        "received_or_registered": r"Receipt: your report is (registered|received)",
        "told": "You have told the job centre that you cannot come",
        "report_sickness": "Report sickness as well",
        "overview": "Citizens with duties due",
        "offer": "Offer a new time",
        "open_heading": "Open {name}",
        "cannot_come_badge": "Cannot come",
        "reason": "Reason: I am sick",
    },
}


def test_i_cant_come_with_sickness_and_the_caseworker_sees_it(
    jobnet: Jobnet, page: Any, browser: Any, live_server: LiveServer, language: str
) -> None:
    text, desk, words = TEXTS[language], DESKS[language], WORDS[language]
    note = f"Influenza {secrets.token_hex(3)}"

    # The citizen says they cannot come, because they are sick.
    jobnet.log_in_as(desk.citizen)
    page.goto("/indkaldelser/")
    upcoming = page.get_by_role("region", name=words["upcoming"])
    upcoming.get_by_role("link", name=re.compile(f"^{desk.summons_kind}\\W")).first.click()
    jobnet.settled()
    summons_page = page.url
    jobnet.follow(text["cannot_come"])
    assert jobnet.h1() == text["cannot_come"]
    page.get_by_role("radio", name=text["sick"]).check()
    page.locator("#note").fill(note)
    jobnet.press(words["send"])
    jobnet.shown(page.get_by_role("heading", name=re.compile(text["received_or_registered"])))
    page.goto(summons_page)
    assert text["told"] in jobnet.main_text()
    assert page.get_by_role("link", name=text["report_sickness"]).is_visible()

    # The job centre's overview lists them, with the offer of a new time.
    caseworker = caseworker_tab(browser, live_server, language, desk.caseworker)
    desk_page = caseworker.page
    caseworker.follow(text["overview"])
    assert caseworker.h1() == text["overview"]
    assert_no_axe_violations(desk_page)
    row = desk_page.get_by_role("row").filter(has_text=desk.citizen).filter(has_text=text["offer"])
    assert row.count() == 1
    row.get_by_role("button", name=re.compile("^" + re.escape(text["offer"]))).click()
    caseworker.settled()

    # The purpose is asked, then the citizen opens at the move of that summons.
    assert caseworker.h1() == text["open_heading"].format(name=desk.citizen)
    assert_no_axe_violations(desk_page)
    caseworker.choose(words["interview_purpose"])
    caseworker.press(words["open_citizen"])
    assert "/sagsbehandler/indkaldelse/flyt/" in desk_page.url

    # The citizen page shows the notice: the reason, the note, when; and the offer.
    desk_page.goto("/sagsbehandler/borger")
    caseworker.settled()
    told = desk_page.locator(".jobnet-cannot-come")
    assert told.count() == 1
    shown = str(told.inner_text())
    assert text["cannot_come_badge"] in shown and text["reason"] in shown and note in shown
    assert desk_page.get_by_role("link", name=re.compile("^" + re.escape(text["offer"]))).count()
    assert_no_axe_violations(desk_page)
    desk_page.context.close()
