"""The forms of the notification pages: how to be told, an address or number, and the code."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, ValidationError

from jobnet.domain.notifications import (
    CODE_DIGITS,
    MAX_EMAIL_LENGTH,
    looks_like_code,
    normalise_email,
    normalise_mobile,
)
from jobnet.web.platform.forms import TranslatedMeta

HOW_CHOICES = [
    ("email", _l("By e-mail")),
    ("sms", _l("By text message (SMS)")),
    ("both", _l("By e-mail and text message")),
    ("none", _l("Do not tell me")),
]


class _Form(FlaskForm):
    class Meta(TranslatedMeta):
        pass


def _typed(label: Any, missing: Any, max_length: int, too_long: Any, *checks: Any) -> StringField:
    """A text field the person must fill, of at most `max_length` characters, then `checks`."""
    return StringField(
        label,
        validators=[InputRequired(missing), Length(max=max_length, message=too_long), *checks],
    )


def _understood(normalise: Callable[[str], str | None], message: Any) -> Any:
    """A check that `normalise` makes something of what was typed."""

    def check(_form: Any, field: Any) -> None:
        if normalise(str(field.data or "")) is None:
            raise ValidationError(message)

    return check


class HowForm(_Form):
    how = RadioField(
        _l("How do you want to be told that something new is waiting?"),
        choices=[SelectChoice(value, label) for value, label in HOW_CHOICES],
        validators=[InputRequired(_l("Choose how you want to be told"))],
    )


class EmailForm(_Form):
    address = _typed(
        _l("E-mail address"),
        _l("Type your e-mail address"),
        MAX_EMAIL_LENGTH,
        _l("An e-mail address is at most 254 characters"),
        _understood(normalise_email, _l("Type an e-mail address like name@example.dk")),
    )

    @property
    def normalised(self) -> str:
        return normalise_email(str(self.address.data or "")) or ""


class PhoneForm(_Form):
    # Named "mobile" (not "address"), so the field says it holds a phone number to browsers'
    # autofill and to checks of WCAG 1.3.5.
    mobile = _typed(
        _l("Mobile number"),
        _l("Type your mobile number"),
        30,
        _l("Type a Danish mobile number of 8 digits"),
        _understood(normalise_mobile, _l("Type a Danish mobile number of 8 digits")),
    )

    @property
    def address(self) -> StringField:
        """The number's field, by the name the pages share with the e-mail form."""
        return self.mobile

    @property
    def normalised(self) -> str:
        return normalise_mobile(str(self.mobile.data or "")) or ""


class CodeForm(_Form):
    code = _typed(_l("Code"), _l("Type the code we sent you"), 20, _l("The code is 6 digits"))

    def validate_code(self, field: Any) -> None:
        field.data = str(field.data or "").replace(" ", "")
        if not looks_like_code(field.data):
            raise ValidationError(_l("The code is 6 digits"))


class DigestForm(_Form):
    daily = RadioField(
        _l("Do you want an e-mail each morning when the inbox has unread messages?"),
        choices=[SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No"))],
        validators=[InputRequired(_l("Choose whether you want the daily e-mail"))],
    )

    @property
    def wants_daily(self) -> bool:
        return self.daily.data == "yes"


ADDRESS_FORMS: dict[str, type[EmailForm] | type[PhoneForm]] = {"email": EmailForm, "sms": PhoneForm}
__all__ = ["CODE_DIGITS"]
