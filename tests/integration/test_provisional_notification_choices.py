"""Leftovers 3: how someone never seen chose to be told while DFDG was away (under their
provisional id) goes with them to their real person id when DFDG is back: the confirmed address
and the choice, once, and a later choice under the real id wins."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from jobnet.domain import notifications as rules
from jobnet.web.journeys import provisional
from jobnet.web.notifications import choices
from jobnet.web.notifications.moved import move_subject
from jobnet.web.store.models import ConfirmationCode, NotificationChoice
from tests.helpers import login_citizen
from tests.integration.outbox_helpers import METTE, FaultyTransport

MAIL = "mette@example.dk"


def _provisional_login(app: Flask, transport: FaultyTransport) -> tuple[FlaskClient, str]:
    transport.mode = "down"
    client = app.test_client()
    client.get("/language/en")
    assert login_citizen(client, METTE).status_code == 302
    with app.app_context():
        return client, provisional.provisional_id(METTE)


def _rows(app: Flask) -> dict[str, NotificationChoice]:
    with app.extensions["web_store"].read() as db:
        return {row.subject: row for row in db.scalars(select(NotificationChoice))}


def _confirm_email(app: Flask, subject: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rules, "new_code", lambda: "123456")
    store, secret = app.extensions["web_store"], app.config["SECRET_KEY"]
    with app.test_request_context():
        assert choices.send_code(store, secret, subject, "email", MAIL, "en") is not None
        assert choices.confirm(store, secret, subject, "email", "123456", "en") == "confirmed"


def test_a_choice_made_under_a_provisional_id_follows_the_person(
    faulty: tuple[Flask, FaultyTransport], monkeypatch: pytest.MonkeyPatch
) -> None:
    app, transport = faulty
    client, provisional_id = _provisional_login(app, transport)
    assert provisional.is_provisional(provisional_id)
    _confirm_email(app, choices.subject_of("citizen", provisional_id), monkeypatch)

    transport.mode = "ok"
    app.config["DFDG_AWAY_SECONDS"] = 0
    assert "Your status" in client.get("/min-side/").get_data(as_text=True)  # resolves
    with app.app_context():
        real = provisional.resolved(provisional_id)
    assert real is not None and not provisional.is_provisional(real)
    rows = _rows(app)
    assert list(rows) == [f"citizen:{real}"]
    moved = rows[f"citizen:{real}"]
    assert (moved.email, moved.by_email, moved.by_sms) == (MAIL, True, False)
    with app.extensions["web_store"].read() as db:
        codes = [code.subject for code in db.scalars(select(ConfirmationCode))]
    assert codes == [f"citizen:{real}"]
    # The person's own page shows the choice under their real id.
    page = client.get("/min-side/besked-om-nyt/").get_data(as_text=True)
    assert MAIL in page


def _choice(subject: str, at: datetime, **values: object) -> NotificationChoice:
    defaults: dict[str, object] = {
        "by_email": False,
        "by_sms": False,
        "daily_digest": False,
        "language": "da",
    }
    return NotificationChoice(subject=subject, updated_at=at, **{**defaults, **values})


@pytest.mark.parametrize("real_is_later", [True, False])
def test_the_later_choice_wins_and_nothing_is_doubled(
    faulty: tuple[Flask, FaultyTransport], real_is_later: bool
) -> None:
    app, _ = faulty
    store = app.extensions["web_store"]
    now = datetime.now(UTC)
    old, new = "citizen:ny-abc", "citizen:real-1"
    early, late = now - timedelta(hours=1), now
    with store.session() as db:
        db.add(_choice(old, early if real_is_later else late, email=MAIL, by_email=True))
        db.add(_choice(new, late if real_is_later else early, phone="+4520304050", by_sms=True))
    with store.session() as db:
        move_subject(db, old, new)
    rows = _rows(app)
    assert list(rows) == [new]
    row = rows[new]
    # Both confirmed addresses are kept; the later choice decides the channels.
    assert (row.email, row.phone) == (MAIL, "+4520304050")
    assert (row.by_email, row.by_sms) == ((False, True) if real_is_later else (True, False))
