"""Who reads the page: the citizen about themself, or a caseworker about a citizen.

The pages about a person are shared by both. Where a text speaks to the reader ("My CV", "You"),
the caseworker reads the caseworker's version ("The citizen's CV", the citizen's name), so every
page a caseworker sees names who did what from the caseworker's side.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, has_request_context
from flask_babel import gettext as _
from flask_login import current_user


def viewer_is_caseworker() -> bool:
    return bool(has_request_context() and getattr(current_user, "is_caseworker", False) is True)


def for_viewer(citizen_text: Any, caseworker_text: Any) -> str:
    """`caseworker_text` when a caseworker reads the page, else `citizen_text`."""
    return str(caseworker_text if viewer_is_caseworker() else citizen_text)


def citizen_actor(name: str | None) -> str:
    """The citizen as the one who did something: "You" to the citizen, and to a caseworker
    the citizen's name ("Mette Nielsen (the citizen)")."""
    if not viewer_is_caseworker():
        return _("You")
    if name:
        return _("%(name)s (the citizen)", name=name)
    return _("The citizen")


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(for_viewer=for_viewer, viewer_is_caseworker=viewer_is_caseworker)
