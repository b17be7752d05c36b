"""A booking request withdrawn before it was booked tells the citizen (issue 22 gap 3): DFDG
records a letter notice, and the notifications worker sends "You have a new letter on Jobnet"
through the outbox, with no personal data — as for a cancelled summons."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from flask import Flask

from jobnet.demo_identities import DEMO_PERSONS
from jobnet.web.notifications import collect
from tests.integration.notify_helpers import (  # noqa: F401 - fixtures
    Gateway,
    Mailbox,
    choose,
    gateway_fixture,
    mailbox_fixture,
    sending_settings,
)
from tests.integration.test_booking_pages import _add_slot, _caseworker, _open_booking
from tests.integration.test_booking_withdraw_pages import _send, _withdraw
from tests.integration.test_caseworker import open_citizen
from tests.integration.test_journeys import TODAY
from tests.integration.test_notifications import MAIL, METTE, _confirmed

# Noon in Denmark: outside the quiet hours.
NOON = datetime(TODAY.year, TODAY.month, TODAY.day, 11, 0, tzinfo=UTC)


@pytest.fixture
def app(make_app: Callable[..., Flask], mailbox: tuple[Mailbox, int], gateway: Gateway) -> Flask:
    made = make_app(DFDG_FIXED_TODAY=TODAY.isoformat(), **sending_settings(mailbox[1], gateway))
    from jobnet.dfdg.demo import load_demo_data

    with made.extensions["dfdg_app"].extensions["dfdg_store"].session() as session:
        load_demo_data(session)
    return made


def test_withdrawing_an_open_booking_request_sends_a_letter_notification(
    app: Flask, mailbox: tuple[Mailbox, int], gateway: Gateway
) -> None:
    box = mailbox[0]
    mette = _confirmed(app, box, gateway)
    assert choose(mette, "email").status_code == 303
    hanne = _caseworker(app)
    assert _add_slot(hanne, "30-11-2026").status_code == 302
    open_citizen(hanne, "120385-1234")
    assert _open_booking(hanne).status_code == 302
    with app.app_context():
        collect.notification_round(app, NOON)  # the booking's task, told first
    before = len(box.to(MAIL))

    page = hanne.get("/sagsbehandler/borger").get_data(as_text=True)
    bookings = page.split('id="bookings-heading"')[1].split("</section>")[0]
    [booking_id] = re.findall(r'data-booking="([0-9a-f-]{36})"', bookings)
    _, answered = _withdraw(hanne, booking_id, reason="Mette har fundet et job")
    assert answered.status_code == 302
    assert "Booking withdrawn" in _send(hanne)

    with app.app_context():
        assert collect.notification_round(app, NOON) == 1
        assert collect.notification_round(app, NOON) == 0  # never twice
    [told] = box.to(MAIL)[before:]
    assert told["Subject"] == "You have a new letter on Jobnet"
    body = box.body(told)
    person = next(p for p in DEMO_PERSONS if p.cpr == METTE)
    for private in (METTE, person.given_name, person.family_name, "fundet et job", booking_id):
        assert private not in body and private not in str(told["Subject"])
