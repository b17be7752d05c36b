"""Notifications (issue 23), against a real SMTP server and a local SMS gateway: addresses
confirmed by a code first, one e-mail when the job centre answers (no personal data), at most
one per kind an hour, none in the quiet hours (deferred), retried with back-off, never twice,
and the caseworkers' daily e-mail."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobnet.clients.dfdg_client.notices import WaitingNotice
from jobnet.demo_identities import DEMO_CASEWORKERS, DEMO_PERSONS
from jobnet.domain.notifications import DANISH_TIME
from jobnet.web.notifications import collect, queue
from jobnet.web.store.models import OutgoingNotification
from tests.helpers import csrf_token, login_caseworker, login_citizen
from tests.integration.notify_helpers import (  # noqa: F401 - fixtures
    EN,
    Gateway,
    Mailbox,
    choose,
    code_in,
    confirm_address,
    gateway_fixture,
    mailbox_fixture,
    person_id_of,
    sending_settings,
)

METTE = "1203851234"
HANNE = DEMO_CASEWORKERS[0]
MAIL = "mette@example.dk"
MOBILE = "+4520304050"
PAGE = "/min-side/besked-om-nyt/"


@pytest.fixture
def notify_app(
    make_app: Callable[..., Flask], mailbox: tuple[Mailbox, int], gateway: Gateway
) -> Flask:
    app = make_app(**sending_settings(mailbox[1], gateway))
    from jobnet.dfdg.demo import load_demo_data

    with app.extensions["dfdg_app"].extensions["dfdg_store"].session() as session:
        load_demo_data(session)
    return app


def _citizen(app: Flask, language: str = "en") -> FlaskClient:
    client = app.test_client()
    client.get(f"/language/{language}")
    login_citizen(client, METTE)
    return client


def _confirmed(app: Flask, box: Mailbox, gateway: Gateway) -> FlaskClient:
    client = _citizen(app)
    confirm_address(client, PAGE, "email", MAIL, lambda: code_in(box.body(box.to(MAIL)[-1])))
    confirm_address(
        client, PAGE, "sms", "20 30 40 50", lambda: code_in(gateway.received[-1]["text"])
    )
    return client


def _notice(number: int, person_id: str, kind: str = "message") -> WaitingNotice:
    return WaitingNotice(id=number, person_id=person_id, kind=kind, created_at=datetime.now(UTC))


def _rows(app: Flask) -> list[OutgoingNotification]:
    with app.extensions["web_store"].read() as session:
        from sqlalchemy import select

        query = select(OutgoingNotification).order_by(OutgoingNotification.id)
        return list(session.scalars(query))


def _queue(app: Flask, notice: WaitingNotice, now: datetime) -> int:
    senders = app.extensions["notification_senders"]
    return collect.queue_notice(app.extensions["web_store"], app.config, senders, notice, now)


def _deliver(app: Flask, now: datetime) -> int:
    senders = app.extensions["notification_senders"]
    return queue.deliver_due(app.extensions["web_store"], senders, now)


def test_a_person_confirms_both_and_chooses(
    notify_app: Flask, mailbox: tuple[Mailbox, int], gateway: Gateway
) -> None:
    box = mailbox[0]
    client = _citizen(notify_app)
    page = client.get("/min-side/", headers=EN).get_data(as_text=True)
    assert f'href="{PAGE}"' in page
    # Not before the address is confirmed.
    refused = choose(client, "email")
    assert refused.status_code == 200
    assert "Confirm your e-mail address first" in refused.get_data(as_text=True)
    client = _confirmed(notify_app, box, gateway)
    [code_mail] = box.to(MAIL)
    assert code_mail["Subject"] == "Your code for Jobnet"
    assert gateway.received[-1]["to"] == MOBILE
    assert gateway.received[-1]["authorization"] == "Bearer gateway-test-token"
    saved = choose(client, "both")
    assert saved.status_code == 303
    page = client.get(PAGE, headers=EN).get_data(as_text=True)
    assert MAIL in page and MOBILE in page
    assert re.search(r'<input checked[^>]*value="both"', page)


def test_the_person_is_told_once_with_no_personal_data_when_the_job_centre_answers(
    notify_app: Flask, mailbox: tuple[Mailbox, int], gateway: Gateway
) -> None:
    box = mailbox[0]
    client = _confirmed(notify_app, box, gateway)
    assert choose(client, "email").status_code == 303
    from tests.integration.test_messages_pages import PDF, _write

    sent, _key = _write(client, [(PDF, "erklaering.pdf")], subject="Min lægeerklæring")
    assert sent.status_code == 302
    hanne = notify_app.test_client()
    login_caseworker(hanne, HANNE.professional_id)
    inbox = hanne.get("/sagsbehandler/beskeder/", headers=EN).get_data(as_text=True)
    thread = re.search(r'href="(/sagsbehandler/beskeder/[0-9a-f-]{36})"', inbox)
    assert thread
    page = hanne.get(thread.group(1), headers=EN)
    key = re.search(r'name="key" type="hidden" value="([^"]+)"', page.get_data(as_text=True))
    assert key
    answer = {"csrf_token": csrf_token(page), "key": key.group(1), "text": "Tak, modtaget."}
    assert hanne.post(f"{thread.group(1)}/svar", data=answer).status_code == 302

    before = len(box.to(MAIL))
    with notify_app.app_context():
        assert collect.notification_round(notify_app) == 1
        assert collect.notification_round(notify_app) == 0  # acknowledged: never twice
    [told] = box.to(MAIL)[before:]
    assert told["Subject"] == "You have a new message on Jobnet"
    body = box.body(told)
    assert "http://localhost/beskeder/" in body or "/beskeder/" in body
    mette = next(p for p in DEMO_PERSONS if p.cpr == METTE)
    for private in (
        METTE,
        "120385",
        mette.given_name,
        mette.family_name,
        "lægeerklæring",
        "Lægeerklæring",
        "Tak, modtaget",
        HANNE.family_name,
    ):
        assert private not in body and private not in str(told["Subject"])
    assert len(gateway.received) == 1  # only the code: SMS was not chosen


def test_danish_words_for_a_danish_person(
    notify_app: Flask, mailbox: tuple[Mailbox, int], gateway: Gateway
) -> None:
    box = mailbox[0]
    client = _citizen(notify_app, "da")
    client.get("/language/da")
    confirm_address(client, PAGE, "email", MAIL, lambda: code_in(box.body(box.to(MAIL)[-1])))
    assert box.to(MAIL)[0]["Subject"] == "Din kode til Jobnet"
    person = person_id_of(notify_app, METTE)
    now = datetime(2026, 12, 7, 10, tzinfo=UTC)
    with notify_app.app_context():
        assert _queue(notify_app, _notice(1, person), now) == 1
        assert _deliver(notify_app, now) == 1
    assert box.to(MAIL)[-1]["Subject"] == "Du har en ny besked på Jobnet"


def test_quiet_hours_defer_and_one_per_kind_an_hour(
    notify_app: Flask, mailbox: tuple[Mailbox, int], gateway: Gateway
) -> None:
    box = mailbox[0]
    _confirmed(notify_app, box, gateway)
    notify_app.config["NOTIFY_QUIET_HOURS"] = "22:00-07:00"
    person = person_id_of(notify_app, METTE)
    late = datetime(2026, 12, 7, 23, 30, tzinfo=DANISH_TIME).astimezone(UTC)
    with notify_app.app_context():
        assert _queue(notify_app, _notice(1, person), late) == 2  # e-mail and SMS
        assert _deliver(notify_app, late + timedelta(hours=2)) == 0
        morning = datetime(2026, 12, 8, 7, 0, tzinfo=DANISH_TIME).astimezone(UTC)
        assert {
            row.due_at.astimezone(UTC) for row in _rows(notify_app) if row.kind == "message"
        } == {morning}
        # Another message before then is told by the same e-mail.
        assert _queue(notify_app, _notice(2, person), late + timedelta(minutes=5)) == 0
        assert _deliver(notify_app, morning) == 2
        # Ten minutes later: waits for the hour to end; a task is another kind.
        later = morning + timedelta(minutes=10)
        assert _queue(notify_app, _notice(3, person), later) == 2
        assert _queue(notify_app, _notice(4, person, "task"), later) == 2
        assert _deliver(notify_app, later) == 2  # the task only
        assert _deliver(notify_app, morning + timedelta(minutes=59)) == 0
        assert _deliver(notify_app, morning + timedelta(hours=1)) == 2
    subjects = [m["Subject"] for m in box.to(MAIL)]
    assert subjects.count("You have a new message on Jobnet") == 2
    assert subjects.count("You have a new task on Jobnet") == 1


def test_a_failed_send_is_retried_with_back_off_and_sent_once(
    notify_app: Flask, mailbox: tuple[Mailbox, int], gateway: Gateway
) -> None:
    _confirmed(notify_app, mailbox[0], gateway)
    client = notify_app.test_client()
    login_citizen(client, METTE)
    assert choose(client, "sms").status_code == 303
    person = person_id_of(notify_app, METTE)
    codes = len(gateway.received)
    gateway.failures_left = 2
    now = datetime(2026, 12, 7, 10, tzinfo=UTC)
    with notify_app.app_context():
        assert _queue(notify_app, _notice(1, person), now) == 1
        assert _deliver(notify_app, now) == 0
        [row] = [r for r in _rows(notify_app) if r.kind == "message"]
        assert row.status == "waiting" and row.attempts == 1 and row.last_error
        first_pause = row.due_at.astimezone(UTC) - now
        assert _deliver(notify_app, now + first_pause - timedelta(seconds=1)) == 0
        assert _deliver(notify_app, now + first_pause) == 0  # the second failure
        [row] = [r for r in _rows(notify_app) if r.kind == "message"]
        assert row.due_at.astimezone(UTC) - (now + first_pause) > first_pause  # longer
        assert _deliver(notify_app, now + timedelta(hours=1)) == 1
        assert _deliver(notify_app, now + timedelta(hours=3)) == 0
    tries = gateway.received[codes:]
    assert len(tries) == 3 and len({t["reference"] for t in tries}) == 1
    assert tries[-1]["text"].startswith("You have a new message on Jobnet")


def test_a_failed_email_is_retried_with_back_off_and_sent_once(
    notify_app: Flask, mailbox: tuple[Mailbox, int], gateway: Gateway
) -> None:
    box = mailbox[0]
    client = _confirmed(notify_app, box, gateway)
    assert choose(client, "email").status_code == 303
    person = person_id_of(notify_app, METTE)
    before = len(box.to(MAIL))
    box.failures_left = 2  # the SMTP server answers 451 twice
    now = datetime(2026, 12, 7, 10, tzinfo=UTC)
    with notify_app.app_context():
        assert _queue(notify_app, _notice(1, person), now) == 1
        assert _deliver(notify_app, now) == 0
        [row] = [r for r in _rows(notify_app) if r.kind == "message"]
        assert row.channel == "email" and row.status == "waiting" and row.attempts == 1
        assert row.last_error and "SMTP" in row.last_error
        first_pause = row.due_at.astimezone(UTC) - now
        assert first_pause > timedelta(0)
        assert _deliver(notify_app, now + first_pause - timedelta(seconds=1)) == 0  # not yet
        assert box.refused == 1
        assert _deliver(notify_app, now + first_pause) == 0  # the second failure
        [row] = [r for r in _rows(notify_app) if r.kind == "message"]
        assert row.due_at.astimezone(UTC) - (now + first_pause) > first_pause  # longer
        assert _deliver(notify_app, now + timedelta(hours=1)) == 1
        assert _deliver(notify_app, now + timedelta(hours=3)) == 0  # sent: never again
        [row] = [r for r in _rows(notify_app) if r.kind == "message"]
        assert row.status == "sent" and row.attempts == 3
    assert box.refused == 2
    [told] = box.to(MAIL)[before:]  # one e-mail arrived, after two refusals
    assert told["Subject"] == "You have a new message on Jobnet"


def test_quiet_hours_and_the_hour_hold_sms_as_well(
    notify_app: Flask, mailbox: tuple[Mailbox, int], gateway: Gateway
) -> None:
    client = _confirmed(notify_app, mailbox[0], gateway)
    assert choose(client, "sms").status_code == 303
    notify_app.config["NOTIFY_QUIET_HOURS"] = "22:00-07:00"
    person = person_id_of(notify_app, METTE)
    codes = len(gateway.received)
    late = datetime(2026, 12, 7, 23, 30, tzinfo=DANISH_TIME).astimezone(UTC)
    morning = datetime(2026, 12, 8, 7, 0, tzinfo=DANISH_TIME).astimezone(UTC)
    with notify_app.app_context():
        assert _queue(notify_app, _notice(1, person), late) == 1
        assert _deliver(notify_app, morning - timedelta(seconds=1)) == 0  # quiet until 07:00
        assert len(gateway.received) == codes
        assert _deliver(notify_app, morning) == 1
        assert _queue(notify_app, _notice(2, person), morning + timedelta(minutes=1)) == 1
        assert _deliver(notify_app, morning + timedelta(minutes=59)) == 0  # one an hour
        assert _deliver(notify_app, morning + timedelta(hours=1)) == 1
    texts = [sms["text"] for sms in gateway.received[codes:]]
    assert len(texts) == 2 and all(t.startswith("You have a new message on Jobnet") for t in texts)
    assert len({sms["reference"] for sms in gateway.received[codes:]}) == 2


def test_a_claimed_notification_is_not_sent_by_another_worker(
    notify_app: Flask, mailbox: tuple[Mailbox, int], gateway: Gateway
) -> None:
    box = mailbox[0]
    _confirmed(notify_app, box, gateway)
    person = person_id_of(notify_app, METTE)
    now = datetime(2026, 12, 7, 10, tzinfo=UTC)
    store = notify_app.extensions["web_store"]
    with notify_app.app_context():
        _queue(notify_app, _notice(1, person), now)
        email_row = next(
            r for r in _rows(notify_app) if r.channel == "email" and r.kind == "message"
        )
        assert queue._claim(store, email_row.id, now) is not None  # another worker has it
        before = len(box.messages)
        assert _deliver(notify_app, now) == 1  # the SMS only
        assert len(box.messages) == before
        # Queuing the same notice again (collected twice) adds nothing.
        assert _queue(notify_app, _notice(1, person), now + timedelta(hours=2)) == 0


def test_codes_are_limited(
    notify_app: Flask, mailbox: tuple[Mailbox, int], gateway: Gateway
) -> None:
    box = mailbox[0]
    client = _citizen(notify_app)
    page = client.get(PAGE, headers=EN)
    data = {"email-csrf_token": csrf_token(page), "email-address": MAIL}
    for _ in range(5):
        assert client.post(f"{PAGE}email/kode", data=data).status_code == 303
    refused = client.post(f"{PAGE}email/kode", data=data, headers=EN)
    assert refused.status_code == 200
    assert "as many codes to this address as we may today" in refused.get_data(as_text=True)
    assert len(box.to(MAIL)) == 5
    # Only the latest code works, and five wrong tries use it up.
    latest = code_in(box.body(box.to(MAIL)[-1]))
    wrong = "000000" if latest != "000000" else "111111"
    confirm_page = client.get(f"{PAGE}email/bekraeft", headers=EN)
    token = csrf_token(confirm_page)
    for _ in range(4):
        answer = client.post(
            f"{PAGE}email/bekraeft", data={"csrf_token": token, "code": wrong}, headers=EN
        )
        assert "The code is not right" in answer.get_data(as_text=True)
    answer = client.post(
        f"{PAGE}email/bekraeft", data={"csrf_token": token, "code": wrong}, headers=EN
    )
    assert "tried too many times" in answer.get_data(as_text=True)
    answer = client.post(
        f"{PAGE}email/bekraeft", data={"csrf_token": token, "code": latest}, headers=EN
    )
    assert "tried too many times" in answer.get_data(as_text=True)
    assert MAIL not in client.get(PAGE, headers=EN).get_data(as_text=True).split("Confirmed")[-1]
    bad = client.post(
        f"{PAGE}email/kode", data={**data, "email-address": "not an address"}, headers=EN
    )
    assert bad.status_code == 200 and 'value="not an address"' in bad.get_data(as_text=True)
    assert client.get(f"{PAGE}fax/bekraeft").status_code == 404


def test_the_caseworkers_daily_email_counts_unread_threads(
    notify_app: Flask, mailbox: tuple[Mailbox, int], gateway: Gateway
) -> None:
    box = mailbox[0]
    hanne = notify_app.test_client()
    hanne.get("/language/en")
    login_caseworker(hanne, HANNE.professional_id)
    base = "/sagsbehandler/besked-om-nyt/"
    address = "hanne@jobcenter.example"
    confirm_address(
        hanne,
        base,
        "email",
        address,
        lambda: code_in(box.body(box.to(address)[-1])),
        prefix="email",
    )
    page = hanne.get(base, headers=EN)
    unanswered = hanne.post(base, data={"csrf_token": csrf_token(page)}, headers=EN)
    assert unanswered.status_code == 200
    assert "Choose whether you want the daily e-mail" in unanswered.get_data(as_text=True)
    saved = hanne.post(base, data={"csrf_token": csrf_token(page), "daily": "yes"})
    assert saved.status_code == 303
    from tests.integration.test_messages_pages import _write

    mette = _citizen(notify_app)
    assert _write(mette, [])[0].status_code == 302
    morning = datetime.now(DANISH_TIME).replace(hour=6, minute=0)
    with notify_app.app_context():
        assert collect.queue_digests(notify_app, morning.astimezone(UTC)) == 0  # too early
        at_nine = morning.replace(hour=9).astimezone(UTC)
        assert collect.queue_digests(notify_app, at_nine) == 1
        assert collect.queue_digests(notify_app, at_nine + timedelta(hours=1)) == 0  # once a day
        assert _deliver(notify_app, at_nine) == 1
    digest = box.to(address)[-1]
    assert digest["Subject"] == "Unread messages in your job centre's inbox on Jobnet"
    text = box.body(digest)
    assert "There are 1 threads" in text and "Mette" not in text


def test_the_developers_page_shows_what_would_be_sent(make_app: Callable[..., Flask]) -> None:
    app = make_app()
    from jobnet.dfdg.demo import load_demo_data

    with app.extensions["dfdg_app"].extensions["dfdg_store"].session() as session:
        load_demo_data(session)
    client = app.test_client()
    client.get("/language/en")
    login_citizen(client, METTE)
    page = client.get(PAGE, headers=EN)
    data = {"email-csrf_token": csrf_token(page), "email-address": MAIL}
    assert client.post(f"{PAGE}email/kode", data=data).status_code == 303
    outgoing = app.test_client().get("/dev/outgoing", headers=EN).get_data(as_text=True)
    assert "Your code for Jobnet" in outgoing and MAIL in outgoing


def test_production_refuses_the_developers_page() -> None:
    from jobnet.environment import UnsafeConfiguration
    from jobnet.web.platform.config import ProductionConfig

    settings: dict[str, Any] = {"DEV_OUTGOING_ENABLED": True, "DFDG_BASE_URL": "https://dfdg"}
    with pytest.raises(UnsafeConfiguration, match="DEV_OUTGOING_ENABLED|DFDG_ASSERTION_KEY"):
        ProductionConfig.validate(settings)
