"""A caseworker's day in Chromium, in Danish and in English: log in with an employee identity
through the simulator, be refused a citizen of another municipality, open one of their own with
a purpose, register on the citizen's behalf and as the job centre, and stop acting.

One flow per language, each with its own caseworker and citizen, so the two runs never meet in
the live app's DFDG and no other browser test uses these citizens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from tests.e2e.pages import Jobnet, long_date, today


@dataclass(frozen=True)
class Desk:
    caseworker: str
    organisation: str
    citizen: str
    citizen_cpr: str
    place: str
    match_group: bool  # the citizen's contact group has match groups
    stranger_cpr: str  # a citizen of another municipality


DESKS = {
    "da": Desk(
        caseworker="Hanne Mikkelsen",
        organisation="Jobcenter København",
        citizen="Ahmad Karimi",  # contact group 3, match group 1
        citizen_cpr="0309014821",
        place="Jobcenter København, Kalvebod Brygge 45, 1560 København V",
        match_group=True,
        stranger_cpr="0507921457",  # Lars Jensen, Aarhus
    ),
    "en": Desk(
        caseworker="Birgitte Østergaard",
        organisation="Jobcenter Aarhus",
        citizen="Ida Kristensen",  # contact group 8, no match groups
        citizen_cpr="1404004975",
        place="Jobcenter Aarhus, Værkmestergade 15, 8000 Aarhus C",
        match_group=False,
        stranger_cpr="1203851234",  # Mette Nielsen, København
    ),
}


def open_citizen(jobnet: Jobnet, cpr: str) -> None:
    words = jobnet.words
    jobnet.page.get_by_label(words["cpr"]).fill(cpr)
    jobnet.choose(words["interview_purpose"])
    jobnet.press(words["open_citizen"])


def test_caseworker_acts_for_a_citizen_of_their_municipality(
    jobnet: Jobnet, page: Any, language: str
) -> None:
    words, desk = jobnet.words, DESKS[language]
    day = today()
    jobnet.log_in_as_caseworker(desk.caseworker)
    assert jobnet.h1() == words["caseworker_start"]

    # Another municipality's citizen: a clear refusal, and nothing is opened.
    open_citizen(jobnet, desk.stranger_cpr)
    refusal = words["not_our_citizen"].format(organisation=desk.organisation)
    assert page.title().startswith(words["error"])
    assert jobnet.focused_id() == "error-summary"
    assert page.locator("#error-summary").get_by_text(refusal).is_visible()
    assert page.get_by_role("region", name=words["acting_banner"]).count() == 0

    # Their own citizen, with a purpose: the banner says on whose data they work.
    open_citizen(jobnet, desk.citizen_cpr)
    assert jobnet.h1() == desk.citizen
    banner = page.get_by_role("region", name=words["acting_banner"])
    assert banner.get_by_text(words["acting_on"].format(name=desk.citizen)).is_visible()

    # Sickness on the citizen's behalf; the receipt names the caseworker as the sender.
    jobnet.follow(words["report_sickness"])
    assert banner.is_visible()
    jobnet.fill_date(words["first_sick_day"], day)
    jobnet.press(words["continue"])
    sickness = jobnet.send_check_your_answers()
    sent_by = words["sent_by"].format(name=desk.caseworker, organisation=desk.organisation)
    assert sent_by in jobnet.main_text()

    # A summons a week ahead.
    page.goto("/sagsbehandler/borger")
    jobnet.follow(words["summon"])
    interview_day = day + timedelta(days=7)
    jobnet.fill_date(words["interview_date"], interview_day)
    page.get_by_label(words["time"]).fill("10:00")
    jobnet.press(words["continue"])
    jobnet.choose(words["job_interview"])
    jobnet.choose(words["in_person"])
    page.get_by_label(words["place"]).fill(desk.place)
    jobnet.press(words["continue"])
    page.get_by_label(words["contact_options"]).fill("33 17 33 17")
    jobnet.fill_date(words["letter_date"], day)
    jobnet.press(words["continue"])
    summons = jobnet.send_check_your_answers()

    # A held interview today.
    page.goto("/sagsbehandler/borger")
    upcoming = page.get_by_role("table", name=words["upcoming_of_citizen"])
    booked = upcoming.get_by_role("row").filter(has_text=long_date(interview_day, language))
    assert booked.count() == 1
    jobnet.follow(words["held_interview"])
    jobnet.fill_date(words["held_on"], day)
    jobnet.choose(words["in_person"])
    jobnet.press(words["continue"])
    page.get_by_label(words["agreement"]).fill("Næste samtale om fire uger.")
    if desk.match_group:
        jobnet.choose(words["ready_for_a_job"])
    jobnet.press(words["continue"])
    interview = jobnet.send_check_your_answers()

    # The CV approval, sent from the keyboard.
    page.goto("/sagsbehandler/borger")
    jobnet.follow(words["assess_cv"])
    jobnet.choose(words["approved"])
    page.get_by_label(words["note"]).fill("Godt CV.")
    jobnet.fill_date(words["assessed_on"], day)
    page.get_by_role("group", name=words["assessed_on"]).get_by_label(words["year"]).press("Enter")
    jobnet.settled()
    assert words["approved"] in jobnet.main_text()  # check your answers
    approval = jobnet.send_check_your_answers()

    # A job-centre absence: civic duty on the two days before the sickness began.
    page.goto("/sagsbehandler/borger")
    jobnet.follow(words["absence"])
    jobnet.choose(words["civic_duty"])
    jobnet.fill_date(words["first_day"], day - timedelta(days=2))
    jobnet.fill_date(words["last_day"], day - timedelta(days=1))
    jobnet.press(words["continue"])
    absence = jobnet.send_check_your_answers()

    references = [sickness, summons, interview, approval, absence]
    assert len(set(references)) == len(references)
    page.goto("/sagsbehandler/borger")
    for reference in references:
        assert page.get_by_role("link", name=reference, exact=True).is_visible()

    # Stop acting: the banner goes, the start page says so and offers the citizen again.
    jobnet.press(words["stop_acting"])
    page.wait_for_url(re.compile(r"/sagsbehandler/$"))
    assert page.get_by_text(words["stopped_acting"]).is_visible()
    assert page.get_by_role("region", name=words["acting_banner"]).count() == 0
    assert page.get_by_role("button", name=re.compile(re.escape(desk.citizen))).is_visible()
    page.goto("/sagsbehandler/borger")
    assert jobnet.h1() != desk.citizen
