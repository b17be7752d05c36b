"""The person's notification contact data, which only the web store holds (issue 23): in the
right of access (My data and its download, the citizen only), and deleted when it no longer
serves (codes, sent e-mails and SMS, choices turned off); the notification pages' titles say
"Error:" when a form has errors."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from flask import Flask

from jobnet.web.store.models import OutgoingNotification
from tests.helpers import csrf_token, login_caseworker
from tests.integration.notify_helpers import (  # noqa: F401 - fixtures
    EN,
    Gateway,
    Mailbox,
    choose,
    gateway_fixture,
    mailbox_fixture,
    person_id_of,
)
from tests.integration.test_notifications import (  # noqa: F401 - a fixture
    HANNE,
    MAIL,
    METTE,
    MOBILE,
    PAGE,
    _citizen,
    _confirmed,
    _notice,
    _queue,
    _rows,
    notify_app,
)


def test_my_data_shows_and_exports_the_contact_data_only_to_the_citizen(
    notify_app: Flask,  # noqa: F811
    mailbox: tuple[Mailbox, int],
    gateway: Gateway,
) -> None:
    import json

    client = _confirmed(notify_app, mailbox[0], gateway)
    assert choose(client, "sms").status_code == 303
    page = client.get("/mine-data/", headers=EN).get_data(as_text=True)
    assert "Held by Jobnet itself" in page
    assert MAIL in page and MOBILE in page
    assert "Your code for Jobnet" in page  # the codes we sent are listed, never the code
    download = client.get("/mine-data/hent")
    document = json.loads(download.get_data(as_text=True))
    held = document["held_by_jobnet"]["notifications"]
    assert held["choice"]["email"] == MAIL and held["choice"]["mobile"] == MOBILE
    assert held["choice"]["by_sms"] is True and held["choice"]["by_email"] is False
    assert {code["channel"] for code in held["codes"]} == {"email", "sms"}
    assert {sent["address"] for sent in held["sent"]} == {MAIL, MOBILE}
    assert "text" not in json.dumps(held["sent"])  # a code's text holds the code
    # A caseworker acting for her sees DFDG's data, not where Jobnet reaches her.
    hanne = notify_app.test_client()
    hanne.get("/language/en")
    login_caseworker(hanne, HANNE.professional_id)
    start = hanne.get("/sagsbehandler/")
    data = {"csrf_token": csrf_token(start), "cpr": METTE, "purpose": "case_processing"}
    assert hanne.post("/sagsbehandler/", data=data).status_code == 302
    on_behalf = hanne.get("/mine-data/", headers=EN).get_data(as_text=True)
    assert "The citizen&#39;s data" in on_behalf or "The citizen's data" in on_behalf
    assert MAIL not in on_behalf and MOBILE not in on_behalf
    assert "held_by_jobnet" not in hanne.get("/mine-data/hent").get_data(as_text=True)


def test_old_codes_sent_notifications_and_unused_choices_are_deleted(
    notify_app: Flask,  # noqa: F811
    mailbox: tuple[Mailbox, int],
    gateway: Gateway,
) -> None:
    from sqlalchemy import func, select

    from jobnet.web.notifications import held
    from jobnet.web.platform.housekeeping import purge_expired
    from jobnet.web.store.models import ConfirmationCode, NotificationChoice

    store = notify_app.extensions["web_store"]
    client = _confirmed(notify_app, mailbox[0], gateway)
    person = person_id_of(notify_app, METTE)
    subject = f"citizen:{person}"

    def count(model: Any) -> int:
        with store.read() as session:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)

    now = datetime.now(UTC)
    with notify_app.app_context():
        _queue(notify_app, _notice(1, person), now)  # waiting: never purged
        assert count(ConfirmationCode) == 2 and count(OutgoingNotification) == 4
        assert held.purge_old(store, now) == 0  # all fresh
        # Two days on, the codes go; the sent codes' e-mail and SMS stay for 30 days.
        assert held.purge_old(store, now + timedelta(days=2, minutes=1)) == 2
        assert count(ConfirmationCode) == 0 and count(OutgoingNotification) == 4
        purged = held.purge_old(store, now + timedelta(days=31))
        assert purged == 2 and {r.status for r in _rows(notify_app)} == {"waiting"}
        # A choice in use is kept; turned off, it goes 30 days after the change.
        assert held.purge_old(store, now + timedelta(days=400)) == 0
        assert choose(client, "none").status_code == 303
        assert held.purge_old(store, now + timedelta(days=29)) == 0
        assert count(NotificationChoice) == 1
        assert held.purge_old(store, now + timedelta(days=31)) == 1
        assert count(NotificationChoice) == 0
        assert held.held_for(store, subject)["choice"] is None
        purge_expired(notify_app)  # the worker's housekeeping runs it too


def test_a_page_with_errors_says_so_in_its_title(
    notify_app: Flask,  # noqa: F811
    mailbox: tuple[Mailbox, int],
    gateway: Gateway,
) -> None:
    client = _citizen(notify_app)
    fine = client.get(PAGE, headers=EN).get_data(as_text=True)
    assert "<title>How we tell you" in fine
    refused = choose(client, "email").get_data(as_text=True)  # no address confirmed
    assert "<title>Error: How we tell you" in refused
    page = client.get(PAGE, headers=EN)
    data = {"email-csrf_token": csrf_token(page), "email-address": "not an address"}
    bad = client.post(f"{PAGE}email/kode", data=data, headers=EN).get_data(as_text=True)
    assert "<title>Error: How we tell you" in bad
    hanne = notify_app.test_client()
    hanne.get("/language/en")
    login_caseworker(hanne, HANNE.professional_id)
    base = "/sagsbehandler/besked-om-nyt/"
    digest = hanne.get(base, headers=EN)
    assert "<title>Daily e-mail" in digest.get_data(as_text=True)
    empty = hanne.post(base, data={"csrf_token": csrf_token(digest)}, headers=EN)
    assert "<title>Error: Daily e-mail" in empty.get_data(as_text=True)
