"""The citizen's self-service in Chromium, in Danish and in English: logging out, holiday, CV,
joblog, My Plan and summons, through the MitID simulator and written through to DFDG.

Each journey uses its own demo persons, one per language, so the runs never meet in the live
app's DFDG (each xdist worker has its own live app; the other browser tests in this worker use
other persons). The plan and summons journeys only read.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import icalendar

from tests.e2e.conftest import LiveServer, assert_no_axe_violations
from tests.e2e.pages import Jobnet, long_date, today

LOGOUT = {"da": "Jens Christensen", "en": "Sofie Andersen"}
HOLIDAY = {"da": "Henrik Madsen", "en": "Peter Sørensen"}
CV = {"da": "Fatima Hassan", "en": "Camilla Pedersen"}
JOBLOG = {"da": "Emma Poulsen", "en": "Oliver Thomsen"}
# Demo persons with a plan and summons: a provider of a measure in the plan, and a booked
# (neither moved nor cancelled) upcoming interview.
PLAN_AND_SUMMONS = {
    "da": ("Mette Nielsen", "Demo Plejecenter Nørrebro ApS", "CV-samtale"),
    "en": ("Lars Jensen", "Demo Lager og Logistik A/S", "Job interview"),
}

TIME_FORMAT = {"da": "%H.%M", "en": "%H:%M"}  # how the pages write a time of day


def test_log_out_ends_the_session(jobnet: Jobnet, page: Any, language: str) -> None:
    words = jobnet.words
    jobnet.log_in_as(LOGOUT[language])
    assert jobnet.heading(words["my_page"], level=1).is_visible()

    page.keyboard.press("Tab")  # the skip link is the first stop on the page
    assert jobnet.focused_text() == words["skip_link"]
    page.keyboard.press("Enter")
    assert jobnet.focused_id() == "main-content"

    jobnet.press(words["log_out"])
    page.wait_for_url(re.compile(r"/auth/logged-out"))
    assert jobnet.heading(words["logged_out"], level=1).is_visible()
    assert page.get_by_role("button", name=words["log_out"]).count() == 0

    page.goto("/min-side/")  # the old session is gone: My page asks for a login again
    assert "/mitid-sim/authorize" in page.url, page.url
    assert jobnet.heading(words["log_in_with_mitid"], level=1).is_visible()


def _holiday_to_check_answers(jobnet: Jobnet, language: str, first: date, last: date) -> None:
    """The language's holiday person logs in and reports `first` to `last`, up to check answers."""
    words = jobnet.words
    jobnet.log_in_as(HOLIDAY[language])
    jobnet.follow(words["report_holiday"])
    jobnet.fill_date(words["first_holiday_day"], first)
    jobnet.fill_date(words["last_holiday_day"], last)
    jobnet.press(words["continue"])


def test_report_a_holiday_and_cancel_it(jobnet: Jobnet, page: Any, language: str) -> None:
    words = jobnet.words
    first, last = today() + timedelta(days=40), today() + timedelta(days=44)
    _holiday_to_check_answers(jobnet, language, first, last)
    reported = jobnet.send_check_your_answers()

    page.goto("/min-side/")
    assert page.get_by_role("link", name=reported).is_visible()
    cancel = page.get_by_role("link", name=re.compile(f"^{words['cancel']} "))
    assert cancel.count() == 1
    assert long_date(first, language) in str(cancel.inner_text())
    cancel.click()
    jobnet.settled()
    cancel_url = page.url
    for day in (first, last):
        assert long_date(day, language) in jobnet.main_text()
    jobnet.press(words["cancel_holiday"])
    cancelled = jobnet.receipt()
    assert cancelled != reported
    assert words["holiday_cancelled"] in jobnet.main_text()

    page.goto("/min-side/")
    assert page.get_by_text(words["no_holidays"]).is_visible()
    assert page.get_by_role("link", name=re.compile(f"^{words['cancel']} ")).count() == 0
    assert page.get_by_role("link", name=cancelled).is_visible()
    # The cancel page reached again (an old tab, the history): the cancellation's receipt.
    page.goto(cancel_url)
    assert jobnet.receipt() == cancelled


