from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

from jobnet.domain.absences import AbsenceProblem, check_holiday
from jobnet.web.journeys.messages import problem_message
from jobnet.web.platform.forms import DatePartsField, JourneyForm, date_required

# Which field a broken holiday rule is shown at.
_FIELD_OF_PROBLEM = {
    AbsenceProblem.END_BEFORE_START: "last_day",
    AbsenceProblem.TOO_LONG: "last_day",
}


class PeriodForm(JourneyForm):
    first_day = DatePartsField(
        _l("First day of holiday"),
        description=_l("For example 22 12 2026."),
        validators=[date_required(_l("Enter the first day of your holiday"))],
    )
    last_day = DatePartsField(
        _l("Last day of holiday"),
        description=_l("For example 2 1 2027."),
        validators=[date_required(_l("Enter the last day of your holiday"))],
    )

    def validate(self, extra_validators: Any = None) -> bool:
        if not super().validate(extra_validators):
            return False
        situation = self.situation
        if self.first_day.data is None or self.last_day.data is None:
            return False
        problem = check_holiday(
            self.first_day.data,
            self.last_day.data,
            situation.today,
            contact_group=situation.contact_group,
            match_group=situation.match_group,
            registered_since=situation.registered_since,
            other_absences=situation.absences,
        )
        if problem is None:
            return True
        field = getattr(self, _FIELD_OF_PROBLEM.get(problem, "first_day"))
        field.errors = [*field.errors, problem_message(problem)]
        return False


class CancelForm(JourneyForm):
    """Cancel one holiday: only the button (and the form's token)."""
