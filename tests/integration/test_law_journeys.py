"""Issue 20, defects 1, 4 and 5 in the web app: a holiday past the deregistration is refused on
its question page, one state on the deregistration day everywhere, holidays a deregistration
ended are shown, and each job-search week is judged by the plan version in force then."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from jobnet.dfdg.models.registrations import Absence
from jobnet.domain.joblog import Requirement, monday_of, requirement_on
from tests.integration.test_journeys import (  # noqa: F401  (fixtures)
    METTE,
    TODAY,
    answer,
    citizen,
    date_fields,
    errors,
    journey_app,
    submit,
)

Login = Callable[[str], FlaskClient]


def _deregister(client: FlaskClient, day: date) -> None:
    client.get("/afmelding/")
    answer(client, "/afmelding/dato", date_fields("when", day))
    answer(client, "/afmelding/aarsag", {"reason": "education"})
    assert submit(client, "afmelding").status_code == 302


def _holiday_page(client: FlaskClient, first: date, last: date) -> object:
    client.get("/ferie/")
    return answer(
        client,
        "/ferie/periode",
        {**date_fields("first_day", first), **date_fields("last_day", last)},
    )


def _text(client: FlaskClient, path: str) -> str:
    page = client.get(path, follow_redirects=True)
    assert page.status_code == 200, page.status_code
    return page.get_data(as_text=True)


# -- 1: a holiday past the deregistration is refused before the send ---------------------------


def test_a_holiday_past_the_deregistration_is_refused_on_its_question_page(
    citizen: Login,  # noqa: F811
) -> None:
    client = citizen(METTE)
    _deregister(client, TODAY + timedelta(days=10))
    page = _holiday_page(client, TODAY + timedelta(days=20), TODAY + timedelta(days=24))
    assert page.status_code == 200  # type: ignore[attr-defined]
    found = errors(page)  # type: ignore[arg-type]
    assert any("must end before 2 December 2026" in e for e in found), found
    ok = _holiday_page(client, TODAY + timedelta(days=5), TODAY + timedelta(days=9))
    assert ok.status_code == 302  # type: ignore[attr-defined]


def test_after_deregistering_from_today_no_holiday_or_sickness_is_offered(
    citizen: Login,  # noqa: F811
) -> None:
    client = citizen(METTE)
    _deregister(client, TODAY)
    holiday = _text(client, "/ferie/")
    assert "You must be registered as a jobseeker" in holiday
    sickness = _text(client, "/sygemelding/")
    assert "You must be registered as a jobseeker" in sickness


# -- 4: one state on the deregistration day -----------------------------------------------------


def test_on_the_deregistration_day_min_side_says_deregistered_and_offers_registering(
    citizen: Login,  # noqa: F811
) -> None:
    client = citizen(METTE)
    _deregister(client, TODAY)
    page = _text(client, "/min-side/")
    assert "You are not registered as a jobseeker." in page
    assert "You are registered as a jobseeker from" not in page
    assert "/sygemelding/" not in page and "/ferie/" not in page
    registration = _text(client, "/tilmelding/")
    assert "already registered" not in registration


def test_before_the_deregistration_day_min_side_gives_the_last_day(
    citizen: Login,  # noqa: F811
) -> None:
    client = citizen(METTE)
    _deregister(client, TODAY + timedelta(days=10))
    page = _text(client, "/min-side/")
    assert "You are deregistered from 2 December 2026, so your last day as a jobseeker is" in page
    assert "1 December 2026" in page
    registration = _text(client, "/tilmelding/")
    assert "You can register again from 2 December 2026" in registration


def _report_holiday(client: FlaskClient, first: int, last: int) -> None:
    page = _holiday_page(client, TODAY + timedelta(days=first), TODAY + timedelta(days=last))
    assert page.status_code == 302, errors(page)  # type: ignore[attr-defined, arg-type]
    assert submit(client, "ferie").status_code == 302


def test_a_holiday_the_deregistration_ended_is_shown_on_min_side_and_in_the_history(
    citizen: Login,  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    client = citizen(METTE)
    _report_holiday(client, 3, 12)
    _report_holiday(client, 20, 24)
    _deregister(client, TODAY + timedelta(days=10))
    page = _text(client, "/min-side/")
    assert "Shortened: it ends the day before you are deregistered" in page
    assert "Ended by your deregistration" in page
    assert "12 December 2026 to 16 December 2026" in page
    store = journey_app.extensions["dfdg_app"].extensions["dfdg_store"]
    with store.session() as session:
        ended = session.scalars(
            select(Absence).where(
                Absence.first_day == TODAY + timedelta(days=20), Absence.status == "cancelled"
            )
        ).one()
        assert ended.end_cause == "deregistration"
        ended_id = ended.id
    history = _text(client, f"/mine-data/historik/absences/{ended_id}")
    assert "Ended by your deregistration as a jobseeker" in history


# -- 5: each week judged by the plan version in force then -----------------------------------


def _week_row(page: str, number: int) -> str:
    """The table row of ISO week `number` of 2026."""
    rows = page.split("<tbody>")[1].split("</tr>")
    return next(row for row in rows if f"Week {number}, 2026" in row)


def test_weeks_are_judged_by_the_plan_in_force_and_this_week_says_what_is_left(
    citizen: Login,  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    # Mette's demo plan has two versions with different requirements (3, then 4 a week).
    from jobnet.dfdg.models.persons import Person
    from jobnet.dfdg.models.plans import JobPlan, JobPlanVersion

    store = journey_app.extensions["dfdg_app"].extensions["dfdg_store"]
    query = (
        select(JobPlanVersion)
        .join(JobPlan, JobPlan.id == JobPlanVersion.plan_id)
        .join(Person, Person.id == JobPlan.person_id)
        .where(Person.cpr == METTE)
    )
    with store.session() as session:
        versions = [
            Requirement(v.revision_date, v.applications_per_week) for v in session.scalars(query)
        ]
    assert len({r.applications_per_week for r in versions}) == 2
    client = citizen(METTE)
    page = _text(client, "/joblog/uger")
    this_monday = monday_of(TODAY)
    for back in range(12):
        monday = this_monday - timedelta(weeks=back)
        row = _week_row(page, monday.isocalendar()[1])
        required = requirement_on(versions, monday)
        if required is None:
            assert "No requirement" in row
        else:
            assert f"{required} required" in row
        if back == 0:
            assert ">No<" not in row  # the week still running is never "No"
            assert "more needed" in row or ">Yes<" in row
    assert any(
        requirement_on(versions, this_monday - timedelta(weeks=b)) is None for b in range(12)
    )
