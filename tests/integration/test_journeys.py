"""The jobseeker journeys through the whole web app, written through to the in-process DFDG:
register, deregister, sickness, recovery, holiday and its cancellation; rules at the form; the
receipt and Min side."""

from __future__ import annotations

import html as html_module
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.helpers import csrf_token, login_citizen

TODAY = date(2026, 11, 22)
METTE = "1203851234"  # group 1, registered (demo)
SOFIE = "2804904086"  # group 6: sickness benefit
AHMAD = "0309014821"  # group 3, match group 1, no registration row
NEW_PERSON = "0101902345"
EN = {"Accept-Language": "en"}


@pytest.fixture
def journey_app(make_app: Callable[..., Flask]) -> Flask:
    app = make_app(DFDG_FIXED_TODAY=TODAY.isoformat())
    from jobnet.dfdg.demo import load_demo_data

    with app.extensions["dfdg_app"].extensions["dfdg_store"].session() as session:
        load_demo_data(session)
    return app


@pytest.fixture
def citizen(journey_app: Flask) -> Callable[[str], FlaskClient]:
    def login(cpr: str) -> FlaskClient:
        client = journey_app.test_client()
        client.get("/language/en")
        if cpr == NEW_PERSON:
            from tests.helpers import choose_at_simulator, local, start_login

            authorize = start_login(client)
            back = choose_at_simulator(
                client, authorize, person="other", cpr=cpr, given_name="Nina", family_name="Ny"
            )
            client.get(local(back.location))
        else:
            login_citizen(client, cpr)
        return client

    return login


def date_fields(name: str, day: date) -> dict[str, str]:
    return {
        f"{name}-day": str(day.day),
        f"{name}-month": str(day.month),
        f"{name}-year": str(day.year),
    }


def errors(page: TestResponse) -> list[str]:
    html = page.get_data(as_text=True)
    return [
        html_module.unescape(re.sub(r"<[^>]+>", "", m)).replace("Error:", "").strip()
        for m in re.findall(r'class="form-error-message"[^>]*>(.*?)</span>\s*(?:<|$)', html, re.S)
    ]


def answer(client: FlaskClient, path: str, data: dict[str, Any]) -> TestResponse:
    page = client.get(path)
    assert page.status_code == 200, page.get_data(as_text=True)[:500]
    return client.post(path, data={"csrf_token": csrf_token(page), **data})


def submit(client: FlaskClient, journey: str) -> TestResponse:
    check = client.get(f"/{journey}/tjek")
    assert check.status_code == 200, check.location
    key = re.search(r'name="key" type="hidden" value="([^"]+)"', check.get_data(as_text=True))
    assert key
    return client.post(
        f"/{journey}/send", data={"csrf_token": csrf_token(check), "key": key.group(1)}
    )


def dfdg_rows(app: Flask, model: str) -> list[Any]:
    from sqlalchemy import select

    from jobnet.dfdg.models import audit, persons, registrations

    found = (getattr(module, model, None) for module in (registrations, persons, audit))
    table = next(table for table in found if table is not None)
    store = app.extensions["dfdg_app"].extensions["dfdg_store"]
    with store.session() as session:
        return list(session.scalars(select(table)))


def report_sickness(client: FlaskClient, first_day: date) -> TestResponse:
    client.get("/sygemelding/")
    answer(client, "/sygemelding/foerste-sygedag", date_fields("first_day", first_day))
    return submit(client, "sygemelding")


# -- sickness -----------------------------------------------------------------------------


def test_sickness_report_is_registered_in_dfdg_with_a_receipt(
    citizen: Callable[[str], FlaskClient], journey_app: Flask
) -> None:
    client = citizen(METTE)
    response = report_sickness(client, TODAY - timedelta(days=2))
    assert response.status_code == 302
    assert response.location.startswith("/kvittering/JN-")
    receipt = client.get(response.location).get_data(as_text=True)
    assert "Registered in the employment database (DFDG)" in receipt
    assert "20 November 2026" in receipt
    reference = response.location.split("/")[-1]
    sickness = [a for a in dfdg_rows(journey_app, "Absence") if a.source_reference == reference]
    assert len(sickness) == 1
    assert (sickness[0].reason, sickness[0].first_day) == ("sickness", date(2026, 11, 20))
    page = client.get("/min-side/").get_data(as_text=True)
    assert "You are reported sick from 20 November 2026" in page
    assert response.location.split("/")[-1] in page


