"""Copies of applications in Chromium, in Danish and in English (issue 22): with a plan that
asks for a copy a week, the week's job log duty says so; the citizen adds an application with a
copy attached, sees the copy on the job log and downloads it, and the week's duty is done.
axe checks the pages on the way.

The plan of the demo person Mette (in both languages) is made to ask for one
application and one copy a week for the test, and put back after it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from jobnet.dfdg.models.persons import Person
from jobnet.dfdg.models.plans import JobPlan, JobPlanVersion
from tests.e2e.conftest import LiveServer, assert_no_axe_violations
from tests.e2e.pages import Jobnet, today

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
# Mette receives unemployment benefit (the job log duty binds her); both runs use her plan.
CITIZEN = {"da": ("Mette Nielsen", "1203851234"), "en": ("Mette Nielsen", "1203851234")}

WORDS = {
    "da": {
        "employer": "Arbejdsgiver",
        "job_title": "Jobtitel",
        "attach": "Vedhæft en kopi af ansøgningen",
        "copy": "Kopi: ansoegning-da.pdf",
        "with_copy": r"\(\d+ registreret, [1-9][0-9]* med kopi\)",
        "asks": "Din plan kræver, at du uploader en kopi af 1 ansøgning om ugen.",
    },
    "en": {
        "employer": "Employer",
        "job_title": "Job title",
        "attach": "Attach a copy of the application",
        "copy": "Copy: ansoegning-en.pdf",
        "with_copy": r"\(\d+ logged, [1-9][0-9]* with a copy\)",
        "asks": "Your plan asks you to upload a copy of 1 application a week.",
    },
}


@pytest.fixture
def copies_asked(live_server: LiveServer, language: str) -> Iterator[None]:
    """The person's current plan version asks for 1 application and 1 copy a week."""
    store = live_server.app.extensions["dfdg_app"].extensions["dfdg_store"]
    cpr = CITIZEN[language][1]

    def current(session: Any) -> JobPlanVersion:
        query = (
            select(JobPlanVersion)
            .join(JobPlan, JobPlan.id == JobPlanVersion.plan_id)
            .join(Person, Person.id == JobPlan.person_id)
            .where(Person.cpr == cpr)
            .order_by(JobPlanVersion.number.desc())
        )
        return session.scalars(query).first()

    with store.session() as session:
        version = current(session)
        before = (version.applications_per_week, version.copies_per_week)
        version.applications_per_week, version.copies_per_week = 1, 1
        session.commit()
    yield
    with store.session() as session:
        version = current(session)
        version.applications_per_week, version.copies_per_week = before
        session.commit()


def test_a_copy_attached_meets_the_weeks_duty(
    jobnet: Jobnet, page: Any, language: str, tmp_path: Path, copies_asked: None
) -> None:
    words, own = jobnet.words, WORDS[language]
    copy = tmp_path / f"ansoegning-{language}.pdf"
    copy.write_bytes(PDF)
    year, week, _day = today().isocalendar()
    duty = page.locator(f'li[data-duty="joblog:{year}-W{week:02d}"]')

    jobnet.log_in_as(CITIZEN[language][0])
    page.goto("/joblog/")
    assert own["asks"] in jobnet.main_text()
    jobnet.follow(words["add_application"])
    jobnet.fill_date(words["applied_on"], today())
    page.get_by_label(own["employer"]).fill("Demo Kopi ApS")
    jobnet.choose(words["advertised"])
    jobnet.choose(words["sent"])
    page.get_by_label(own["job_title"]).fill("Kopist")
    page.get_by_label(own["attach"]).set_input_files(str(copy))
    assert_no_axe_violations(page)
    jobnet.press(words["save"])
    jobnet.saved_reference()
    assert jobnet.h1() == words["joblog"]
    link = page.get_by_role("link", name=own["copy"])
    assert link.is_visible()
    assert_no_axe_violations(page)
    with page.expect_download() as download_info:
        link.click()
    assert Path(download_info.value.path()).read_bytes() == PDF

    page.goto("/pligter/")
    assert duty.get_attribute("data-state") == "done"
    assert re.search(own["with_copy"], duty.locator("h3, h4, h2").first.inner_text())
    assert_no_axe_violations(page)
    assert page.console_errors == []
