"""A job centre's time and a booking request for a demo citizen, written straight into the
embedded DFDG (for the walks that need a booking page to reach: the form walk, the a11y crawl)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from flask import Flask

from jobnet.dfdg.models.booking import BookingOffer, BookingRequest, BookingSlot
from jobnet.dfdg.queries import persons as person_queries
from jobnet.domain.clock import DANISH_TIME

KOBENHAVN = "29190011"


def seed_booking(app: Flask, cpr: str, today: date, *, with_request: bool = True) -> str | None:
    """Two times on the list and, `with_request`, a request offering them (its id)."""
    store = app.extensions["dfdg_app"].extensions["dfdg_store"]
    with store.session() as session:
        person = person_queries.find_by_cpr(session, cpr)
        assert person is not None
        starts = datetime.combine(today + timedelta(days=10), time(10), tzinfo=DANISH_TIME)
        slots = [
            BookingSlot(
                organisation_cvr=KOBENHAVN,
                starts_at=starts + timedelta(days=offset),
                duration_minutes=30,
                form="in_person",
                place="Gyldenløvesgade 15",
                capacity=50,
                booked=0,
                created_by_type="caseworker",
            )
            for offset in (0, 1)
        ]
        session.add_all(slots)
        session.flush()
        if with_request:
            request = BookingRequest(
                person_id=person.id,
                organisation_cvr=KOBENHAVN,
                type="follow_up",
                form="in_person",
                opened_on=today,
                deadline=today + timedelta(days=5),
                contact_options="Ring på 33 17 33 17",
                status="open",
                created_by_type="caseworker",
            )
            session.add(request)
            session.flush()
            session.add_all(BookingOffer(request_id=request.id, slot_id=s.id) for s in slots)
            return request.id
    return None