@pytest.mark.parametrize(
    ("first_day", "message"),
    [
        (TODAY + timedelta(days=1), "The date cannot be in the future."),
        (date(2024, 9, 1), "cannot be before you were registered"),
    ],
)
def test_sickness_dates_are_checked_at_the_form(
    citizen: Callable[[str], FlaskClient], first_day: date, message: str
) -> None:
    client = citizen(METTE)
    client.get("/sygemelding/")
    page = answer(client, "/sygemelding/foerste-sygedag", date_fields("first_day", first_day))
    assert page.status_code == 200
    assert any(message in e for e in errors(page)), errors(page)
    html = page.get_data(as_text=True)
    assert "<title>Error:" in html
    assert f'value="{first_day.day}"' in html  # what was typed is kept


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({}, "Enter your first day of sickness"),
        (
            {"first_day-day": "31", "first_day-month": "2", "first_day-year": "2026"},
            "Enter a real date",
        ),
        ({"first_day-day": "3", "first_day-month": "", "first_day-year": "2026"}, "full date"),
        ({"first_day-day": "3", "first_day-month": "x", "first_day-year": "2026"}, "numbers only"),
        ({"first_day-day": "3", "first_day-month": "1", "first_day-year": "26"}, "4 digits"),
    ],
)
def test_bad_dates_get_clear_messages(
    citizen: Callable[[str], FlaskClient], fields: dict[str, str], message: str
) -> None:
    client = citizen(METTE)
    client.get("/sygemelding/")
    page = answer(client, "/sygemelding/foerste-sygedag", fields)
    assert any(message in e for e in errors(page)), errors(page)
    assert 'href="#first_day-day"' in page.get_data(as_text=True)


def test_sickness_benefit_recipient_is_told_where_to_go(
    citizen: Callable[[str], FlaskClient],
) -> None:
    client = citizen(SOFIE)
    page = client.get("/sygemelding/foerste-sygedag").get_data(as_text=True)
    assert "sickness benefit office" in page
    assert "<form" not in page.split("<main")[1].split("</main>")[0]


def test_sickness_then_recovery_closes_it(
    citizen: Callable[[str], FlaskClient], journey_app: Flask
) -> None:
    client = citizen(METTE)
    reference = report_sickness(client, TODAY - timedelta(days=5)).location.split("/")[-1]
    client.get("/raskmelding/")
    page = answer(
        client, "/raskmelding/rask-dato", date_fields("fit_day", TODAY - timedelta(days=6))
    )
    assert any("cannot be before your first day of sickness" in e for e in errors(page))
    answer(client, "/raskmelding/rask-dato", date_fields("fit_day", TODAY - timedelta(days=1)))
    response = submit(client, "raskmelding")
    assert "Registered in the employment database" in client.get(response.location).get_data(
        as_text=True
    )
    sickness = [a for a in dfdg_rows(journey_app, "Absence") if a.source_reference == reference]
    assert sickness[0].fit_day == TODAY - timedelta(days=1)
    assert "You are not reported sick" in client.get("/min-side/").get_data(as_text=True)


def test_recovery_cannot_be_in_the_future(
    citizen: Callable[[str], FlaskClient], journey_app: Flask
) -> None:
    client = citizen(METTE)
    reference = report_sickness(client, TODAY - timedelta(days=3)).location.split("/")[-1]
    client.get("/raskmelding/")
    page = answer(
        client, "/raskmelding/rask-dato", date_fields("fit_day", TODAY + timedelta(days=1))
    )
    assert page.status_code == 200
    assert any("The date cannot be in the future." in e for e in errors(page)), errors(page)
    assert answer(client, "/raskmelding/rask-dato", date_fields("fit_day", TODAY)).status_code == (
        302
    )
    [sickness] = [a for a in dfdg_rows(journey_app, "Absence") if a.source_reference == reference]
    assert sickness.fit_day is None  # nothing sent yet
    assert "You are reported sick from 19 November 2026" in client.get("/min-side/").get_data(
        as_text=True
    )