# The job centre of each HOLIDAY person's municipality (København, Odense).
JOBCENTRE = {"da": "29190011", "en": "29190013"}


def _register_absence_at_the_job_centre(
    live_server: LiveServer, language: str, first: date, last: date
) -> None:
    """A caseworker registers an absence straight in DFDG, while the citizen is on the way."""
    from sqlalchemy import select

    from jobnet.dfdg.models.persons import Person
    from tests.dfdg_assertions import with_assertion

    dfdg = live_server.app.extensions["dfdg_app"]
    given, family = HOLIDAY[language].split()
    with dfdg.extensions["dfdg_store"].session() as session:
        person_id = session.scalars(
            select(Person.id).where(Person.given_name == given, Person.family_name == family)
        ).one()
    cvr = JOBCENTRE[language]
    response = dfdg.test_client().post(
        f"/api/v1/persons/{person_id}/absences",
        json={"reason": "civic_duty", "first_day": first.isoformat(), "last_day": last.isoformat()},
        headers=with_assertion(
            {
                "Authorization": f"Bearer {live_server.app.config['DFDG_API_TOKEN']}",
                "Idempotency-Key": f"e2e-jobcentre-{language}-{first.isoformat()}",
                "X-Actor-Type": "caseworker",
                "X-Actor-Id": f"CVR:{cvr}-RID:41120009",
                "X-Actor-Name": "Test",
                "X-Actor-Organisation": cvr,
                "X-Purpose": "Fravaer",
            }
        ),
    )
    assert response.status_code == 201, response.get_json()


def test_a_holiday_that_no_longer_fits_is_refused_with_the_reason_on_its_receipt(
    jobnet: Jobnet, page: Any, language: str, live_server: LiveServer
) -> None:
    """Between check answers and send, the job centre registers an absence over the same days:
    the send stores the report first and DFDG decides at delivery, so the receipt says it was
    refused and why (issue 26: a receipt whatever happens)."""
    words = jobnet.words
    first, last = today() + timedelta(days=60), today() + timedelta(days=61)
    _holiday_to_check_answers(jobnet, language, first, last)
    _register_absence_at_the_job_centre(live_server, language, first, last)
    jobnet.press(words["send"])

    page.wait_for_url(re.compile(r"/kvittering/"))
    assert words["overlap"] in jobnet.main_text()
    assert_no_axe_violations(page)


def test_cv_work_experience_and_contact_details(jobnet: Jobnet, page: Any, language: str) -> None:
    words = jobnet.words
    jobnet.log_in_as(CV[language])
    page.goto("/cv/")
    jobnet.follow(words["add_work"])
    page.get_by_label(words["employer"]).fill("Demo Bageri ApS")
    page.get_by_label(words["job_title"]).fill("Bager")
    jobnet.fill_date(words["start_date"], today().replace(day=1) - timedelta(days=3 * 365))
    jobnet.fill_date(words["end_date"], today().replace(day=1) - timedelta(days=365))
    jobnet.press(words["save"])
    added = jobnet.saved_reference()
    assert jobnet.heading("Bager, Demo Bageri ApS", level=3).is_visible()

    jobnet.follow(f"{words['change']} Bager, Demo Bageri ApS")
    assert jobnet.h1() == words["change_work"]
    assert page.get_by_label(words["job_title"]).input_value() == "Bager"
    page.get_by_label(words["job_title"]).fill("Konditor")
    jobnet.press(words["save"])
    changed = jobnet.saved_reference()
    assert changed != added
    assert jobnet.heading("Konditor, Demo Bageri ApS", level=3).is_visible()
    assert jobnet.heading("Bager, Demo Bageri ApS", level=3).count() == 0

    jobnet.follow(f"{words['remove']} Konditor, Demo Bageri ApS")
    jobnet.press(words["yes_remove"])
    jobnet.saved_reference()
    assert jobnet.heading("Konditor, Demo Bageri ApS", level=3).count() == 0

    page.goto("/cv/kontakt")
    email = page.get_by_label(words["e_mail"])
    email.fill("bager@")
    email.press("Enter")  # submit from the keyboard
    jobnet.settled()
    assert page.title().startswith(words["error"])
    assert jobnet.focused_id() == "error-summary"
    summary = page.get_by_role("heading", name=words["problem"])
    assert summary.is_visible()
    page.locator("#error-summary").get_by_role("link", name=words["bad_e_mail"]).click()
    assert jobnet.focused_id() == "email"
    email.fill("bager@example.dk")
    jobnet.press(words["save"])
    jobnet.saved_reference()
    assert jobnet.h1() == words["my_cv"]
    assert page.get_by_role("cell", name="bager@example.dk").is_visible()


