"""Nothing typed is lost when a session expires.

A form posted after the session expired is kept in the new session; after the person has logged
in again, the form's page picks it up with `resumed_form()` and shows what they typed.
"""

from __future__ import annotations

from flask import Flask, redirect, request, session, url_for
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from jobnet.auth.users import ACCESS_ATTRIBUTE

RESUME_KEY = "resume_form"
_NOT_KEPT = {"csrf_token"}


def _view_is_protected() -> bool:
    if request.endpoint is None or request.endpoint == "static":
        return False
    from flask import current_app

    view = current_app.view_functions.get(request.endpoint)
    return getattr(view, ACCESS_ATTRIBUTE, None) not in (None, "public")


def _handle_expired_session() -> Response | None:
    expired = getattr(session, "expired", False)
    if not expired or not _view_is_protected():
        return None
    if request.method == "POST":
        kept = [(k, v) for k, v in request.form.items(multi=True) if k not in _NOT_KEPT]
        session[RESUME_KEY] = {"path": request.path, "form": kept}
    return redirect(url_for("auth.session_expired", next=request.full_path.rstrip("?")))


def resumed_form(path: str | None = None) -> MultiDict[str, str] | None:
    """The form data kept from an expired session for this page, once; None if there is none."""
    kept = session.get(RESUME_KEY)
    if not kept or kept.get("path") != (path or request.path):
        return None
    session.pop(RESUME_KEY)
    return MultiDict([tuple(pair) for pair in kept["form"]])


def init_app(app: Flask) -> None:
    """Must run before CSRF protection: an expired session's form has an expired token."""
    app.before_request(_handle_expired_session)
