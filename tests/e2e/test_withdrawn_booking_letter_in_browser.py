"""A booking request withdrawn before it was booked is a letter (issue 22 gap 3), in Chromium,
in Danish and English: the citizen finds it in Letters, opens it, and axe finds nothing on
either page. The withdrawal itself (the caseworker's journey, the notice) is tested in
`tests/integration/test_booking_withdraw_pages.py` and `test_booking_withdrawn_notice.py`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from tests.e2e.conftest import LiveServer, assert_no_axe_violations
from tests.e2e.pages import today

# New persons, one per language, so the runs never meet in the shared live DFDG.
NEW_CPR = {"da": "1111901234", "en": "1212901234"}
WORDS = {
    "da": {
        "letters": "Breve",
        "title": "Du skal ikke længere booke en samtale",
        "withdrawn": "Det har trukket anmodningen tilbage",
    },
    "en": {
        "letters": "Letters",
        "title": "You no longer need to book an interview",
        "withdrawn": "It has withdrawn the request",
    },
}


def _withdrawn_request(live_server: LiveServer, cpr: str) -> str:
    from jobnet.dfdg.models.booking import BookingRequest
    from jobnet.dfdg.models.persons import Person

    store = live_server.app.extensions["dfdg_app"].extensions["dfdg_store"]
    with store.session() as session:
        person_id = session.scalars(select(Person.id).where(Person.cpr == cpr)).one()
        request = BookingRequest(
            person_id=person_id,
            organisation_cvr="29190011",
            type="follow_up",
            form="in_person",
            opened_on=today() - timedelta(days=2),
            deadline=today() + timedelta(days=5),
            status="cancelled",
            created_by_type="caseworker",
            withdrawn_at=datetime.now(UTC),
            withdrawn_by_type="caseworker",
            withdrawal_reason="Ikke længere nødvendig",
        )
        session.add(request)
        session.commit()
        return request.id


def test_a_withdrawn_booking_request_is_a_letter(
    jobnet: Any, language: str, live_server: LiveServer
) -> None:
    page, mine = jobnet.page, WORDS[language]
    jobnet.log_in_with_cpr(NEW_CPR[language], "Bo", "Brev")
    booking_id = _withdrawn_request(live_server, NEW_CPR[language])
    page.goto("/breve/")
    assert jobnet.heading(mine["letters"], level=1).is_visible()
    letter = page.get_by_role("link", name=mine["title"], exact=False).first
    assert letter.get_attribute("href") == f"/breve/booking/{booking_id}"
    assert_no_axe_violations(page)
    letter.click()
    assert mine["withdrawn"] in jobnet.main_text()
    assert_no_axe_violations(page)
