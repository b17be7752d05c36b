"""Summons pages (/indkaldelser): the list and detail in both languages with Danish local times,
moved and cancelled summons, the iCalendar download across a daylight-saving change, Min side's
next interview, and no access to anyone else's summons."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from jobnet.clients.dfdg_client.summons import (
    SummonsCancellationInput,
    SummonsInput,
    SummonsMoveInput,
)
from jobnet.clients.dfdg_client.values import Actor
from jobnet.dfdg.models.summons import Summons
from jobnet.dfdg.queries import persons as person_queries
from tests.helpers import login_caseworker, login_citizen

TODAY = date(2026, 10, 20)
CPH = ZoneInfo("Europe/Copenhagen")
METTE, LARS = "1203851234", "0507921457"
EN, DA = {"Accept-Language": "en"}, {"Accept-Language": "da"}
HANNE = Actor(
    type="caseworker",
    id="CVR:29190011-RID:41120001",
    name="Hanne Mikkelsen",
    organisation="29190011",
    purpose="Indkaldelse til samtale",
)


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    app = make_app(DFDG_FIXED_TODAY=TODAY.isoformat())
    from jobnet.dfdg.demo import load_demo_data

    with app.extensions["dfdg_app"].extensions["dfdg_store"].session() as session:
        load_demo_data(session, TODAY)
    return app


def person_id(app: Flask, cpr: str) -> str:
    with app.extensions["dfdg_app"].extensions["dfdg_store"].session() as session:
        person = person_queries.find_by_cpr(session, cpr)
        assert person is not None
        return person.id


def summons_ids(app: Flask, cpr: str) -> list[str]:
    pid = person_id(app, cpr)
    with app.extensions["dfdg_app"].extensions["dfdg_store"].session() as session:
        return list(session.scalars(select(Summons.id).where(Summons.person_id == pid)))


def summon(app: Flask, cpr: str, starts_at: datetime) -> str:
    made = app.extensions["dfdg_client"].create_summons(
        person_id(app, cpr),
        SummonsInput(
            starts_at=starts_at,
            form="video",
            type="cv_interview",
            letter_sent_date=TODAY,
            duration_minutes=45,
            join_details="https://video.jobcenter.example/kbh",
            bring="Dit CV",
            contact_options="Ring på 33 17 33 17",
        ),
        actor=HANNE,
        idempotency_key=str(uuid.uuid4()),
    )
    return made.id


def citizen(app: Flask, cpr: str) -> FlaskClient:
    client = app.test_client()
    login_citizen(client, cpr)
    return client


def ics(client: FlaskClient, summons_id: str) -> icalendar.Calendar:
    response = client.get(f"/indkaldelser/{summons_id}/kalender.ics")
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    assert "attachment" in response.headers["Content-Disposition"]
    return icalendar.Calendar.from_ical(response.data)


def event(calendar: icalendar.Calendar) -> icalendar.Event:
    events = [c for c in calendar.walk("VEVENT")]
    assert len(events) == 1
    return events[0]


def test_list_and_detail_show_danish_local_time_in_both_languages(app: Flask) -> None:
    winter = summon(app, METTE, datetime(2026, 10, 26, 10, 0, tzinfo=CPH))
    summon(app, METTE, datetime(2026, 10, 23, 10, 0, tzinfo=CPH))
    client = citizen(app, METTE)
    english = client.get("/indkaldelser/", headers=EN).get_data(as_text=True)
    assert "Your interviews" in english and "Upcoming interviews" in english
    assert "26 October 2026 at 10:00" in english
    assert "23 October 2026 at 10:00" in english
    assert "Video meeting" in english and "CV interview" in english
    danish = client.get("/indkaldelser/", headers=DA)
    assert danish.status_code == 200
    html = danish.get_data(as_text=True)
    assert 'lang="da"' in html and "26. oktober 2026 kl. 10.00" in html
    detail = client.get(f"/indkaldelser/{winter}", headers=EN).get_data(as_text=True)
    assert "10:00 to 10:45" in detail
    assert "https://video.jobcenter.example/kbh" in detail and "Dit CV" in detail
    assert "Ring på 33 17 33 17" in detail and "Jobcenter København" in detail
    assert f"/indkaldelser/{winter}/kalender.ics" in detail
    assert client.get(f"/indkaldelser/{winter}", headers=DA).status_code == 200


def test_moved_and_cancelled_summons_show_what_changed(app: Flask) -> None:
    client = citizen(app, METTE)
    page = client.get("/indkaldelser/", headers=EN).get_data(as_text=True)
    assert (
        "Moved on 19 October 2026 from 23 October 2026 at 10:00 to 3 November 2026 at 13:00" in page
    )
    assert "Cancelled on 19 October 2026" in page
    assert "Earlier interviews" in page and "10 October 2026 at 10:00" in page
    with app.extensions["dfdg_app"].extensions["dfdg_store"].session() as session:
        statuses = {s.id: s.status for s in session.scalars(select(Summons))}
    cancelled = next(i for i in summons_ids(app, METTE) if statuses[i] == "cancelled")
    detail = client.get(f"/indkaldelser/{cancelled}", headers=EN).get_data(as_text=True)
    assert "The interview is cancelled" in detail and "You do not need to come" in detail
    # In Danish an interview is "aflyst" (a holiday is "annulleret"), in the list and the detail.
    danish = client.get("/indkaldelser/", headers=DA).get_data(as_text=True)
    assert "Aflyst den 19. oktober 2026" in danish
    assert "Aflyst." not in danish  # the change says it; the status is not repeated before it
    assert "Annulleret" not in danish
    detail = client.get(f"/indkaldelser/{cancelled}", headers=DA).get_data(as_text=True)
    assert "<td>Aflyst</td>" in detail


def test_calendar_file_has_the_right_local_time_across_daylight_saving(app: Flask) -> None:
    winter = summon(app, METTE, datetime(2026, 10, 26, 10, 0, tzinfo=CPH))
    summer = summon(app, METTE, datetime(2026, 10, 23, 10, 0, tzinfo=CPH))
    client = citizen(app, METTE)
    for summons_id, utc_hour, local_day in ((winter, 9, 26), (summer, 8, 23)):
        calendar = ics(client, summons_id)
        assert calendar["METHOD"] == "PUBLISH"
        assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
        vevent = event(calendar)
        assert vevent["DTSTART"].params["TZID"] == "Europe/Copenhagen"
        assert vevent["DTEND"].params["TZID"] == "Europe/Copenhagen"
        start = vevent.decoded("DTSTART")
        assert (start.day, start.hour, start.minute) == (local_day, 10, 0)
        assert start.astimezone(UTC) == datetime(2026, 10, local_day, utc_hour, 0, tzinfo=UTC)
        assert vevent.decoded("DTEND").astimezone(UTC) == datetime(
            2026, 10, local_day, utc_hour, 45, tzinfo=UTC
        )
        assert str(vevent["UID"]) == f"summons-{summons_id}@jobnet.dk"
        assert vevent.decoded("SEQUENCE") == 0
        assert str(vevent["STATUS"]) == "CONFIRMED"
    raw = client.get(f"/indkaldelser/{winter}/kalender.ics").get_data(as_text=True)
    assert "DTSTART;TZID=Europe/Copenhagen:20261026T100000" in raw
    assert "BEGIN:VTIMEZONE" in raw and "TZOFFSETTO:+0100" in raw


def test_calendar_uid_is_stable_and_sequence_rises_on_a_move_and_cancellation(app: Flask) -> None:
    summons_id = summon(app, METTE, datetime(2026, 10, 26, 10, 0, tzinfo=CPH))
    client = citizen(app, METTE)
    before = event(ics(client, summons_id))
    dfdg = app.extensions["dfdg_client"]
    pid = person_id(app, METTE)
    dfdg.move_summons(
        pid,
        summons_id,
        SummonsMoveInput(
            starts_at=datetime(2026, 10, 27, 14, 0, tzinfo=CPH), letter_sent_date=TODAY
        ),
        actor=HANNE,
        idempotency_key=str(uuid.uuid4()),
    )
    moved = event(ics(client, summons_id))
    assert moved["UID"] == before["UID"]
    assert moved.decoded("SEQUENCE") == 1
    assert moved.decoded("DTSTART").astimezone(UTC) == datetime(2026, 10, 27, 13, 0, tzinfo=UTC)
    dfdg.cancel_summons(
        pid,
        summons_id,
        SummonsCancellationInput(letter_sent_date=TODAY),
        actor=HANNE,
        idempotency_key=str(uuid.uuid4()),
    )
    cancelled = event(ics(client, summons_id))
    assert cancelled["UID"] == before["UID"]
    assert cancelled.decoded("SEQUENCE") == 2
    assert str(cancelled["STATUS"]) == "CANCELLED"


def test_someone_elses_summons_is_not_found(app: Flask) -> None:
    lars_summons = summons_ids(app, LARS)[0]
    client = citizen(app, METTE)
    assert client.get(f"/indkaldelser/{lars_summons}").status_code == 404
    assert client.get(f"/indkaldelser/{lars_summons}/kalender.ics").status_code == 404
    assert client.get(f"/indkaldelser/{uuid.uuid4()}").status_code == 404
    assert client.get("/indkaldelser/" + "x" * 60).status_code == 404
    assert lars_summons not in client.get("/indkaldelser/").get_data(as_text=True)


def test_min_side_shows_the_next_interview(app: Flask) -> None:
    client = citizen(app, METTE)
    page = client.get("/min-side/", headers=EN).get_data(as_text=True)
    assert "Your next interview: CV interview, 27 October 2026 at 09:30" in page
    assert 'href="/indkaldelser/"' in page and 'href="/min-plan/"' in page


def test_pages_need_a_login_and_a_subject(app: Flask) -> None:
    anonymous = app.test_client()
    assert anonymous.get("/indkaldelser/").status_code == 302
    caseworker = app.test_client()
    login_caseworker(caseworker)
    assert caseworker.get("/indkaldelser/").status_code == 403


def test_an_empty_list(app: Flask) -> None:
    client = citizen(app, "0904025118")  # Emma: no summons
    page = client.get("/indkaldelser/", headers=EN).get_data(as_text=True)
    assert "You have no upcoming interviews." in page
    assert "You have no earlier interviews." in page
