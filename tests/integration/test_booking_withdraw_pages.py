"""The job centre takes back what it offered, in the web app (issue 22): the caseworker's page
for one citizen shows the duties the citizen sees and their booking requests with their state;
a request is withdrawn through a journey with a receipt (a booked one's summons is cancelled);
a time is removed from the list only while no one has booked it; the list of who has not booked
marks the overdue and opens the citizen. The citizen's booking page says until when a booked
interview can be moved, and after that why it cannot."""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from jobnet.dfdg.models.booking import BookingRequest, BookingSlot
from jobnet.dfdg.models.summons import Summons
from tests.helpers import csrf_token
from tests.integration.test_booking_pages import (
    BOOKING,
    CHOICE,
    _add_slot,
    _caseworker,
    _key,
    _open_booking,
)
from tests.integration.test_caseworker import open_citizen
from tests.integration.test_journeys import (  # noqa: F401 - fixtures
    EN,
    METTE,
    citizen,
    journey_app,
)

WITHDRAW = "/sagsbehandler/booking/tilbagekald"
REMOVE = re.compile(r'href="(/sagsbehandler/booking/tider/[0-9a-f-]{36}/fjern)"')


SECOND_TIME = ("01-12-2026", "09:00")


def _dfdg_session(app: Flask) -> AbstractContextManager[Session]:
    """A session of the DFDG the web app runs in-process (committed when the block ends)."""
    return app.extensions["dfdg_app"].extensions["dfdg_store"].session()


def _rows(app: Flask, model: type) -> list:
    with _dfdg_session(app) as session:
        return list(session.scalars(select(model)))


def _section(page: str, heading_id: str) -> str:
    """The page's section under the heading with the id (up to its end)."""
    return page.split(f'id="{heading_id}"')[1].split("</section>")[0]


def _asked_to_book(app: Flask, *more: tuple[str, str], **booking: str) -> FlaskClient:
    """Hanne (logged in, English) adds a time on 30 November at 10:00 and the `more` (day,
    time), opens Mette and asks her to book among all of them; `booking` changes the request's
    fields."""
    hanne = _caseworker(app)
    for day, time in (("30-11-2026", "10:00"), *more):
        assert _add_slot(hanne, day, time).status_code == 302
    open_citizen(hanne, "120385-1234")
    assert _open_booking(hanne, slots=1 + len(more), **booking).status_code == 302
    return hanne


def _book_first(mette: FlaskClient) -> str:
    index = mette.get("/book-samtale/", headers=EN).get_data(as_text=True)
    [booking_id] = set(BOOKING.findall(index))
    page = mette.get(f"/book-samtale/{booking_id}", headers=EN)
    text = page.get_data(as_text=True)
    data = {"csrf_token": csrf_token(page), "key": _key(text), "slot_id": CHOICE.findall(text)[0]}
    assert mette.post(f"/book-samtale/{booking_id}", data=data, headers=EN).status_code == 302
    return booking_id


def _withdraw(client: FlaskClient, booking_id: str, **answers: str):
    start = client.get(f"{WITHDRAW}/?booking={booking_id}", headers=EN)
    assert start.status_code == 302, start.get_data(as_text=True)
    step = client.get(f"{WITHDRAW}/aarsag", headers=EN)
    return step, client.post(
        f"{WITHDRAW}/aarsag", data={"csrf_token": csrf_token(step), **answers}, headers=EN
    )


def _send(client: FlaskClient) -> str:
    check = client.get(f"{WITHDRAW}/tjek", headers=EN)
    assert check.status_code == 200, check.location
    data = {"csrf_token": csrf_token(check), "key": _key(check.get_data(as_text=True))}
    sent = client.post(f"{WITHDRAW}/send", data=data, headers=EN)
    assert sent.status_code == 302
    return client.get(sent.location, headers=EN).get_data(as_text=True)