def test_joblog_entry_week_overview_and_csv(jobnet: Jobnet, page: Any, language: str) -> None:
    words = jobnet.words
    jobnet.log_in_as(JOBLOG[language])
    page.goto("/joblog/")
    jobnet.follow(words["add_application"])
    applied = today()
    jobnet.fill_date(words["applied_on"], applied)
    page.get_by_label(words["employer"]).fill("Demo Værksted A/S")
    jobnet.choose(words["advertised"])
    jobnet.choose(words["sent"])
    title = page.get_by_label(words["job_title"])
    title.fill("Mekaniker")
    title.press("Enter")  # submit from the keyboard
    jobnet.saved_reference()
    assert jobnet.h1() == words["joblog"]
    assert page.get_by_role("row", name="Mekaniker, Demo Værksted A/S").is_visible()

    jobnet.follow(words["weeks"])
    year, number, _weekday = applied.isocalendar()
    week = page.get_by_role(
        "row", name=re.compile("^" + words["week"].format(number=number, year=year))
    )
    assert week.count() == 1
    cells = [text.strip() for text in week.locator("th, td").all_inner_texts()]
    assert cells[2] == "1", cells

    page.goto("/joblog/")
    with page.expect_download() as download_info:
        jobnet.follow(words["csv"])
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    lines = Path(download.path()).read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == words["csv_header"]
    assert lines[1:] == [
        f"{applied:%d-%m-%Y};Demo Værksted A/S;Mekaniker;{words['advertised']};{words['sent']};;"
    ]


def test_my_plan_and_its_print_view(jobnet: Jobnet, page: Any, language: str) -> None:
    words = jobnet.words
    jobnet.log_in_as(PLAN_AND_SUMMONS[language][0])
    provider = PLAN_AND_SUMMONS[language][1]
    page.goto("/min-side/")
    page.get_by_role("link", name=words["see_plan"], exact=True).click()
    jobnet.settled()
    assert jobnet.h1() == words["my_plan"]
    assert page.get_by_role("row", name=provider).is_visible()

    jobnet.follow(words["plan_print"])
    assert page.url.endswith("/min-plan/print")
    assert jobnet.h1() == words["my_plan"]
    assert words["printed_on"] in jobnet.main_text()
    assert page.get_by_role("row", name=provider).is_visible()
    assert page.get_by_role("button", name=words["print"]).is_visible()
    jobnet.follow(words["back_to_plan"])
    assert page.url.endswith("/min-plan/")


def test_summons_detail_and_calendar_file(jobnet: Jobnet, page: Any, language: str) -> None:
    words = jobnet.words
    jobnet.log_in_as(PLAN_AND_SUMMONS[language][0])
    page.goto("/indkaldelser/")
    assert jobnet.h1() == words["your_interviews"]
    kind = PLAN_AND_SUMMONS[language][2]
    upcoming = page.get_by_role("region", name=words["upcoming"])
    # The booking walk in the same live app may have booked this person another interview of
    # the same kind; the earliest is the demo summons, and whichever opens is checked alike.
    upcoming.get_by_role("link", name=re.compile(f"^{kind}\\W")).first.click()
    jobnet.settled()
    assert jobnet.h1() == kind

    with page.expect_download() as download_info:
        jobnet.follow(words["ics"])
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = icalendar.Calendar.from_ical(Path(download.path()).read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    event = events[0]
    assert str(event["SUMMARY"]) == kind
    start = event["DTSTART"]
    assert start.params["TZID"] == "Europe/Copenhagen"
    assert start.dt.date() >= today()
    details = page.get_by_role("table").inner_text()
    assert long_date(start.dt.date(), language) in details
    assert start.dt.strftime(TIME_FORMAT[language]) in details
