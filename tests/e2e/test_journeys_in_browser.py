"""The jobseeker journeys as a person uses them: in Chromium, in Danish and in English, by role
and accessible name, through the MitID simulator, written through to DFDG."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest

from tests.e2e.conftest import assert_no_axe_violations

WORDS = {
    "da": {
        "log_in": "Log ind",
        "continue": "Fortsæt",
        "send": "Send",
        "day": "Dag",
        "month": "Måned",
        "year": "År",
        "report_sickness": "Sygemeld dig",
        "report_recovery": "Raskmeld dig",
        "registered": "Kvittering: din indberetning er registreret",
        "first_sick_day": "Første sygedag",
        "fit_day": "Den dag, du blev rask igen",
        "error": "Fejl:",
        "register": "Tilmeld dig som jobsøger",
        "deregister": "Afmeld dig som jobsøger",
        "change": "Ændr",
    },
    "en": {
        "log_in": "Log in",
        "continue": "Continue",
        "send": "Send",
        "day": "Day",
        "month": "Month",
        "year": "Year",
        "report_sickness": "Report sickness",
        "report_recovery": "Report recovery",
        "registered": "Receipt: your report is registered",
        "first_sick_day": "First day of sickness",
        "fit_day": "The day you were fit again",
        "error": "Error:",
        "register": "Register as a jobseeker",
        "deregister": "Deregister as a jobseeker",
        "change": "Change",
    },
}
# One demo person per language, so the two runs never meet in the shared live DFDG.
REGISTERED = {"da": "Mads Rasmussen", "en": "Anne Larsen"}
NEW_CPR = {"da": "0707901234", "en": "0808901234"}


@dataclass
class Journey:
    """A page object for the journeys: finds everything by role and accessible name."""

    page: Any
    words: dict[str, str]

    def log_in_as(self, person_name: str | None = None, cpr: str | None = None) -> None:
        self.page.goto("/auth/login")
        if person_name:
            self.page.get_by_role("radio", name=re.compile(person_name)).check()
        else:
            self.page.locator("input[name=person][value=other]").check()
            self.page.locator("input[name=cpr]").fill(cpr or "")
            self.page.locator("input[name=given_name]").fill("Bente")
            self.page.locator("input[name=family_name]").fill("Browser")
        self.page.get_by_role("button", name=self.words["log_in"], exact=True).click()
        self.page.wait_for_url(re.compile(r"/min-side/"))

    def fill_date(self, group_name: str, day: date) -> None:
        group = self.page.get_by_role("group", name=group_name)
        group.get_by_label(self.words["day"]).fill(str(day.day))
        group.get_by_label(self.words["month"]).fill(str(day.month))
        group.get_by_label(self.words["year"]).fill(str(day.year))

    def press(self, name: str) -> None:
        self.page.get_by_role("button", name=name, exact=True).click()

    def follow(self, name: str) -> None:
        self.page.get_by_role("link", name=name).first.click()


@pytest.fixture
def journey(page: Any, language: str) -> Journey:
    return Journey(page, WORDS[language])


def test_sickness_and_recovery_in_the_browser(journey: Journey, language: str, page: Any) -> None:
    words = journey.words
    journey.log_in_as(REGISTERED[language])
    journey.follow(words["report_sickness"])
    journey.press(words["continue"])  # nothing filled in
    assert page.title().startswith(words["error"])
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert_no_axe_violations(page)
    page.locator("#error-summary a").first.click()
    assert page.evaluate("document.activeElement.id") == "first_day-day"
    journey.fill_date(words["first_sick_day"], date.today() - timedelta(days=1))
    journey.press(words["continue"])
    assert_no_axe_violations(page)  # check your answers
    journey.press(words["send"])
    assert page.get_by_role("heading", name=words["registered"]).is_visible()
    reference = page.locator(".jobnet-reference").inner_text()
    assert re.fullmatch(r"JN-\w{4}-\w{4}", reference)
    assert_no_axe_violations(page)

    page.goto("/min-side/")
    assert page.get_by_role("link", name=reference).is_visible()
    journey.follow(words["report_recovery"])
    journey.fill_date(words["fit_day"], date.today())
    journey.press(words["continue"])
    journey.press(words["send"])
    assert page.get_by_role("heading", name=words["registered"]).is_visible()


def test_register_change_an_answer_and_deregister(
    journey: Journey, language: str, page: Any
) -> None:
    words = journey.words
    journey.log_in_as(cpr=NEW_CPR[language])
    journey.follow(words["register"])
    page.get_by_role("radio").first.check()
    journey.press(words["continue"])
    today = date.today()
    page.locator("#start_date-day").fill(str(today.day))
    page.locator("#start_date-month").fill(str(today.month))
    page.locator("#start_date-year").fill(str(today.year))
    journey.press(words["continue"])
    page.get_by_role("radio").first.check()  # full time
    journey.press(words["continue"])
    page.locator("#job_titles-0").fill("Gartner")
    journey.press(words["continue"])
    page.get_by_role("link", name=re.compile(words["change"])).nth(3).click()
    page.locator("#job_titles-1").fill("Anlægsgartner")
    journey.press(words["continue"])
    assert "Gartner, Anlægsgartner" in page.locator("main").inner_text()
    journey.press(words["send"])
    assert page.get_by_role("heading", name=words["registered"]).is_visible()

    page.goto("/min-side/")
    journey.follow(words["deregister"])
    page.locator("#when-day").fill(str(today.day))
    page.locator("#when-month").fill(str(today.month))
    page.locator("#when-year").fill(str(today.year))
    journey.press(words["continue"])
    page.get_by_role("radio").first.check()
    journey.press(words["continue"])
    journey.press(words["send"])
    assert page.get_by_role("heading", name=words["registered"]).is_visible()
