"""What the citizen's and the caseworker's notification pages share: sending a code to an
address (at once, the worker retrying) and checking the code typed."""

from __future__ import annotations

from collections.abc import Mapping

from flask import abort, current_app
from flask_babel import gettext as _

from jobnet.db import Store
from jobnet.web.notifications import choices, queue
from jobnet.web.notifications.forms import ADDRESS_FORMS, CodeForm, EmailForm, PhoneForm
from jobnet.web.notifications.senders import Sender
from jobnet.web.platform.i18n import current_language


def store() -> Store:
    return current_app.extensions["web_store"]


def senders() -> Mapping[str, Sender]:
    return current_app.extensions["notification_senders"]


def offered(channel: str) -> str:
    """The channel named in a URL, when it is offered here; 404 otherwise."""
    if channel not in ADDRESS_FORMS or channel not in senders():
        abort(404)
    return channel


def address_forms(posted: str | None = None) -> dict[str, EmailForm | PhoneForm]:
    """A form for each offered channel; the one `posted` reads the request."""
    forms: dict[str, EmailForm | PhoneForm] = {}
    for channel, form_class in ADDRESS_FORMS.items():
        if channel in senders():
            forms[channel] = (
                form_class(prefix=channel)
                if channel == posted
                else form_class(formdata=None, prefix=channel)
            )
    return forms


def request_code(subject: str, channel: str, form: EmailForm | PhoneForm) -> bool:
    """Send a code to the form's address; False (the error on the field) when the address has
    had its codes for today."""
    row_id = choices.send_code(
        store(),
        str(current_app.config["SECRET_KEY"]),
        subject,
        channel,
        form.normalised,
        current_language(),
    )
    if row_id is None:
        form.address.errors = [
            *form.address.errors,
            _("We have sent as many codes to this address as we may today. Try again tomorrow."),
        ]
        return False
    queue.deliver_one(store(), senders(), row_id)  # at once; else the worker sends it
    return True


def check_code(subject: str, channel: str, form: CodeForm) -> bool:
    """Whether the code typed confirms the address; else the reason on the field."""
    result = choices.confirm(
        store(),
        str(current_app.config["SECRET_KEY"]),
        subject,
        channel,
        str(form.code.data),
        current_language(),
    )
    if result == choices.CONFIRMED:
        return True
    reasons = {
        choices.WRONG: _("The code is not right. Check it and try again."),
        choices.USED_UP: _("You have tried too many times. Ask for a new code."),
        choices.NO_CODE: _("The code has run out. Ask for a new code."),
    }
    form.code.errors = [*form.code.errors, reasons[result]]
    return False
