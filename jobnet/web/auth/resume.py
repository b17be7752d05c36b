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
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, current_app, g, redirect, request, session, url_for
from flask_login import current_user
from flask_wtf.csrf import CSRFError, validate_csrf
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response
from wtforms import ValidationError

from jobnet.web.auth.users import ACCESS_ATTRIBUTE

RESUME_KEY = "resume_form"
TIMEOUT_FIELD = "session_timeout"  # set by static/js/jobnet.js on the form it submits
_NOT_KEPT = {"csrf_token", TIMEOUT_FIELD}


def _view_is_protected() -> bool:
    if request.endpoint is None or request.endpoint == "static":
        return False
    view = current_app.view_functions.get(request.endpoint)
    return getattr(view, ACCESS_ATTRIBUTE, None) not in (None, "public")


def _keep_form() -> None:
    kept = [(k, v) for k, v in request.form.items(multi=True) if k not in _NOT_KEPT]
    session[RESUME_KEY] = {"path": request.path, "form": kept}


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
            _keep_form()
        return redirect(url_for("auth.session_expired", next=this_page))
    timed_out = request.method == "POST" and bool(request.form.get(TIMEOUT_FIELD))
    if not timed_out or not _from_our_origin():
        return None
    if not current_user.is_authenticated:
        _keep_form()
        return redirect(url_for("auth.session_expired", next=this_page))
    if not _csrf_is_valid():
        return None
    _keep_form()
    return redirect(this_page)


def resumed_form(path: str | None = None) -> MultiDict[str, str] | None:
    """The form data kept from an expired session for this page, once; None if there is none.

    The page is then marked (`data-form-resumed` on main, from `g.form_resumed`): what it shows
    was typed but is saved nowhere yet, so the timeout dialog keeps it again if the time runs
    out once more, even when nothing was changed since."""
    kept = session.get(RESUME_KEY)
    if not kept or kept.get("path") != (path or request.path):
        return None
    session.pop(RESUME_KEY)
    g.form_resumed = True
    return MultiDict([tuple(pair) for pair in kept["form"]])


def form_data() -> MultiDict[str, str] | None:
    """What a form on this page is filled from: what was posted, else what was kept from an
    expired session (once), else None (the form then shows the saved values)."""
    if request.method == "POST":
        return request.form
    return resumed_form()


def init_app(app: Flask) -> None:
    """Must run before CSRF protection: an expired session's form has an expired token."""
    app.before_request(_handle_expired_session)