def test_recovery_is_not_offered_to_someone_not_sick(citizen: Callable[[str], FlaskClient]) -> None:
    client = citizen(METTE)
    page = client.get("/raskmelding/rask-dato").get_data(as_text=True)
    assert "You are not reported sick" in page


# -- holiday ------------------------------------------------------------------------------


def report_holiday(client: FlaskClient, first: date, last: date) -> TestResponse:
    client.get("/ferie/")
    return answer(
        client,
        "/ferie/periode",
        {**date_fields("first_day", first), **date_fields("last_day", last)},
    )


def test_holiday_is_registered_and_can_be_cancelled_before_it_starts(
    citizen: Callable[[str], FlaskClient], journey_app: Flask
) -> None:
    client = citizen(METTE)
    report_holiday(client, date(2026, 12, 1), date(2026, 12, 5))
    response = submit(client, "ferie")
    assert "Registered" in client.get(response.location).get_data(as_text=True)
    reference = response.location.split("/")[-1]
    holiday = [a for a in dfdg_rows(journey_app, "Absence") if a.source_reference == reference][0]
    page = client.get("/min-side/").get_data(as_text=True)
    assert "1 December 2026 to 5 December 2026" in page
    cancel_path = f"/ferie/{holiday.id}/aflys"
    assert cancel_path in page
    confirm = client.get(cancel_path)
    key = re.search(r'name="key" type="hidden" value="([^"]+)"', confirm.get_data(as_text=True))
    assert key
    data = {"csrf_token": csrf_token(confirm), "key": key.group(1)}
    first = client.post(cancel_path, data=data)
    assert first.status_code == 302
    assert client.post(cancel_path, data=data).location == first.location  # a double click
    holiday = [a for a in dfdg_rows(journey_app, "Absence") if a.source_reference == reference][0]
    assert holiday.status == "cancelled"
    # Registered and gone from Min side; the old link leads to the cancellation's receipt.
    assert client.get(cancel_path).location == first.location
    assert client.get(f"/ferie/{'0' * 8}-0000-0000-0000-{'0' * 12}/aflys").status_code == 404


@pytest.mark.parametrize(
    ("first", "last", "message"),
    [
        (TODAY, TODAY + timedelta(days=3), "must be reported before it starts"),
        (TODAY + timedelta(days=5), TODAY + timedelta(days=2), "cannot be before the first day"),
    ],
)
def test_holiday_rules_at_the_form(
    citizen: Callable[[str], FlaskClient], first: date, last: date, message: str
) -> None:
    page = report_holiday(citizen(METTE), first, last)
    assert any(message in e for e in errors(page)), errors(page)


def test_holiday_overlapping_an_open_sickness_is_refused(
    citizen: Callable[[str], FlaskClient],
) -> None:
    client = citizen(METTE)
    report_sickness(client, TODAY)
    page = report_holiday(client, TODAY + timedelta(days=10), TODAY + timedelta(days=12))
    assert any("another absence" in e for e in errors(page)), errors(page)


def set_contact_group(app: Flask, cpr: str, group: int, match: int | None) -> None:
    """Move the person's open contact-group period to `group` (and `match`) in DFDG."""
    from sqlalchemy import select

    from jobnet.dfdg.models.persons import ContactGroupPeriod, Person

    store = app.extensions["dfdg_app"].extensions["dfdg_store"]
    with store.session() as session:
        person = session.scalars(select(Person).where(Person.cpr == cpr)).one()
        period = session.scalars(
            select(ContactGroupPeriod).where(
                ContactGroupPeriod.person_id == person.id, ContactGroupPeriod.end_date.is_(None)
            )
        ).one()
        period.contact_group, period.match_group = group, match


def register_by_jobcentre(
    app: Flask, cpr: str, reason: str, first: date, last: date | None
) -> None:
    """A caseworker at Jobcenter København registers an absence straight in DFDG."""
    from sqlalchemy import select

    from jobnet.dfdg.models.persons import Person

    store = app.extensions["dfdg_app"].extensions["dfdg_store"]
    with store.session() as session:
        person_id = session.scalars(select(Person.id).where(Person.cpr == cpr)).one()
    body = {"reason": reason, "first_day": first.isoformat()}
    if last is not None:
        body["last_day"] = last.isoformat()
    response = (
        app.extensions["dfdg_app"]
        .test_client()
        .post(
            f"/api/v1/persons/{person_id}/absences",
            json=body,
            headers={
                "Authorization": f"Bearer {app.config['DFDG_API_TOKEN']}",
                "Idempotency-Key": f"jobcentre-{reason}-{first.isoformat()}",
                "X-Actor-Type": "caseworker",
                "X-Actor-Id": "CVR:29190011-RID:41120001",
                "X-Actor-Name": "Hanne%20M%C3%B8ller",
                "X-Actor-Organisation": "29190011",
                "X-Purpose": "Fravaer",
            },
        )
    )
    assert response.status_code == 201, response.get_json()


