"""Nothing typed is lost when a session expires.

A form posted after the session expired is kept in the new session; after the person has logged
in again, the form's page picks it up with `resumed_form()` (or `form_data()`) and shows what they
typed.

With JavaScript, the session-timeout dialog submits a changed form when the time runs out, marked
with `TIMEOUT_FIELD` and sent from our own origin. If the session did expire, that is the case
above. If an earlier request (another tab, the dialog's keep-alive) already met the expired
session, the browser has no session left: the form is kept the same way. If the session is still
alive (the person was active in another tab), the form is kept all the same and the page shown
again with it. What was typed is never saved without the person choosing to.

A kept form belongs to the person who typed it (and, for a caseworker, to the citizen they acted
for): it is kept only when that person is known (the session that expired, the live session, or
a signed cookie naming the owner of a session this browser met expired, for a tab that posts
afterwards), shown only to them, dropped as soon as anyone else logs in, and dropped after
KEPT_FORM_MINUTES in any case.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, current_app, g, redirect, request, session, url_for
from flask_login import current_user
from flask_wtf.csrf import CSRFError, validate_csrf
from itsdangerous import BadSignature, URLSafeTimedSerializer
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response
from wtforms import ValidationError

from jobnet.web.auth.users import ACCESS_ATTRIBUTE, ACTING_KEY, SESSION_USER

RESUME_KEY = "resume_form"
TIMEOUT_FIELD = "session_timeout"  # set by static/js/jobnet.js on the form it submits
OWNER_COOKIE = "jobnet_kept_for"
_NOT_KEPT = {"csrf_token", TIMEOUT_FIELD}

Owner = dict[str, str]  # {"user": ..., "acting": ...}, keyed hashes of the ids


def _keyed(value: str) -> str:
    secret = str(current_app.config["SECRET_KEY"]).encode()
    return hmac.new(secret, value.encode(), hashlib.sha256).hexdigest()[:32]


def _owner(user_id: str | None, acting_person: str | None) -> Owner | None:
    if not user_id:
        return None
    return {"user": _keyed(user_id), "acting": _keyed(acting_person) if acting_person else ""}


def _owner_of_contents(contents: Mapping[str, Any] | None) -> Owner | None:
    """Whose a session was, from what it held."""
    user = (contents or {}).get(SESSION_USER) or {}
    if not user.get("kind") or not user.get("id"):
        return None
    acting = (contents or {}).get(ACTING_KEY) or {}
    return _owner(f"{user['kind']}:{user['id']}", acting.get("person_id"))


def current_owner() -> Owner | None:
    """The person logged in now (and the citizen a caseworker acts for), or None."""
    if not current_user.is_authenticated:
        return None
    acting = session.get(ACTING_KEY) or {}
    return _owner(current_user.get_id(), acting.get("person_id"))


def _cookie_signer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(str(current_app.config["SECRET_KEY"]), salt="kept-form-owner")


def _owner_from_cookie() -> Owner | None:
    raw = request.cookies.get(OWNER_COOKIE)
    if not raw:
        return None
    try:
        owner = _cookie_signer().loads(raw, max_age=_kept_seconds())
    except BadSignature:
        return None
    return owner if isinstance(owner, dict) and owner.get("user") else None


def _kept_seconds() -> int:
    return int(current_app.config["KEPT_FORM_MINUTES"]) * 60


def _known_owner() -> Owner | None:
    """Whose a form posted now is: the live session's person, else the one whose session this
    request found expired, else the one named by the owner cookie; None if no one is known."""
    return (
        current_owner()
        or _owner_of_contents(getattr(session, "expired_contents", None))
        or _owner_from_cookie()
    )


def _view_is_protected() -> bool:
    if request.endpoint is None or request.endpoint == "static":
        return False
    view = current_app.view_functions.get(request.endpoint)
    return getattr(view, ACCESS_ATTRIBUTE, None) not in (None, "public")


def keep_posted_form() -> bool:
    """Keep the form posted now for its owner, to be shown again on its page (for a short time,
    to them only); False when no owner is known, and nothing is kept."""
    owner = _known_owner()
    if owner is None or not request.form:
        return False
    kept = [(k, v) for k, v in request.form.items(multi=True) if k not in _NOT_KEPT]
    session[RESUME_KEY] = {
        "path": request.path,
        "form": kept,
        "owner": owner,
        "until": time.time() + _kept_seconds(),
    }
    return True


def _csrf_is_valid() -> bool:
    if not current_app.config.get("WTF_CSRF_ENABLED", True):
        return True
    try:
        validate_csrf(request.form.get("csrf_token"))
    except (ValidationError, CSRFError):
        return False
    return True


def _from_our_origin() -> bool:
    """The browser says the form was sent from one of our pages (not planted by another site)."""
    ours = urlsplit(str(current_app.config["PUBLIC_BASE_URL"]))
    origin = request.headers.get("Origin")
    return origin is not None and origin == f"{ours.scheme}://{ours.netloc}"


def _handle_expired_session() -> Response | None:
    if not _view_is_protected():
        return None
    this_page = request.full_path.rstrip("?")
    if getattr(session, "expired", False):
        if request.method == "POST" and request.form:
            keep_posted_form()
        return redirect(url_for("auth.session_expired", next=this_page))
    timed_out = request.method == "POST" and bool(request.form.get(TIMEOUT_FIELD))
    if not timed_out or not _from_our_origin():
        return None
    if not current_user.is_authenticated:
        keep_posted_form()
        return redirect(url_for("auth.session_expired", next=this_page))
    if not _csrf_is_valid():
        return None
    keep_posted_form()
    return redirect(this_page)


def resumed_form(path: str | None = None) -> MultiDict[str, str] | None:
    """The form data kept from an expired session for this page, once; None if there is none.

    The page is then marked (`data-form-resumed` on main, from `g.form_resumed`): what it shows
    was typed but is saved nowhere yet, so the timeout dialog keeps it again if the time runs
    out once more, even when nothing was changed since."""
    kept = session.get(RESUME_KEY)
    if not kept or kept.get("path") != (path or request.path):
        return None
    if kept.get("owner") != current_owner():
        return None  # another person's, or the caseworker acts for another citizen now
    session.pop(RESUME_KEY)
    g.form_resumed = True
    return MultiDict([tuple(pair) for pair in kept["form"]])


def form_data() -> MultiDict[str, str] | None:
    """What a form on this page is filled from: what was posted, else what was kept from an
    expired session (once), else None (the form then shows the saved values)."""
    if request.method == "POST":
        return request.form
    return resumed_form()


def _drop_what_is_not_theirs() -> None:
    """A kept form past its time, or kept for someone other than who is logged in now, is
    dropped (a caseworker's stays while they have not yet opened the citizen again)."""
    kept = session.get(RESUME_KEY)
    if not kept:
        return
    owner = kept.get("owner") or {}
    expired = float(kept.get("until") or 0) < time.time()
    someone_else = current_user.is_authenticated and owner.get("user") != (
        (current_owner() or {}).get("user")
    )
    if expired or someone_else:
        session.pop(RESUME_KEY)


def _remember_whose_session_expired(response: Response) -> Response:
    """The browser met its session expired: a signed cookie names whose it was, so that a form
    another tab posts afterwards (with no session left) is kept for that person only."""
    owner = _owner_of_contents(getattr(session, "expired_contents", None))
    if owner is not None:
        response.set_cookie(
            OWNER_COOKIE,
            _cookie_signer().dumps(owner),
            max_age=_kept_seconds(),
            httponly=True,
            secure=bool(current_app.config.get("SESSION_COOKIE_SECURE")),
            samesite="Lax",
        )
    elif OWNER_COOKIE in request.cookies and current_user.is_authenticated:
        response.delete_cookie(OWNER_COOKIE)  # logged in again: it has done its work
    return response


def init_app(app: Flask) -> None:
    """Must run before CSRF protection: an expired session's form has an expired token."""
    app.before_request(_drop_what_is_not_theirs)
    app.before_request(_handle_expired_session)
    app.after_request(_remember_whose_session_expired)
