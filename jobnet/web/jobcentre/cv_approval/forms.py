from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length

from jobnet.domain.cv import APPROVAL_DAYS_BACK, ApprovalStatus
from jobnet.domain.fields import check_not_future
from jobnet.web.journeys.changes import WINDOW_PROBLEMS
from jobnet.web.journeys.machinery import rule_validator
from jobnet.web.platform.forms import DatePartsField, JourneyForm, date_required

MAX_NOTE_LENGTH = 1000
DECISIONS = {
    ApprovalStatus.APPROVED.value: _l("Approved"),
    ApprovalStatus.NOT_APPROVED.value: _l("Not approved"),
}


def _in_the_window(form: Any, field: DatePartsField) -> str | None:
    problem = check_not_future(
        field.data, form.situation.today, required=True, days_back=APPROVAL_DAYS_BACK
    )
    return str(field.window) if problem in WINDOW_PROBLEMS else None


class ApprovalForm(JourneyForm):
    status = RadioField(
        _l("What is your assessment of the CV?"),
        choices=[SelectChoice(code, label) for code, label in DECISIONS.items()],
        validators=[InputRequired(_l("Choose approved or not approved"))],
    )
    assessed_on = DatePartsField(
        _l("Date of the assessment"),
        description=_l("Usually the day of the CV interview."),
        window=_l("It can be at most one year back, and not in the future."),
        validators=[
            date_required(_l("Enter the date of the assessment")),
            rule_validator(_in_the_window),
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
