from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional, ValidationError

from jobnet.domain.insight import NOTE_MAX_LENGTH
from jobnet.web.platform.forms import DatePartsField, JourneyForm

ACTOR_CHOICES = [
    SelectChoice("", _l("Everyone")),
    SelectChoice("citizen", _l("You")),
    SelectChoice("caseworker", _l("Caseworkers")),
    SelectChoice("system", _l("Systems")),
]


class AuditLogFilterForm(FlaskForm):
    """The filters of the access log: a GET form (it changes nothing, so no CSRF token)."""

    class Meta:
        csrf = False
        locales = ("da", "en")

    date_from = DatePartsField(_l("From"), description=_l("For example 1 1 2026."))
    date_to = DatePartsField(_l("To"), description=_l("For example 31 12 2026."))
    actor_type = SelectField(_l("Who"), choices=ACTOR_CHOICES, default="", validators=[Optional()])

    def validate_date_to(self, field: Any) -> None:
        if field.data and self.date_from.data and field.data < self.date_from.data:
            raise ValidationError(_l("The to date cannot be before the from date"))


class InsightRequestForm(JourneyForm):
    key = HiddenField()
    note = TextAreaField(
        _l("What would you like to know?"),
        description=_l(
            "You may leave this empty: you then get all the data about you. "
            "At most %(count)s characters.",
            count=NOTE_MAX_LENGTH,
        ),
        validators=[
            Optional(),
            Length(
                max=NOTE_MAX_LENGTH,
                message=_l("Write at most %(count)s characters", count=NOTE_MAX_LENGTH),
            ),
        ],
    )
