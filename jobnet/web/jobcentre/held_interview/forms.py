from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import RadioField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, ValidationError

from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.errors import DfdgUnavailable
from jobnet.domain.codes import has_match_group
from jobnet.domain.interviews import (
    MAX_AGREEMENT_LENGTH,
    InterviewProblem,
    check_agreement,
    check_interview_date,
    check_within_contact_group,
)
from jobnet.domain.summons import InterviewForm
from jobnet.web.auth.users import current_actor, subject_person_id
from jobnet.web.journeys.changes import Mandatory
from jobnet.web.journeys.labels import MATCH_GROUPS
from jobnet.web.journeys.machinery import rule_validator
from jobnet.web.journeys.messages import problem_message
from jobnet.web.platform.forms import DatePartsField, JourneyForm, date_required
from jobnet.web.platform.i18n import format_local_date

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
    if problem is None and form.group_since is not None:
        problem = check_within_contact_group(field.data, form.group_since)
        if problem == InterviewProblem.BEFORE_CONTACT_GROUP:
            return _(
                "The interview cannot be dated before the citizen's current contact group "
                "began on %(date)s.",
                date=format_local_date(form.group_since),
            )
    return problem_message(problem) if problem else None


class WhenForm(JourneyForm):
    group_since: date | None = None

    def prepare(self, situation: Any) -> None:
        """The day the citizen's contact group began (§§ 13-14): an interview cannot be dated
        before it. Asked of DFDG here, on the question page, not only when the report is sent."""
        person_id = subject_person_id()
        if person_id is None or situation.contact_group is None:
            return
        try:
            self.group_since = get_dfdg_client().contact_group_since(person_id, current_actor())
        except DfdgUnavailable:
            self.group_since = None  # DFDG checks again when the report reaches it

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