def holiday_count(app: Flask) -> int:
    return len([a for a in dfdg_rows(app, "Absence") if a.reason == "holiday"])


@pytest.mark.parametrize(
    ("cpr", "group", "reason", "first", "last"),
    [
        (METTE, None, "maternity_short", TODAY + timedelta(days=5), TODAY + timedelta(days=10)),
        (METTE, None, "civic_duty", TODAY + timedelta(days=9), TODAY + timedelta(days=12)),
        (AHMAD, None, "civic_duty", TODAY + timedelta(days=8), None),  # open: no known end
        (METTE, (2, 1), "military_service", TODAY + timedelta(days=3), TODAY + timedelta(days=8)),
        (
            METTE,
            (2, 1),
            "care_of_sick_relative",
            TODAY + timedelta(days=8),
            TODAY + timedelta(days=8),
        ),
    ],
)
def test_holiday_overlapping_what_the_job_centre_registered_is_refused_at_the_form(
    citizen: Callable[[str], FlaskClient],
    journey_app: Flask,
    cpr: str,
    group: tuple[int, int | None] | None,
    reason: str,
    first: date,
    last: date | None,
) -> None:
    if group is not None:
        set_contact_group(journey_app, cpr, *group)
    register_by_jobcentre(journey_app, cpr, reason, first, last)
    client = citizen(cpr)
    before = holiday_count(journey_app)
    page = report_holiday(client, TODAY + timedelta(days=8), TODAY + timedelta(days=9))
    assert page.status_code == 200
    assert any("another absence" in e for e in errors(page)), errors(page)
    assert client.get("/ferie/tjek").status_code == 302  # no answer kept: back to the question
    assert holiday_count(journey_app) == before
    # The days before it are still free.
    allowed = report_holiday(client, TODAY + timedelta(days=1), TODAY + timedelta(days=2))
    assert allowed.status_code == 302, errors(allowed)


@pytest.mark.parametrize(
    ("first", "last", "overlaps"),
    [
        (date(2026, 12, 6), date(2026, 12, 8), True),  # starts on the other's last day
        (date(2026, 11, 28), date(2026, 12, 2), True),  # ends on the other's first day
        (date(2026, 12, 4), date(2026, 12, 4), True),  # one day inside
        (date(2026, 12, 7), date(2026, 12, 9), False),  # the day after the other ends
        (date(2026, 11, 28), date(2026, 12, 1), False),  # ends the day before it starts
    ],
)
def test_holiday_overlaps_at_the_form(
    citizen: Callable[[str], FlaskClient],
    journey_app: Flask,
    first: date,
    last: date,
    overlaps: bool,
) -> None:
    client = citizen(METTE)
    report_holiday(client, date(2026, 12, 2), date(2026, 12, 6))
    submit(client, "ferie")
    assert "2 December 2026 to 6 December 2026" in client.get("/min-side/").get_data(as_text=True)
    page = report_holiday(client, first, last)
    if overlaps:
        assert any("another absence" in e for e in errors(page)), errors(page)
        return
    assert page.status_code == 302, errors(page)
    response = submit(client, "ferie")
    assert "Registered" in client.get(response.location).get_data(as_text=True)
    reference = response.location.split("/")[-1]
    [holiday] = [a for a in dfdg_rows(journey_app, "Absence") if a.source_reference == reference]
    assert (holiday.first_day, holiday.last_day) == (first, last)


