from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import RadioField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired

from jobnet.domain.absences import (
    CITIZEN_REASONS,
    AbsenceProblem,
    AbsenceReason,
    check_other_absence,
    reasons_for,
)
from jobnet.web.journeys.labels import ABSENCE_REASONS
from jobnet.web.journeys.messages import problem_message
from jobnet.web.platform.forms import DatePartsField, JourneyForm, date_required

_FIELD_OF_PROBLEM = {
    AbsenceProblem.END_BEFORE_START: "last_day",
    AbsenceProblem.TOO_LONG: "last_day",
    AbsenceProblem.MATERNITY_TOO_LONG: "last_day",
}


def jobcentre_reasons(contact_group: int | None, match_group: int | None) -> list[AbsenceReason]:
    """The Annex 1 reasons for this person that only a job centre registers."""
    return [r for r in reasons_for(contact_group, match_group) if r not in CITIZEN_REASONS]


class AbsenceForm(JourneyForm):
    reason = RadioField(
        _l("What is the reason for the absence?"),
        description=_l("Only the reasons that apply to the citizen's contact group are shown."),
        validators=[InputRequired(_l("Choose the reason"))],
    )
    first_day = DatePartsField(
        _l("First day"), validators=[date_required(_l("Enter the first day of the absence"))]
    )
    last_day = DatePartsField(
        _l("Last day, if it is known"),
        description=_l("Leave it empty if the absence has no known end."),
    )

    def prepare(self, situation: Any) -> None:
        self.reason.choices = [
            SelectChoice(reason.value, ABSENCE_REASONS[reason])
            for reason in jobcentre_reasons(situation.contact_group, situation.match_group)
        ]

    def validate(self, extra_validators: Any = None) -> bool:
        situation = self.situation
        if not super().validate(extra_validators):
            return False
        if self.first_day.data is None or self.reason.data is None:
            return False
        problem = check_other_absence(
            AbsenceReason(self.reason.data),
            self.first_day.data,
            self.last_day.data,
            contact_group=situation.contact_group,
            match_group=situation.match_group,
            other_absences=situation.absences,
        )
        if problem is None:
            return True
        field = getattr(self, _FIELD_OF_PROBLEM.get(problem, "first_day"))
        field.errors = [*field.errors, problem_message(problem)]
        return False
