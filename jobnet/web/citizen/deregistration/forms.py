from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, ValidationError

from jobnet.domain.jobseeker import (
    MAX_OTHER_REASON_LENGTH,
    DeregistrationReason,
    check_deregistration_date,
    check_other_reason,
)
from jobnet.web.journeys.machinery import rule_validator
from jobnet.web.journeys.messages import problem_message
from jobnet.web.platform.forms import DatePartsField, JourneyForm, date_required

REASON_CHOICES = [
    SelectChoice(DeregistrationReason.JOB_AS_EMPLOYEE.value, _l("I have got a job")),
    SelectChoice(DeregistrationReason.OWN_BUSINESS.value, _l("I am starting my own business")),
    SelectChoice(DeregistrationReason.EDUCATION.value, _l("I am starting an education")),
    SelectChoice(DeregistrationReason.MOVING_ABROAD.value, _l("I am moving abroad")),
    SelectChoice(DeregistrationReason.LEAVE.value, _l("I am going on leave")),
    SelectChoice(DeregistrationReason.OTHER.value, _l("Another reason")),
]


def _date_rules(form: Any, field: DatePartsField) -> str | None:
    if field.data is None:
        return None  # date_required has said so
    situation = form.situation
    problem = check_deregistration_date(field.data, situation.today, situation.registered_since)
    return problem_message(problem) if problem else None


class DateForm(JourneyForm):
    when = DatePartsField(
        _l("From which day do you want to be deregistered?"),
        validators=[
            date_required(_l("Enter the day you want to be deregistered from")),
            rule_validator(_date_rules),
        ],
    )


class ReasonForm(JourneyForm):
    reason = RadioField(
        _l("Why are you deregistering?"),
        choices=REASON_CHOICES,
        validators=[InputRequired(_l("Choose why you are deregistering"))],
    )
    other_reason = TextAreaField(
        _l("Describe the reason, if you chose another reason"),
        description=_l("At most %(count)s characters.", count=MAX_OTHER_REASON_LENGTH),
    )

    def validate_other_reason(self, field: TextAreaField) -> None:
        if self.reason.data not in {r.value for r in DeregistrationReason}:
            return
        problem = check_other_reason(DeregistrationReason(self.reason.data), field.data)
        if problem:
            raise ValidationError(problem_message(problem))