@pytest.mark.parametrize(
    ("group", "match", "offered"),
    [
        (4, None, False),
        (5, None, False),
        (6, None, False),
        (3, 1, True),
        (3, 2, False),
        (3, 3, False),
        (2, 3, True),
    ],
)
def test_holiday_is_offered_by_contact_and_match_group(
    citizen: Callable[[str], FlaskClient],
    journey_app: Flask,
    group: int,
    match: int | None,
    offered: bool,
) -> None:
    set_contact_group(journey_app, METTE, group, match)
    client = citizen(METTE)
    before = holiday_count(journey_app)
    page = report_holiday(client, TODAY + timedelta(days=3), TODAY + timedelta(days=4))
    html = page.get_data(as_text=True)
    if offered:
        assert page.status_code == 302, errors(page)
        submit(client, "ferie")
        assert holiday_count(journey_app) == before + 1
        return
    assert page.status_code == 200
    assert "You cannot report this in Jobnet in your situation. Contact your job centre." in html
    assert "<form" not in html.split("<main")[1].split("</main>")[0]
    check = client.get("/ferie/tjek").get_data(as_text=True)
    assert "<form" not in check.split("<main")[1].split("</main>")[0]
    assert holiday_count(journey_app) == before


def test_holiday_is_not_offered_to_group_3_outside_match_group_1(
    citizen: Callable[[str], FlaskClient], journey_app: Flask
) -> None:
    client = citizen("1702783319")  # Jens: group 2 match 3 -> allowed; check group 3 via Ahmad
    assert "<h1>When is your holiday?</h1>" in client.get("/ferie/periode").get_data(as_text=True)
    client = citizen(AHMAD)  # group 3, match group 1: allowed
    assert "<h1>When is your holiday?</h1>" in client.get("/ferie/periode").get_data(as_text=True)


# -- registration and deregistration ------------------------------------------------------


def register(client: FlaskClient, *, part_time: bool = False) -> TestResponse:
    client.get("/tilmelding/")
    answer(client, "/tilmelding/aarsag", {"category": "unemployment_benefit"})
    answer(client, "/tilmelding/startdato", date_fields("start_date", TODAY))
    degree = {"degree": "part_time", "weekly_hours": "20"} if part_time else {"degree": "full_time"}
    answer(client, "/tilmelding/ledighedsgrad", degree)
    answer(
        client,
        "/tilmelding/jobtitler",
        {
            "job_titles-0": "Lagerarbejder",
            "job_titles-1": " lagerarbejder ",
            "job_titles-2": "Chauffør",
        },
    )
    return submit(client, "tilmelding")


def test_registration_opens_a_contact_group_period(
    citizen: Callable[[str], FlaskClient], journey_app: Flask
) -> None:
    client = citizen(NEW_PERSON)
    assert "You are not registered as a jobseeker" in client.get("/min-side/").get_data(
        as_text=True
    )
    response = register(client, part_time=True)
    receipt = client.get(response.location).get_data(as_text=True)
    assert "Part time, 20 hours a week" in receipt
    assert "Lagerarbejder, Chauffør" in receipt
    registrations = [
        r
        for r in dfdg_rows(journey_app, "Registration")
        if r.job_titles == ["Lagerarbejder", "Chauffør"]
    ]
    assert len(registrations) == 1
    periods = [
        p
        for p in dfdg_rows(journey_app, "ContactGroupPeriod")
        if p.person_id == registrations[0].person_id
    ]
    assert [(p.contact_group, p.start_date, p.end_date) for p in periods] == [(1, TODAY, None)]
    assert "You are registered as a jobseeker from 22 November 2026" in client.get(
        "/min-side/"
    ).get_data(as_text=True)


def test_someone_registered_cannot_register_twice(citizen: Callable[[str], FlaskClient]) -> None:
    page = citizen(METTE).get("/tilmelding/aarsag").get_data(as_text=True)
    assert "You are already registered as a jobseeker." in page


def test_registration_questions_check_their_answers(citizen: Callable[[str], FlaskClient]) -> None:
    client = citizen(NEW_PERSON)
    client.get("/tilmelding/")
    assert "Choose why you are registering" in errors(answer(client, "/tilmelding/aarsag", {}))
    page = answer(
        client, "/tilmelding/startdato", date_fields("start_date", TODAY - timedelta(days=1))
    )
    assert "The start date cannot be in the past." in errors(page)
    page = answer(client, "/tilmelding/ledighedsgrad", {"degree": "part_time"})
    assert "Enter how many hours a week you are looking for." in errors(page)
    page = answer(
        client, "/tilmelding/ledighedsgrad", {"degree": "part_time", "weekly_hours": "37"}
    )
    assert "Part-time hours must be a whole number from 1 to 36." in errors(page)
    page = answer(client, "/tilmelding/jobtitler", {"job_titles-0": "  "})
    assert "Enter at least one job title you are looking for." in errors(page)


