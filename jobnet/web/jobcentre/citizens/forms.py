from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, ValidationError

from jobnet.web.journeys.changes import Mandatory
from jobnet.web.journeys.labels import OTHER_PURPOSE_PREFIX, PURPOSES
from jobnet.web.platform.forms import JourneyForm, check_cpr_field

MAX_PURPOSE_LENGTH = 200


def _purpose_field() -> RadioField:
    return RadioField(
        _l("Why are you opening the citizen's data?"),
        description=_l("The purpose is written in the log the citizen can see."),
        choices=[SelectChoice(code, label) for code, label in PURPOSES.items()],
        validators=[InputRequired(_l("Choose why you are opening the citizen's data"))],
    )


def _purpose_other_field() -> TextAreaField:
    return TextAreaField(_l("Describe the purpose, if you chose another purpose"))


class _Purpose:
    """The purpose questions every opening of a citizen asks, and what goes into the log."""

    purpose: RadioField
    purpose_other: TextAreaField

    def validate_purpose_other(self, field: TextAreaField) -> None:
        if self.purpose.data != "other":
            return
        text = (field.data or "").strip()
        if not text:
            raise ValidationError(_l("Describe the purpose"))
        if len(text) > MAX_PURPOSE_LENGTH:
            raise ValidationError(
                _l("The purpose can be at most %(count)s characters.", count=MAX_PURPOSE_LENGTH)
            )

    def purpose_text(self) -> str:
        """What goes into the audit log: the code, and the words for "other"."""
        if self.purpose.data == "other":
            return f"{OTHER_PURPOSE_PREFIX}{(self.purpose_other.data or '').strip()}"
        return str(self.purpose.data)


class FindCitizenForm(_Purpose, JourneyForm):
    cpr = StringField(
        _l("CPR number"),
        validators=[Mandatory()],
        description=_l("10 digits, with or without a hyphen, for example 010190-1234."),
        render_kw={"autocomplete": "off", "inputmode": "numeric", "data-width": "m"},
    )
    purpose = _purpose_field()
    purpose_other = _purpose_other_field()

    def validate_cpr(self, field: StringField) -> None:
        check_cpr_field(field.data, _l("Enter the citizen's CPR number"))


class ReopenCitizenForm(_Purpose, JourneyForm):
    """Open a recently opened citizen again: DFDG's person id (from this session's list, never
    a CPR number) and the purpose, asked again."""

    person_id = HiddenField()
    confirm = HiddenField()
    purpose = _purpose_field()
    purpose_other = _purpose_other_field()


class StopActingForm(JourneyForm):
    """Only the button and the form's token."""
