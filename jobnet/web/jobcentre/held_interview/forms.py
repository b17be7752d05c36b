from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, ValidationError

from jobnet.domain.codes import has_match_group
from jobnet.domain.interviews import MAX_AGREEMENT_LENGTH, check_agreement, check_interview_date
from jobnet.domain.summons import InterviewForm
from jobnet.web.journeys.changes import Mandatory
from jobnet.web.journeys.labels import MATCH_GROUPS
from jobnet.web.journeys.machinery import rule_validator
from jobnet.web.journeys.messages import problem_message
from jobnet.web.platform.forms import DatePartsField, JourneyForm, date_required

FORMS = {
    InterviewForm.IN_PERSON.value: _l("In person"),
    InterviewForm.PHONE.value: _l("By phone"),
    InterviewForm.VIDEO.value: _l("By video"),
    InterviewForm.DIGITAL.value: _l("Digitally"),
}


def _date_rules(form: Any, field: DatePartsField) -> str | None:
    if field.data is None:
        return None  # date_required has said so
    problem = check_interview_date(field.data, form.situation.today)
    return problem_message(problem) if problem else None


class WhenForm(JourneyForm):
    held_on = DatePartsField(
        _l("When was the interview held?"),
        description=_l("Today or at most 7 days back."),
        validators=[
            date_required(_l("Enter the date of the interview")),
            rule_validator(_date_rules),
        ],
    )
    form = RadioField(
        _l("How was the interview held?"),
        choices=[SelectChoice(code, label) for code, label in FORMS.items()],
        validators=[InputRequired(_l("Choose how the interview was held"))],
    )


class OutcomeForm(JourneyForm):
    agreement = TextAreaField(
        _l("Agreement on the further contact"),
        validators=[Mandatory()],
        description=_l("At most %(count)s characters.", count=MAX_AGREEMENT_LENGTH),
    )
    match_group = RadioField(
        _l("Match group from the interview's date"),
        choices=[SelectChoice(str(code), label) for code, label in MATCH_GROUPS.items()],
        validate_choice=False,
    )

    def validate_agreement(self, field: TextAreaField) -> None:
        problem = check_agreement(field.data)
        if problem:
            raise ValidationError(problem_message(problem))

    def validate_match_group(self, field: RadioField) -> None:
        group = self.situation.contact_group
        if group is not None and has_match_group(group) and field.data not in {"1", "2", "3"}:
            raise ValidationError(_l("Choose the citizen's match group"))
