"""Issue 20, defects 2, 3, 6 and 7 in the web app: the summons letter and contact options on the
form (§ 27), a held interview before the contact group refused on its question page, cancelled
and past interviews, and the hour that happens twice when summer time ends."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import icalendar
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from jobnet.clients.dfdg_client.summons import SummonsCancellationInput, SummonsInput
from jobnet.dfdg.models.persons import ContactGroupPeriod, Person
from tests.integration.test_caseworker import (  # noqa: F401  (fixtures)
    METTE,
    caseworker,
    open_citizen,
)
from tests.integration.test_journeys import (  # noqa: F401  (fixtures)
    TODAY,
    answer,
    date_fields,
    errors,
    journey_app,
)
from tests.integration.test_summons_pages import (  # noqa: F401  (fixtures)
    DA,
    EN,
    HANNE,
    app,
    citizen,
    event,
    ics,
    person_id,
    summon,
)
from tests.integration.test_summons_pages import METTE as METTE_SUMMONED
from tests.integration.test_summons_pages import TODAY as SUMMONS_TODAY

# -- 2: § 27 on the summons form ----------------------------------------------------------------


def test_a_summons_letter_of_1900_or_without_contact_options_is_refused_on_the_form(
    caseworker: FlaskClient,  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    open_citizen(caseworker, METTE, "interview")
    caseworker.get("/sagsbehandler/indkaldelse/ny/")
    answer(
        caseworker,
        "/sagsbehandler/indkaldelse/ny/tidspunkt",
        {
            **date_fields("starts_on", TODAY + timedelta(days=3)),
            "starts_time": "10:00",
            "duration_minutes": "45",
        },
    )
    answer(
        caseworker,
        "/sagsbehandler/indkaldelse/ny/samtale",
        {"type": "job_interview", "form": "in_person", "place": "Jobcenter København"},
    )
    page = answer(
        caseworker,
        "/sagsbehandler/indkaldelse/ny/brev",
        {"contact_options": "  ", **date_fields("letter_sent_date", TODAY.replace(year=1900))},
    )
    found = errors(page)
    assert any("enter today's date" in e for e in found), found
    assert any("how the citizen can contact the job centre" in e for e in found), found
    page = answer(
        caseworker,
        "/sagsbehandler/indkaldelse/ny/brev",
        {"contact_options": "Ring 33 66 33 66", **date_fields("letter_sent_date", TODAY)},
    )
    assert page.status_code == 302


# -- 3: a held interview before the contact group began -----------------------------------------


def test_an_interview_before_the_contact_group_began_is_refused_on_its_question_page(
    caseworker: FlaskClient,  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    store = journey_app.extensions["dfdg_app"].extensions["dfdg_store"]
    began = TODAY - timedelta(days=2)
    with store.session() as session:
        person = session.scalars(select(Person).where(Person.cpr == METTE)).one()
        for period in session.scalars(
            select(ContactGroupPeriod).where(ContactGroupPeriod.person_id == person.id)
        ):
            if period.end_date is None:
                period.start_date = began
    open_citizen(caseworker, METTE, "interview")
    caseworker.get("/sagsbehandler/samtale/")
    page = answer(
        caseworker,
        "/sagsbehandler/samtale/hvornaar",
        {**date_fields("held_on", TODAY - timedelta(days=4)), "form": "phone"},
    )
    found = errors(page)
    assert any(
        "before the citizen's current contact group began on 20 November 2026" in e for e in found
    ), found
    assert not any("not in a contact group" in e or "in no contact group" in e for e in found)
    page = answer(
        caseworker,
        "/sagsbehandler/samtale/hvornaar",
        {**date_fields("held_on", began), "form": "phone"},
    )
    assert page.status_code == 302


# -- 6: cancelled and past interviews -----------------------------------------------------------


def test_a_cancelled_interview_is_not_listed_as_upcoming(app: Flask) -> None:  # noqa: F811
    kept = summon(app, METTE_SUMMONED, datetime(2026, 10, 26, 9, 0, tzinfo=UTC))
    gone = summon(app, METTE_SUMMONED, datetime(2026, 10, 27, 9, 0, tzinfo=UTC))
    app.extensions["dfdg_client"].cancel_summons(
        person_id(app, METTE_SUMMONED),
        gone,
        SummonsCancellationInput(letter_sent_date=SUMMONS_TODAY),
        actor=HANNE,
        idempotency_key=str(uuid.uuid4()),
    )
    page = citizen(app, METTE_SUMMONED).get("/indkaldelser/", headers=EN).get_data(as_text=True)
    upcoming = page.split('id="upcoming-heading"')[1].split("</section>")[0]
    cancelled = page.split('id="cancelled-heading"')[1].split("</section>")[0]
    assert f"/indkaldelser/{kept}" in upcoming and f"/indkaldelser/{gone}" not in upcoming
    assert f"/indkaldelser/{gone}" in cancelled


def test_a_past_interview_is_not_booked_and_offers_no_calendar_file(app: Flask) -> None:  # noqa: F811
    made = summon(app, METTE_SUMMONED, datetime(2026, 10, 21, 9, 0, tzinfo=UTC))
    client = citizen(app, METTE_SUMMONED)
    before = client.get(f"/indkaldelser/{made}", headers=EN).get_data(as_text=True)
    assert "kalender.ics" in before
    app.extensions["dfdg_app"].config["DFDG_FIXED_TODAY"] = SUMMONS_TODAY + timedelta(days=3)
    after = client.get(f"/indkaldelser/{made}", headers=EN).get_data(as_text=True)
    assert "The time of the interview has passed" in after
    assert ">Booked<" not in after
    assert "kalender.ics" not in after


# -- 7: the hour that happens twice --------------------------------------------------------------


def _repeated_hour_summons(app: Flask) -> str:  # noqa: F811
    made = app.extensions["dfdg_client"].create_summons(
        person_id(app, METTE_SUMMONED),
        SummonsInput(
            starts_at=datetime(2026, 10, 25, 0, 30, tzinfo=UTC),  # 02:30 summer time
            form="phone",
            type="follow_up",
            letter_sent_date=SUMMONS_TODAY,
            duration_minutes=30,  # ends 02:00 winter time
            contact_options="Ring på 33 17 33 17",
        ),
        actor=HANNE,
        idempotency_key=str(uuid.uuid4()),
    )
    return made.id


def test_a_time_in_the_repeated_hour_is_unambiguous_on_screen(app: Flask) -> None:  # noqa: F811
    made = _repeated_hour_summons(app)
    client = citizen(app, METTE_SUMMONED)
    english = client.get(f"/indkaldelser/{made}", headers=EN).get_data(as_text=True)
    assert "02:30 (summer time) to 02:00 (winter time)" in english
    danish = client.get(f"/indkaldelser/{made}", headers=DA).get_data(as_text=True)
    assert "02.30 (sommertid) til 02.00 (vintertid)" in danish


def test_a_time_in_the_repeated_hour_ends_after_it_starts_in_the_calendar_file(
    app: Flask,  # noqa: F811
) -> None:
    made = _repeated_hour_summons(app)
    vevent = event(ics(citizen(app, METTE_SUMMONED), made))
    start, end = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
    assert end > start
    assert start.astimezone(UTC) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert end.astimezone(UTC) == datetime(2026, 10, 25, 1, 0, tzinfo=UTC)
    assert isinstance(vevent, icalendar.Event)
