"""The duties page (for the citizen, or a caseworker acting for them), the calendar feed's
settings (make, revoke) and the feed itself, reached by its secret URL without a login."""

from __future__ import annotations

from flask import (
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    session,
    url_for,
)
from flask.sansio.blueprints import BlueprintSetupState
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user

from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.errors import DfdgNotFound
from jobnet.clients.dfdg_client.values import Actor
from jobnet.db import Store
from jobnet.web.auth.users import (
    citizen_required,
    current_actor,
    public,
    subject_person_id,
    subject_required,
)
from jobnet.web.citizen.duties import bp, feeds, starting  # noqa: F401 - starting registers
from jobnet.web.citizen.duties.calendar import duties_calendar
from jobnet.web.citizen.duties.labels import TEMPLATE_GLOBALS
from jobnet.web.platform.i18n import current_language
from jobnet.web.store.models import CalendarFeed

NEW_FEED_TOKEN = "duties_new_feed_token"  # noqa: S105 - a session key, not a secret
FEED_SYSTEM = "jobnet-web/calendar-feed"


@bp.record_once
def _register_labels(state: BlueprintSetupState) -> None:
    state.app.jinja_env.globals.update(TEMPLATE_GLOBALS)


def _store() -> Store:
    return current_app.extensions["web_store"]


@bp.get("/")
@subject_required
def index() -> str:
    duties = get_dfdg_client().duties(str(subject_person_id()), current_actor())
    return render_template("citizen/duties/index.html", duties=duties)


@bp.get("/kalender")
@citizen_required
def calendar_settings() -> str:
    token = session.pop(NEW_FEED_TOKEN, None)
    return render_template(
        "citizen/duties/calendar.html",
        feed=feeds.active(_store(), current_user.id),
        feed_url=_feed_url(token) if token else None,
    )


def _feed_url(token: str) -> str:
    return url_for("duties.feed", token=token, _external=True)


@bp.post("/kalender/ny")
@citizen_required
def create_feed() -> Response:
    session[NEW_FEED_TOKEN] = feeds.create(_store(), current_user.id, current_language())
    return redirect(_settings_url(), code=303)  # type: ignore[return-value]


@bp.post("/kalender/tilbagekald")
@citizen_required
def revoke_feed() -> Response:
    feeds.revoke(_store(), current_user.id)
    session.pop(NEW_FEED_TOKEN, None)
    flash(_("Your calendar feed is stopped. Its address no longer works."), "success")
    return redirect(_settings_url(), code=303)  # type: ignore[return-value]


def _settings_url() -> str:
    return url_for("duties.calendar_settings")


def _feed_actor(feed: CalendarFeed) -> Actor:
    """The person's own calendar subscription reads their duties as them: DFDG takes no
    system actor for a person's data, and the audit log shows the read as the person's own,
    with the feed named as its purpose."""
    return Actor(
        type="citizen",
        id=feed.person_id,
        purpose=f"{FEED_SYSTEM}: the person's own calendar subscription to their deadlines",
        channel="web",
    )


@bp.get("/kalender/<token>.ics")
@public
def feed(token: str) -> Response:
    found = feeds.by_token(_store(), token)
    if found is None:
        abort(404)
    try:
        duties = get_dfdg_client().duties(found.person_id, _feed_actor(found))
    except DfdgNotFound:
        abort(404)
    with force_locale(found.language):
        body = duties_calendar(duties, found.person_id)
    response = Response(body, mimetype="text/calendar")
    response.headers["Cache-Control"] = "no-store"
    return response
