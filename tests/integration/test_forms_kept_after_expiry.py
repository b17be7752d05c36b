"""Nothing typed is lost when a session expires: a CV section, a job log entry and the request
for access posted after expiry are shown again, as typed, once the person has logged in again;
nothing is saved until they choose to. The same when the session-timeout dialog submits a changed
form: kept whether the session is still alive, expired, or already gone (another tab met the
expiry first), but only when the browser says it came from our own pages."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from html import unescape
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select, update
from werkzeug.test import TestResponse

from jobnet.web.auth.resume import TIMEOUT_FIELD
from jobnet.web.platform.sessions import utcnow
from jobnet.web.store.models import OutboxCommand, WebSession
from tests.helpers import csrf_token, login_citizen
from tests.integration.cv_joblog_helpers import (
    METTE,
    TODAY,
    citizen,
    date_fields,
    hidden,
    page_app,
)

__all__ = ["citizen", "page_app"]

Login = Callable[[str], FlaskClient]

PROFILE = "/cv/profil"
NEW_APPLICATION = "/joblog/ny"
INSIGHT_REQUEST = "/mine-data/anmod-om-indsigt"
OUR_ORIGIN = {"Origin": "http://localhost"}  # the tests' PUBLIC_BASE_URL


def _expire_sessions(app: Flask) -> None:
    idle = app.config["SESSION_IDLE_MINUTES"] + 1
    with app.extensions["web_store"].session() as db:
        db.execute(update(WebSession).values(last_seen_at=utcnow() - timedelta(minutes=idle)))


def _commands_sent(app: Flask) -> int:
    with app.extensions["web_store"].session() as db:
        return int(db.scalar(select(func.count()).select_from(OutboxCommand)) or 0)


def _shown_form(client: FlaskClient, path: str, data: dict[str, Any]) -> dict[str, Any]:
    """Show the form on `path`: `data` with the shown CSRF token and idempotency key, to post."""
    page = client.get(path)
    assert page.status_code == 200
    return {"csrf_token": csrf_token(page), "key": hidden(page, "key"), **data}


def _text(page: TestResponse) -> str:
    return unescape(page.get_data(as_text=True))


def _textarea(page: TestResponse, name: str) -> str:
    match = re.search(rf'<textarea[^>]*name="{name}"[^>]*>(.*?)</textarea>', _text(page), re.S)
    assert match, f"no textarea {name}"
    return match.group(1).strip()


def _input_value(page: TestResponse, name: str) -> str:
    tag = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', _text(page))
    assert tag, f"no input {name}"
    value = re.search(r'value="([^"]*)"', tag.group(0))
    return value.group(1) if value else ""


def _checked(page: TestResponse, name: str) -> list[str]:
    tags = re.findall(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', _text(page))
    return [re.search(r'value="([^"]*)"', t).group(1) for t in tags if " checked" in t]  # type: ignore[union-attr]


def _through_expiry_and_login(
    page_app: Flask, client: FlaskClient, path: str, data: dict[str, Any]
) -> TestResponse:
    """Post `data` on `path` after the session expired, log in again: the page shown after."""
    fields = _shown_form(client, path, data)
    _expire_sessions(page_app)
    response = client.post(path, data=fields)
    assert response.status_code == 302
    assert response.location.startswith(f"/auth/session-expired?next={path}")
    back = login_citizen(client, METTE, next_path=path)
    assert back.location == path
    page = client.get(path)
    assert page.status_code == 200
    return page


def test_a_cv_section_posted_after_expiry_is_shown_again_after_login(
    citizen: Login, page_app: Flask
) -> None:
    client = citizen(METTE)
    saved = _textarea(client.get(PROFILE), "text")
    typed = "Erfaren kok, glad for morgenvagter & weekender."
    assert typed != saved

    page = _through_expiry_and_login(page_app, client, PROFILE, {"text": typed})
    assert _textarea(page, "text") == typed
    assert _commands_sent(page_app) == 0  # shown again, not saved behind the person's back
    # Marked for the timeout dialog: this typing is saved nowhere, keep it if time runs out again.
    assert "data-form-resumed" in _text(page)
    again = client.get(PROFILE)
    assert _textarea(again, "text") == saved  # kept once, then the saved text
    assert "data-form-resumed" not in _text(again)


def test_a_joblog_entry_posted_after_expiry_is_shown_again_after_login(
    citizen: Login, page_app: Flask
) -> None:
    client = citizen(METTE)
    applied_on = TODAY - timedelta(days=2)
    typed = {
        **date_fields("applied_on", applied_on),
        "employer": "Bageriet Havnen",
        "job_title": "Bagerlærling",
        "kind": "unsolicited",
        "status": "interview",
        "link": "https://job.example.dk/42",
        "note": "Ringede til Hanne",
    }

    page = _through_expiry_and_login(page_app, client, NEW_APPLICATION, typed)
    assert _input_value(page, "applied_on-day") == str(applied_on.day)
    assert _input_value(page, "applied_on-month") == str(applied_on.month)
    assert _input_value(page, "applied_on-year") == str(applied_on.year)
    assert _input_value(page, "employer") == "Bageriet Havnen"
    assert _input_value(page, "job_title") == "Bagerlærling"
    assert _checked(page, "kind") == ["unsolicited"]
    assert _checked(page, "status") == ["interview"]
    assert _input_value(page, "link") == "https://job.example.dk/42"
    assert _textarea(page, "note") == "Ringede til Hanne"
    assert _commands_sent(page_app) == 0

    # Saving the form shown again saves it once, with the key of the form first shown.
    key = hidden(page, "key")
    saved = client.post(NEW_APPLICATION, data={**typed, "csrf_token": csrf_token(page), "key": key})
    assert saved.status_code == 302
    assert _commands_sent(page_app) == 1


def test_the_request_for_access_posted_after_expiry_is_shown_again_after_login(
    citizen: Login, page_app: Flask
) -> None:
    client = citizen(METTE)
    page = _through_expiry_and_login(
        page_app, client, INSIGHT_REQUEST, {"note": "Mine samtaler med jobcentret"}
    )
    assert _textarea(page, "note") == "Mine samtaler med jobcentret"
    assert hidden(page, "key")
    assert _commands_sent(page_app) == 0


def test_the_timeout_dialogs_post_on_a_live_session_is_shown_again_not_saved(
    citizen: Login, page_app: Flask
) -> None:
    client = citizen(METTE)
    fields = _shown_form(client, PROFILE, {"text": "Skrevet, ikke gemt", TIMEOUT_FIELD: "1"})
    response = client.post(PROFILE, data=fields, headers=OUR_ORIGIN)
    assert response.status_code == 302
    assert response.location == PROFILE
    assert _textarea(client.get(PROFILE), "text") == "Skrevet, ikke gemt"
    assert _commands_sent(page_app) == 0


@pytest.mark.parametrize("token", ["", "not-a-token"])
def test_the_timeout_marker_without_a_valid_token_keeps_nothing(
    citizen: Login, page_app: Flask, token: str
) -> None:
    client = citizen(METTE)
    saved = _textarea(client.get(PROFILE), "text")
    fields = {
        **_shown_form(client, PROFILE, {"text": "Planted", TIMEOUT_FIELD: "1"}),
        "csrf_token": token,
    }
    assert client.post(PROFILE, data=fields, headers=OUR_ORIGIN).status_code == 400
    assert _textarea(client.get(PROFILE), "text") == saved


def test_the_timeout_dialogs_post_after_another_tab_met_the_expiry_is_kept_through_login(
    citizen: Login, page_app: Flask
) -> None:
    client = citizen(METTE)
    fields = _shown_form(client, PROFILE, {"text": "Fra den anden fane", TIMEOUT_FIELD: "1"})
    _expire_sessions(page_app)
    assert client.get("/min-side/").location.startswith("/auth/session-expired")  # another tab
    response = client.post(PROFILE, data=fields, headers=OUR_ORIGIN)
    assert response.status_code == 302
    assert response.location.startswith(f"/auth/session-expired?next={PROFILE}")
    assert login_citizen(client, METTE, next_path=PROFILE).location == PROFILE
    assert _textarea(client.get(PROFILE), "text") == "Fra den anden fane"
    assert _commands_sent(page_app) == 0


@pytest.mark.parametrize("origin", [{}, {"Origin": "https://elsewhere.example"}])
def test_a_timeout_post_from_elsewhere_keeps_nothing_for_an_anonymous_visitor(
    page_app: Flask, origin: dict[str, str]
) -> None:
    client = page_app.test_client()
    data = {"text": "Planted", TIMEOUT_FIELD: "1"}
    response = client.post(PROFILE, data=data, headers=origin)
    assert response.status_code == 400  # refused as any post without a valid token, not kept
    assert login_citizen(client, METTE, next_path=PROFILE).location == PROFILE
    assert "Planted" not in client.get(PROFILE).get_data(as_text=True)


def test_the_employer_applied_to_is_not_filled_in_from_the_persons_own_organisation(
    citizen: Login,
) -> None:
    page = citizen(METTE).get(NEW_APPLICATION)
    tag = re.search(r'<input[^>]*name="employer"[^>]*>', page.get_data(as_text=True))
    assert tag
    assert 'autocomplete="organization"' not in tag.group(0)