def test_check_answers_change_link_returns_to_check(citizen: Callable[[str], FlaskClient]) -> None:
    client = citizen(NEW_PERSON)
    register_path = "/tilmelding/ledighedsgrad?change=1"
    client.get("/tilmelding/")
    answer(client, "/tilmelding/aarsag", {"category": "without_benefit"})
    answer(client, "/tilmelding/startdato", date_fields("start_date", TODAY))
    answer(client, "/tilmelding/ledighedsgrad", {"degree": "full_time"})
    answer(client, "/tilmelding/jobtitler", {"job_titles-0": "Kok"})
    check = client.get("/tilmelding/tjek").get_data(as_text=True)
    assert 'href="/tilmelding/ledighedsgrad?change=1"' in check
    response = answer(client, register_path, {"degree": "part_time", "weekly_hours": "15"})
    assert response.location == "/tilmelding/tjek"
    assert "Part time, 15 hours a week" in client.get("/tilmelding/tjek").get_data(as_text=True)


@pytest.mark.parametrize(
    ("days", "message"),
    [
        (-1, "The date cannot be in the past."),
        (91, "at most 90 days from today"),
        (0, None),
        (90, None),
    ],
)
def test_deregistration_window_at_the_form(
    citizen: Callable[[str], FlaskClient], days: int, message: str | None
) -> None:
    client = citizen(METTE)
    client.get("/afmelding/")
    page = answer(client, "/afmelding/dato", date_fields("when", TODAY + timedelta(days=days)))
    if message is None:
        assert page.status_code == 302
    else:
        assert any(message in e for e in errors(page)), errors(page)


def test_deregistration_ends_the_registration_and_the_period(
    citizen: Callable[[str], FlaskClient], journey_app: Flask
) -> None:
    client = citizen(METTE)
    client.get("/afmelding/")
    answer(client, "/afmelding/dato", date_fields("when", TODAY + timedelta(days=10)))
    page = answer(client, "/afmelding/aarsag", {"reason": "other"})
    assert "Describe the reason." in errors(page)
    answer(client, "/afmelding/aarsag", {"reason": "other", "other_reason": "Flytter til Grønland"})
    response = submit(client, "afmelding")
    receipt = client.get(response.location).get_data(as_text=True)
    assert "Another reason: Flytter til Grønland" in receipt
    registration = [r for r in dfdg_rows(journey_app, "Registration") if r.end_date][0]
    assert registration.end_date == TODAY + timedelta(days=10)
    assert "You have already deregistered" in client.get("/afmelding/dato").get_data(as_text=True)


# -- idempotency --------------------------------------------------------------------------


def test_double_submit_and_back_button_resubmit_register_once(
    citizen: Callable[[str], FlaskClient], journey_app: Flask
) -> None:
    client = citizen(METTE)
    client.get("/sygemelding/")
    answer(client, "/sygemelding/foerste-sygedag", date_fields("first_day", TODAY))
    check = client.get("/sygemelding/tjek")
    data = {
        "csrf_token": csrf_token(check),
        "key": re.search(
            r'name="key" type="hidden" value="([^"]+)"', check.get_data(as_text=True)
        ).group(1),  # type: ignore[union-attr]
    }
    first = client.post("/sygemelding/send", data=data)
    second = client.post("/sygemelding/send", data=data)
    assert first.location == second.location
    reference = first.location.split("/")[-1]
    assert (
        len([a for a in dfdg_rows(journey_app, "Absence") if a.source_reference == reference]) == 1
    )
    assert len([a for a in dfdg_rows(journey_app, "Absence") if a.reason == "sickness"]) == 2


