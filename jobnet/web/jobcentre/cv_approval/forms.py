from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length

from jobnet.domain.cv import ApprovalStatus
from jobnet.domain.fields import FieldProblem, check_not_future
from jobnet.web.journeys.machinery import rule_validator
from jobnet.web.platform.forms import DatePartsField, JourneyForm, date_required

MAX_NOTE_LENGTH = 1000
DECISIONS = {
    ApprovalStatus.APPROVED.value: _l("Approved"),
    ApprovalStatus.NOT_APPROVED.value: _l("Not approved"),
}


def _not_in_the_future(form: Any, field: DatePartsField) -> str | None:
    problem = check_not_future(field.data, form.situation.today, required=True)
    return (
        str(_l("The date cannot be in the future."))
        if problem == FieldProblem.IN_THE_FUTURE
        else None
    )


class ApprovalForm(JourneyForm):
    status = RadioField(
        _l("What is the job centre's assessment of the CV?"),
        choices=[SelectChoice(code, label) for code, label in DECISIONS.items()],
        validators=[InputRequired(_l("Choose approved or not approved"))],
    )
    assessed_on = DatePartsField(
        _l("Date of the assessment"),
        description=_l("Usually the day of the CV interview. Not in the future."),
        validators=[
            date_required(_l("Enter the date of the assessment")),
            rule_validator(_not_in_the_future),
        ],
    )
    note = TextAreaField(
        _l("Note to the citizen"),
        description=_l(
            "For example what to improve. At most %(count)s characters.", count=MAX_NOTE_LENGTH
        ),
        validators=[
            Length(max=MAX_NOTE_LENGTH, message=_l("The note can be at most %(max)d characters."))
        ],
    )
