"""The jobseeker journeys as a person uses them: in Chromium, in Danish and in English, by role
and accessible name, through the MitID simulator, written through to DFDG."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from tests.e2e.conftest import assert_no_axe_violations
from tests.e2e.pages import today

# One demo person per language, so the two runs never meet in the shared live DFDG.
REGISTERED = {"da": "Mads Rasmussen", "en": "Anne Larsen"}
NEW_CPR = {"da": "0707901234", "en": "0808901234"}


def test_sickness_and_recovery_in_the_browser(jobnet: Any, language: str) -> None:
    page, words = jobnet.page, jobnet.words
    jobnet.log_in_as(REGISTERED[language])
    jobnet.follow(words["report_own_sickness"])
    jobnet.press(words["continue"])  # nothing filled in
    assert page.title().startswith(words["error"])
    assert jobnet.focused_id() == "error-summary"
    assert_no_axe_violations(page)
    page.locator("#error-summary a").first.click()
    assert jobnet.focused_id() == "first_day-day"
    jobnet.fill_date(words["first_sick_day"], today() - timedelta(days=1))
    jobnet.press(words["continue"])
    assert_no_axe_violations(page)  # check your answers
    reference = jobnet.send_check_your_answers()
    assert_no_axe_violations(page)

    page.goto("/min-side/")
    jobnet.shown(page.get_by_role("link", name=reference))
    jobnet.follow(words["report_recovery"])
    jobnet.fill_date(words["fit_day"], today())
    jobnet.press(words["continue"])
    jobnet.send_check_your_answers()


def test_register_change_an_answer_and_deregister(jobnet: Any, language: str) -> None:
    page, words = jobnet.page, jobnet.words
    jobnet.log_in_with_cpr(NEW_CPR[language], "Bente", "Browser")
    jobnet.follow(words["register"])
    page.get_by_role("radio").first.check()
    jobnet.press(words["continue"])
    jobnet.fill_date(words["start_day"], today())
    jobnet.press(words["continue"])
    page.get_by_role("radio").first.check()  # full time
    jobnet.press(words["continue"])
    page.locator("#job_titles-0").fill("Gartner")
    jobnet.press(words["continue"])
    page.get_by_role("link", name=re.compile(words["change"])).nth(3).click()
    page.locator("#job_titles-1").fill("Anlægsgartner")
    jobnet.press(words["continue"])
    assert "Gartner, Anlægsgartner" in jobnet.main_text()
    jobnet.send_check_your_answers()

    page.goto("/min-side/")
    jobnet.follow(words["deregister"])
    jobnet.fill_date(words["deregister_day"], today())
    jobnet.press(words["continue"])
    page.get_by_role("radio").first.check()
    jobnet.press(words["continue"])
    jobnet.send_check_your_answers()
