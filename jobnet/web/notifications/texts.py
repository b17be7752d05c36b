"""The words of each notification, in the person's language. They say only that something
waits and where to log in: no name, no CPR number, nothing of what it is about."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _

from jobnet.domain.notifications import CODE_LIFETIME

# Where each kind is read after logging in (each page asks for MitID first).
READ_AT = {"message": "/beskeder/", "task": "/min-side/", "letter": "/min-side/"}
INBOX = "/sagsbehandler/beskeder/"


@dataclass(frozen=True)
class Words:
    title: str
    text: str


def _link(path: str) -> str:
    return str(current_app.config["PUBLIC_BASE_URL"]).rstrip("/") + path


def _headline(kind: str) -> str:
    if kind == "message":
        return _("You have a new message on Jobnet")
    if kind == "letter":
        return _("You have a new letter on Jobnet")
    return _("You have a new task on Jobnet")


def waiting(kind: str, language: str) -> Words:
    with force_locale(language):
        headline = _headline(kind)
        login = _("Log in with MitID to see it: %(link)s", link=_link(READ_AT.get(kind, "/")))
        return Words(headline, f"{headline}.\n\n{login}\n")


def code(value: str, language: str) -> Words:
    minutes = int(CODE_LIFETIME.total_seconds() // 60)
    with force_locale(language):
        title = _("Your code for Jobnet")
        text = _(
            "Your code for Jobnet is %(code)s. It can be used for %(minutes)d minutes. If you did "
            "not ask for it, do nothing.",
            code=value,
            minutes=minutes,
        )
        return Words(title, text + "\n")


def digest(unread: int, language: str) -> Words:
    with force_locale(language):
        title = _("Unread messages in your job centre's inbox on Jobnet")
        text = _(
            "There are %(count)d threads with unread messages in your job centre's inbox.",
            count=unread,
        )
        login = _("Log in to read them: %(link)s", link=_link(INBOX))
        return Words(title, f"{text}\n\n{login}\n")
