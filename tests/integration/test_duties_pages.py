"""The citizen's duties: "What you need to do" on Min side, the page of all duties (also for a
caseworker acting for the citizen), and the calendar feed with its secret, revocable URL."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

from flask import Flask
from flask.testing import FlaskClient
from icalendar import Calendar
from sqlalchemy import select

from tests.helpers import csrf_token
from tests.integration.test_journeys import (  # noqa: F401 - fixtures
    EN,
    METTE,
    NEW_PERSON,
    SOFIE,
    TODAY,
    citizen,
    journey_app,
    register,
)

# TODAY is Sunday 22 November 2026: a registration today has its CV due Sunday 6 December.
CV_DEADLINE = TODAY + timedelta(days=14)


def _person_id(app: Flask, cpr: str) -> str:
    from jobnet.dfdg.models.persons import Person

    store = app.extensions["dfdg_app"].extensions["dfdg_store"]
    with store.session() as session:
        return session.scalars(select(Person.id).where(Person.cpr == cpr)).one()


def _what_to_do(page: str) -> str:
    return page.split('id="duties-heading"')[1].split("</section>")[0]


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_registering_with_unemployment_benefit_puts_the_cv_first_on_min_side(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
) -> None:
    client = citizen(NEW_PERSON)
    register(client)
    page = client.get("/min-side/", headers=EN).get_data(as_text=True)
    assert page.index('id="duties-heading"') < page.index('id="status-heading"')
    section = _text(_what_to_do(page))
    assert "What you need to do" in section
    assert "Write your CV and make it searchable" in section
    assert "By Sunday 6 December" in section
    assert "Go to your CV" in section
    assert "your unemployment insurance fund may stop your benefit" in section

    client.get("/language/da")
    danish = _text(_what_to_do(client.get("/min-side/").get_data(as_text=True)))
    assert "Det skal du gøre" in danish
    assert "Senest søndag den 6. december" in danish


def test_overdue_duties_are_marked_and_done_ones_folded(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    client = citizen(NEW_PERSON)
    register(client)
    journey_app.extensions["dfdg_app"].config["DFDG_FIXED_TODAY"] = CV_DEADLINE + timedelta(1)
    section = _what_to_do(client.get("/min-side/", headers=EN).get_data(as_text=True))
    assert 'data-duty="cv" data-state="overdue"' in section
    assert "1 duty is overdue." in _text(section)
    assert "Was due Sunday 6 December" in _text(section)


def test_when_nothing_is_due_min_side_says_so(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
) -> None:
    client = citizen(SOFIE)  # sickness benefit: no CV, no job log, no holidays
    section = _text(_what_to_do(client.get("/min-side/", headers=EN).get_data(as_text=True)))
    assert "You have nothing to do right now." in section


def test_the_page_of_all_duties(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
) -> None:
    client = citizen(NEW_PERSON)
    register(client)
    response = client.get("/pligter/", headers=EN)
    assert response.status_code == 200
    page = _text(response.get_data(as_text=True))
    assert "Your duties" in page and "Write your CV and make it searchable" in page
    assert "Report holidays before they start" in page  # standing, under "Always"
    assert "Week 47: no job-search requirement" not in page  # registered on a Sunday
    assert "Source:" in page
    assert "Set up a calendar subscription" in page


def _feed_url(client: FlaskClient) -> str:
    settings = client.get("/pligter/kalender", headers=EN)
    made = client.post("/pligter/kalender/ny", data={"csrf_token": csrf_token(settings)})
    assert made.status_code == 303
    page = client.get("/pligter/kalender", headers=EN).get_data(as_text=True)
    found = re.search(r'id="feed-url" type="text" readonly value="([^"]+)"', page)
    assert found, page
    again = client.get("/pligter/kalender", headers=EN).get_data(as_text=True)
    assert found.group(1) not in again  # shown once only
    return found.group(1)


def test_the_calendar_feed_has_the_deadlines_with_reminders_and_no_personal_data_in_its_url(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    client = citizen(NEW_PERSON)
    register(client)
    url = _feed_url(client)
    path = url.split("://", 1)[1].split("/", 1)[1]
    person_id = _person_id(journey_app, NEW_PERSON)
    assert NEW_PERSON not in url and person_id not in url
    anonymous = journey_app.test_client()
    response = anonymous.get("/" + path)
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    assert response.headers["Cache-Control"] == "no-store"
    calendar = Calendar.from_ical(response.data)
    [event] = [c for c in calendar.walk("VEVENT")]
    assert event.decoded("dtstart") == CV_DEADLINE
    assert str(event["summary"]) == "Write your CV and make it searchable"
    assert "/cv/" in str(event["url"])
    triggers = sorted(alarm.decoded("trigger") for alarm in event.walk("VALARM"))
    assert triggers == [timedelta(hours=-15), timedelta(hours=9)]


def test_a_calendar_feed_can_be_revoked_and_a_new_one_stops_the_old(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    client = citizen(METTE)
    first = "/" + _feed_url(client).split("://", 1)[1].split("/", 1)[1]
    anonymous = journey_app.test_client()
    assert anonymous.get(first).status_code == 200
    second = "/" + _feed_url(client).split("://", 1)[1].split("/", 1)[1]
    assert anonymous.get(first).status_code == 404
    assert anonymous.get(second).status_code == 200
    settings = client.get("/pligter/kalender", headers=EN)
    assert "You have a calendar subscription" in settings.get_data(as_text=True)
    token = {"csrf_token": csrf_token(settings)}
    stopped = client.post("/pligter/kalender/tilbagekald", data=token)
    assert stopped.status_code == 303
    assert anonymous.get(second).status_code == 404
    assert anonymous.get("/pligter/kalender/not-a-token.ics").status_code == 404
    assert anonymous.get("/pligter/kalender/" + "x" * 500 + ".ics").status_code == 404


def test_the_duty_pages_need_a_login(journey_app: Flask) -> None:  # noqa: F811
    anonymous = journey_app.test_client()
    assert anonymous.get("/pligter/").status_code == 302
    assert anonymous.get("/pligter/kalender").status_code == 302


def test_the_registration_receipt_lists_the_duties_that_start_now(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
) -> None:
    client = citizen(NEW_PERSON)
    receipt = client.get(register(client).location, headers=EN)
    page = _text(receipt.get_data(as_text=True))
    assert "You do not need to do anything more" not in page
    assert "What you need to do from now on" in page
    assert "Make your CV searchable on Jobnet no later than Sunday 6 December 2026." in page
    assert "Apply for jobs every week and register them in your job log" in page
    assert "Report holidays before they start." in page


def test_a_caseworker_acting_for_the_citizen_sees_the_same_duties(
    journey_app: Flask,  # noqa: F811
) -> None:
    from jobnet.dfdg.models.audit import AuditEntry
    from tests.helpers import login_caseworker
    from tests.integration.test_caseworker import HANNE, open_citizen

    client = journey_app.test_client()
    client.get("/language/en")
    login_caseworker(client, HANNE.professional_id)
    open_citizen(client, METTE)
    overview = client.get("/sagsbehandler/borger").get_data(as_text=True)
    assert '<a href="/pligter/">The citizen\'s duties and deadlines</a>' in overview
    page = client.get("/pligter/").get_data(as_text=True)
    assert "<h1>The citizen's duties</h1>" in page
    assert "Set up a calendar subscription" not in page  # the citizen's own, not on behalf
    assert client.get("/pligter/kalender").status_code == 403
    store = journey_app.extensions["dfdg_app"].extensions["dfdg_store"]
    with store.session() as session:
        last = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.action == "duties.read")
            .order_by(AuditEntry.id.desc())
        ).first()
        assert last is not None and last.actor_type == "caseworker"
