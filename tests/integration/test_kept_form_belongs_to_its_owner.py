"""A form kept after a session expired belongs to the person who typed it: shown again after
their own login only, dropped as soon as someone else logs in at the same browser, and dropped
after KEPT_FORM_MINUTES in any case."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask
from flask.testing import FlaskClient

from jobnet.web.auth.resume import OWNER_COOKIE, RESUME_KEY, TIMEOUT_FIELD
from tests.helpers import login_caseworker, login_citizen
from tests.integration.cv_joblog_helpers import ANNE, METTE, citizen, page_app
from tests.integration.test_caseworker import HANNE, HENRIK, open_citizen
from tests.integration.test_forms_kept_after_expiry import (
    NEW_APPLICATION,
    OUR_ORIGIN,
    PROFILE,
    _expire_sessions,
    _shown_form,
)
from tests.integration.test_journeys import journey_app

__all__ = ["citizen", "journey_app", "page_app"]

Login = Callable[[str], FlaskClient]
TYPED = "Bageriet Havnen, typed by Mette"


def _post_after_expiry(app: Flask, client: FlaskClient) -> None:
    fields = _shown_form(client, NEW_APPLICATION, {"employer": TYPED, "job_title": "Bager"})
    _expire_sessions(app)
    response = client.post(NEW_APPLICATION, data=fields)
    assert response.location.startswith("/auth/session-expired")


def _shown(client: FlaskClient, path: str = NEW_APPLICATION) -> str:
    page = client.get(path)
    assert page.status_code == 200
    return page.get_data(as_text=True)


def test_the_next_person_at_the_browser_never_sees_the_kept_form(
    citizen: Login, page_app: Flask
) -> None:
    client = citizen(METTE)
    _post_after_expiry(page_app, client)

    login_citizen(client, ANNE, next_path=NEW_APPLICATION)
    assert TYPED not in _shown(client)
    with client.session_transaction() as session:
        assert RESUME_KEY not in session  # dropped, not merely hidden

    # Not even the person who typed it gets it back after someone else has logged in.
    login_citizen(client, METTE, next_path=NEW_APPLICATION)
    assert TYPED not in _shown(client)


def test_the_person_who_typed_it_gets_it_back(citizen: Login, page_app: Flask) -> None:
    client = citizen(METTE)
    _post_after_expiry(page_app, client)
    login_citizen(client, METTE, next_path=NEW_APPLICATION)
    assert TYPED in _shown(client)


def test_a_kept_form_is_dropped_after_a_short_time(citizen: Login, page_app: Flask) -> None:
    client = citizen(METTE)
    page_app.config["KEPT_FORM_MINUTES"] = 0  # the time runs out at once
    _post_after_expiry(page_app, client)
    login_citizen(client, METTE, next_path=NEW_APPLICATION)
    assert TYPED not in _shown(client)


def test_another_tabs_timeout_post_is_kept_for_the_sessions_owner_only(
    citizen: Login, page_app: Flask
) -> None:
    """The session was met expired in one tab (the browser has none left); the dialog of a
    second tab posts afterwards: the form is the expired session's person's, not the next's."""
    client = citizen(METTE)
    fields = _shown_form(client, PROFILE, {"text": TYPED, TIMEOUT_FIELD: "1"})
    _expire_sessions(page_app)
    assert client.get("/min-side/").location.startswith("/auth/session-expired")
    assert client.get_cookie(OWNER_COOKIE) is not None
    assert client.post(PROFILE, data=fields, headers=OUR_ORIGIN).status_code == 302

    login_citizen(client, ANNE, next_path=PROFILE)
    assert TYPED not in _shown(client, PROFILE)


def test_a_timeout_post_without_a_known_owner_keeps_nothing(page_app: Flask) -> None:
    """No session and no owner cookie: whoever logs in next must not get it."""
    client = page_app.test_client()
    client.get("/")
    fields = {"text": TYPED, TIMEOUT_FIELD: "1", "csrf_token": "x"}
    response = client.post(PROFILE, data=fields, headers=OUR_ORIGIN)
    assert response.status_code == 302
    login_citizen(client, METTE, next_path=PROFILE)
    assert TYPED not in _shown(client, PROFILE)


def test_a_caseworkers_kept_form_comes_back_only_for_the_citizen_it_was_typed_for(
    journey_app: Flask,  # noqa: F811
) -> None:
    client = journey_app.test_client()
    client.get("/language/en")
    login_caseworker(client, HANNE.professional_id)
    open_citizen(client, METTE)
    _post_after_expiry(journey_app, client)

    login_caseworker(client, HANNE.professional_id)
    open_citizen(client, HENRIK)
    assert TYPED not in _shown(client)  # acting for another citizen now
    open_citizen(client, METTE)
    assert TYPED in _shown(client)  # the citizen it was typed for