def test_two_tabs_share_one_key(citizen: Callable[[str], FlaskClient], journey_app: Flask) -> None:
    client = citizen(METTE)
    client.get("/sygemelding/")
    answer(client, "/sygemelding/foerste-sygedag", date_fields("first_day", TODAY))
    tab_one = client.get("/sygemelding/tjek")
    tab_two = client.get("/sygemelding/tjek")
    key = re.compile(r'name="key" type="hidden" value="([^"]+)"')
    assert key.search(tab_one.get_data(as_text=True)).group(1) == key.search(
        tab_two.get_data(as_text=True)
    ).group(1)  # type: ignore[union-attr]


def test_a_receipt_of_someone_else_is_not_found(citizen: Callable[[str], FlaskClient]) -> None:
    mette = citizen(METTE)
    reference = report_sickness(mette, TODAY).location
    other = citizen("0601983694")
    assert other.get(reference).status_code == 404
    assert other.get(reference + "/print").status_code == 404


def test_receipt_print_view(citizen: Callable[[str], FlaskClient]) -> None:
    client = citizen(METTE)
    location = report_sickness(client, TODAY).location
    page = client.get(location + "/print")
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert location.split("/")[-1] in body
    assert "Receipt from Jobnet" in body


# -- the status a journey keeps between its pages ------------------------------------------


def status_reads(app: Flask) -> int:
    return len([e for e in dfdg_rows(app, "AuditEntry") if e.action == "status.read"])


def test_a_journey_asks_dfdg_for_the_status_on_its_first_page_and_not_at_the_send(
    citizen: Callable[[str], FlaskClient], journey_app: Flask
) -> None:
    client = citizen(METTE)
    before = status_reads(journey_app)
    client.get("/sygemelding/")
    answer(client, "/sygemelding/foerste-sygedag", date_fields("first_day", TODAY))
    check = client.get("/sygemelding/tjek")
    assert check.status_code == 200
    assert status_reads(journey_app) == before + 1  # the question, its answer, check answers
    sent = submit(client, "sygemelding")
    assert sent.location.startswith("/kvittering/")
    # Store first: the send asks DFDG nothing before the receipt is kept; DFDG's rules decide
    # at delivery.
    assert status_reads(journey_app) == before + 1


def test_a_kept_status_is_asked_again_when_it_is_old(
    citizen: Callable[[str], FlaskClient], journey_app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    client = citizen(METTE)
    client.get("/sygemelding/")
    client.get("/sygemelding/foerste-sygedag")
    before = status_reads(journey_app)
    later = time.time() + journey_app.config["JOURNEY_STATUS_SECONDS"] + 1
    monkeypatch.setattr("jobnet.web.journeys.kept_status.time.time", lambda: later)
    client.get("/sygemelding/foerste-sygedag")
    assert status_reads(journey_app) == before + 1


def test_what_changed_in_dfdg_since_the_first_page_is_refused_at_delivery_with_why(
    citizen: Callable[[str], FlaskClient], journey_app: Flask
) -> None:
    client = citizen(METTE)
    first, last = TODAY + timedelta(days=8), TODAY + timedelta(days=9)
    assert report_holiday(client, first, last).status_code == 302
    before = holiday_count(journey_app)
    # Meanwhile the job centre registers an absence over the same days.
    register_by_jobcentre(journey_app, METTE, "civic_duty", first, last)
    sent = submit(client, "ferie")
    assert sent.status_code == 302
    assert sent.location.startswith("/kvittering/")  # kept first, then refused by DFDG
    receipt = client.get(sent.location).get_data(as_text=True)
    assert "Your report was not registered" in receipt
    assert "another absence" in receipt
    assert holiday_count(journey_app) == before


def test_after_a_send_other_journeys_ask_dfdg_again(
    citizen: Callable[[str], FlaskClient], journey_app: Flask
) -> None:
    client = citizen(METTE)
    client.get("/ferie/")
    client.get("/ferie/periode")  # a holiday journey begun, its status kept
    report_sickness(client, TODAY)  # another tab: a sickness sent and registered
    page = report_holiday(client, TODAY + timedelta(days=10), TODAY + timedelta(days=12))
    assert any("another absence" in e for e in errors(page)), errors(page)


def test_a_recheck_link_without_answers_shows_a_fresh_question(
    citizen: Callable[[str], FlaskClient],
) -> None:
    client = citizen(METTE)
    client.get("/ferie/")
    page = client.get("/ferie/periode?recheck=1")
    assert page.status_code == 200
    assert errors(page) == []
