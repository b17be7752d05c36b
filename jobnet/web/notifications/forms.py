"""The forms of the notification pages: how to be told, an address or number, and the code."""

from __future__ import annotations

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


class HowForm(FlaskForm):
    class Meta(TranslatedMeta):
        pass

    how = RadioField(
        _l("How do you want to be told that something new is waiting?"),
        choices=[SelectChoice(value, label) for value, label in HOW_CHOICES],
        validators=[InputRequired(_l("Choose how you want to be told"))],
    )


class EmailForm(FlaskForm):
    class Meta(TranslatedMeta):
        pass

    address = StringField(
        _l("E-mail address"),
        validators=[
            InputRequired(_l("Type your e-mail address")),
            Length(max=MAX_EMAIL_LENGTH, message=_l("An e-mail address is at most 254 characters")),
        ],
    )

    def validate_address(self, field: Any) -> None:
        if normalise_email(str(field.data or "")) is None:
            raise ValidationError(_l("Type an e-mail address like name@example.dk"))

    @property
    def normalised(self) -> str:
        return normalise_email(str(self.address.data or "")) or ""


class PhoneForm(FlaskForm):
    class Meta(TranslatedMeta):
        pass

    # Named "mobile" (not "address"), so the field says it holds a phone number to browsers'
    # autofill and to checks of WCAG 1.3.5.
    mobile = StringField(
        _l("Mobile number"),
        validators=[
            InputRequired(_l("Type your mobile number")),
            Length(max=30, message=_l("Type a Danish mobile number of 8 digits")),
        ],
    )

    def validate_mobile(self, field: Any) -> None:
        if normalise_mobile(str(field.data or "")) is None:
            raise ValidationError(_l("Type a Danish mobile number of 8 digits"))

    @property
    def address(self) -> StringField:
        """The number's field, by the name the pages share with the e-mail form."""
        return self.mobile

    @property
    def normalised(self) -> str:
        return normalise_mobile(str(self.mobile.data or "")) or ""


class CodeForm(FlaskForm):
    class Meta(TranslatedMeta):
        pass

    code = StringField(
        _l("Code"),
        validators=[
            InputRequired(_l("Type the code we sent you")),
            Length(max=20, message=_l("The code is 6 digits")),
        ],
    )

    def validate_code(self, field: Any) -> None:
        field.data = str(field.data or "").replace(" ", "")
        if not looks_like_code(field.data):
            raise ValidationError(_l("The code is 6 digits"))


class DigestForm(FlaskForm):
    class Meta(TranslatedMeta):
        pass

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