def test_the_citizens_page_shows_duties_and_bookings_and_an_open_request_is_withdrawn(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    hanne = _asked_to_book(journey_app)

    page = hanne.get("/sagsbehandler/borger", headers=EN).get_data(as_text=True)
    duties = _section(page, "duties-heading")
    assert 'data-duty="booking:' in duties and "Book your interview" in duties
    assert 'data-state="to_do"' in duties
    bookings = _section(page, "bookings-heading")
    assert "Not booked yet" in bookings and 'data-status="open"' in bookings
    [booking_id] = re.findall(r'data-booking="([0-9a-f-]{36})"', bookings)
    assert f"{WITHDRAW}/?booking={booking_id}" in bookings

    step, empty = _withdraw(hanne, booking_id, reason="   ")
    assert "Date the letter is sent" not in step.get_data(as_text=True)
    assert "Enter why it is withdrawn" in empty.get_data(as_text=True)
    _, answered = _withdraw(hanne, booking_id, reason="Mette has found a job")
    assert answered.status_code == 302
    receipt = _send(hanne)
    assert "Booking withdrawn" in receipt and "Mette has found a job" in receipt
    [request] = _rows(journey_app, BookingRequest)
    assert (request.status, request.withdrawal_reason) == ("cancelled", "Mette has found a job")
    assert request.withdrawn_by_name is not None

    page = hanne.get("/sagsbehandler/borger", headers=EN).get_data(as_text=True)
    assert 'data-status="cancelled"' in page and "Withdrawn" in page
    assert "Book your interview" not in _section(page, "duties-heading")
    again = hanne.get(f"{WITHDRAW}/?booking={booking_id}", headers=EN)
    assert "already withdrawn" in hanne.get(again.location, headers=EN).get_data(as_text=True)

    mette = citizen(METTE)
    assert "Book your interview" not in mette.get("/pligter/", headers=EN).get_data(as_text=True)
    index = mette.get("/book-samtale/", headers=EN).get_data(as_text=True)
    assert "You have no interviews to book." in index
    assert "Withdrawn by the job centre" in index and "Mette has found a job" in index
    shown = mette.get(f"/book-samtale/{booking_id}", headers=EN).get_data(as_text=True)
    assert "has withdrawn its request" in shown and 'name="slot_id"' not in shown

    # Told by a letter (the notice for it is DFDG's, tested there).
    letters = mette.get("/breve/", headers=EN).get_data(as_text=True)
    assert f'href="/breve/booking/{booking_id}"' in letters
    assert "You no longer need to book an interview" in letters
    letter = mette.get(f"/breve/booking/{booking_id}", headers=EN).get_data(as_text=True)
    assert "It has withdrawn the request: you no longer need to book it." in letter
    assert "Reason: Mette has found a job" in letter
    pdf = mette.get(f"/breve/booking/{booking_id}/brev.pdf", headers=EN)
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    assert mette.get("/breve/booking/not-a-booking", headers=EN).status_code == 404


def test_a_booked_request_is_withdrawn_by_cancelling_its_summons(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    hanne = _asked_to_book(journey_app)
    mette = citizen(METTE)
    booking_id = _book_first(mette)

    page = hanne.get("/sagsbehandler/borger", headers=EN).get_data(as_text=True)
    bookings = _section(page, "bookings-heading")
    assert 'data-status="booked"' in bookings and "30 November 2026 at 10:00" in bookings
    assert "See the summons" in bookings and "Move to another time" in bookings

    step, missing = _withdraw(hanne, booking_id, reason="Ferie")
    assert "Date the letter is sent" in step.get_data(as_text=True)
    assert missing.status_code == 200
    assert "Enter the date the letter is sent" in missing.get_data(as_text=True)
    _, answered = _withdraw(
        hanne,
        booking_id,
        reason="Ferie",
        **{"letter_sent_date-day": "22", "letter_sent_date-month": "11"},
        **{"letter_sent_date-year": "2026"},
    )
    assert answered.status_code == 302, answered.get_data(as_text=True)
    receipt = _send(hanne)
    assert "Booking withdrawn" in receipt and "Cancelled" in receipt
    [request] = _rows(journey_app, BookingRequest)
    [summons] = [s for s in _rows(journey_app, Summons) if s.id == request.summons_id]
    assert (request.status, summons.status) == ("cancelled", "cancelled")
    [slot] = _rows(journey_app, BookingSlot)
    assert slot.booked == 0
    assert mette.get(f"/book-samtale/{booking_id}/kvittering", headers=EN).status_code == 404


def test_a_time_is_removed_only_while_no_one_has_booked_it(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    hanne = _asked_to_book(journey_app, SECOND_TIME)
    _book_first(citizen(METTE))  # the time on 30 November

    listed = hanne.get("/sagsbehandler/booking/tider", headers=EN).get_data(as_text=True)
    assert "Cannot be removed while booked" in listed
    [free_page] = REMOVE.findall(listed)
    booked_slot = next(s for s in _rows(journey_app, BookingSlot) if s.booked)
    booked_page = f"/sagsbehandler/booking/tider/{booked_slot.id}/fjern"
    shown = hanne.get(booked_page, headers=EN).get_data(as_text=True)
    assert "1 citizen has booked it" in shown and "Remove the time</button>" not in shown

    form = hanne.get(free_page, headers=EN)
    data = {"csrf_token": csrf_token(form), "key": _key(form.get_data(as_text=True))}
    refused = hanne.post(booked_page, data=data, headers=EN)
    assert refused.status_code == 422
    assert "1 citizen has booked it" in refused.get_data(as_text=True)
    removed = hanne.post(free_page, data=data, headers=EN)
    assert removed.status_code == 302
    after = hanne.get(removed.location, headers=EN).get_data(as_text=True)
    assert "The time is removed from the list." in after and "1 December 2026" not in after
    assert hanne.get(free_page, headers=EN).status_code == 404
    assert hanne.get("/sagsbehandler/booking/tider/" + "x" * 40 + "/fjern").status_code == 404


def test_who_has_not_booked_marks_the_overdue_and_opens_the_citizen(
    journey_app: Flask,  # noqa: F811
) -> None:
    hanne = _asked_to_book(journey_app, **{"deadline-day": "22"})  # today: overdue tomorrow
    with _dfdg_session(journey_app) as session:
        session.scalars(select(BookingRequest)).one().deadline = date(2026, 11, 20)
    page = hanne.get("/sagsbehandler/booking/", headers=EN)
    text = page.get_data(as_text=True)
    assert "Overdue" in text and 'name="act" value="booking"' in text
    person_id = re.search(r'name="person_id" value="([0-9a-f-]{36})"', text)
    assert person_id
    data = {
        "csrf_token": csrf_token(page),
        "person_id": person_id.group(1),
        "name": "Mette Nielsen",
        "act": "booking",
    }
    asked = hanne.post("/sagsbehandler/pligter/aabn", data=data, headers=EN)
    assert asked.status_code == 200 and "purpose" in asked.get_data(as_text=True).lower()
    data |= {"csrf_token": csrf_token(asked), "confirm": "yes", "purpose": "case_processing"}
    opened = hanne.post("/sagsbehandler/pligter/aabn", data=data, headers=EN)
    assert opened.status_code == 302 and opened.location.endswith("/sagsbehandler/borger")
    shown = hanne.get(opened.location, headers=EN).get_data(as_text=True)
    assert 'data-status="overdue"' in shown


def test_the_citizen_is_told_until_when_a_booking_can_be_moved(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    _asked_to_book(journey_app, SECOND_TIME)
    mette = citizen(METTE)
    booking_id = _book_first(mette)
    for path in ("/book-samtale/", f"/book-samtale/{booking_id}"):
        text = mette.get(path, headers=EN).get_data(as_text=True)
        assert "until 29 November 2026 at 10:00, 24 hours before it starts" in text
    dfdg = journey_app.extensions["dfdg_app"]
    dfdg.config["DFDG_FIXED_TODAY"] = "2026-11-30"  # noon on the day: past the cut-off
    text = mette.get(f"/book-samtale/{booking_id}", headers=EN).get_data(as_text=True)
    assert "can no longer be moved here" in text and "29 November 2026 at 10:00" in text
    assert 'name="slot_id"' not in text


def test_the_overview_of_duties_names_a_booking_not_made(
    journey_app: Flask,  # noqa: F811
) -> None:
    hanne = _caseworker(journey_app)
    assert _add_slot(hanne, "30-11-2026").status_code == 302
    open_citizen(hanne, "120385-1234")
    assert _open_booking(hanne).status_code == 302  # to book by 27 November: within a week
    text = hanne.get("/sagsbehandler/pligter/?type=booking", headers=EN).get_data(as_text=True)
    assert 'aria-current="page">Booking<' in text
    rows = re.findall(r'<tr data-person="[^"]+" data-duty="([^"]+)"', text)
    assert rows and all(key.startswith("booking:") for key in rows)
    assert "Has not booked the interview the job centre asked them to book" in text
    assert 'name="act" value="booking"' in text


def test_a_booking_whose_interview_is_already_cancelled_is_withdrawn_without_a_letter(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    hanne = _asked_to_book(journey_app)
    booking_id = _book_first(citizen(METTE))
    with _dfdg_session(journey_app) as session:
        request = session.scalars(select(BookingRequest)).one()
        session.get(Summons, request.summons_id).status = "cancelled"

    step, answered = _withdraw(hanne, booking_id, reason="Aflyst i forvejen")
    text = step.get_data(as_text=True)
    assert "already cancelled" in text and "Date the letter is sent" not in text
    assert answered.status_code == 302
    assert "Booking withdrawn" in _send(hanne)
    [slot] = _rows(journey_app, BookingSlot)
    [request] = _rows(journey_app, BookingRequest)
    assert (slot.booked, request.status) == (0, "cancelled")
