from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from jobnet.domain.absences import AbsenceProblem, check_holiday
from jobnet.domain.standing import CoverageProblem, check_absence_coverage
from jobnet.web.journeys.messages import problem_message
from jobnet.web.platform.forms import DatePartsField, JourneyForm, date_required
from jobnet.web.platform.i18n import format_local_date

# Which field a broken holiday rule is shown at.
_FIELD_OF_PROBLEM = {
    AbsenceProblem.END_BEFORE_START: "last_day",
    AbsenceProblem.TOO_LONG: "last_day",
}


class PeriodForm(JourneyForm):
    first_day = DatePartsField(
        _l("First day of holiday"),
        description=_l("For example 22 12 2026."),
        window=_l("The first day must be after today and within the next year."),
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
        if problem is not None:
            field = getattr(self, _FIELD_OF_PROBLEM.get(problem, "first_day"))
            if problem == AbsenceProblem.TOO_FAR_AHEAD:
                field.errors = [*field.errors, str(field.window)]  # the window its hint states
                return False
            field.errors = [*field.errors, problem_message(problem)]
            return False
        return self._within_registration(situation)

    def _within_registration(self, situation: Any) -> bool:
        """A holiday applies only while the person is registered and in their contact group
        (Annex 1): checked here, before the send, as DFDG checks it."""
        first_day = self.first_day.data
        assert first_day is not None  # the field's own validators ran
        coverage = check_absence_coverage(
            first_day,
            self.last_day.data,
            registered_since=situation.registered_since,
            covered_until=situation.covered_until,
        )
        if coverage is None:
            return True
        if coverage == CoverageProblem.AFTER_REGISTRATION and situation.deregistration_date:
            message = _(
                "Your holiday must end before %(date)s, the day you are deregistered as a "
                "jobseeker. A holiday only counts while you are registered.",
                date=format_local_date(situation.deregistration_date),
            )
        else:
            message = problem_message(coverage)
        field = self.last_day if coverage == CoverageProblem.AFTER_REGISTRATION else self.first_day
        field.errors = [*field.errors, message]
        return False


class CancelForm(JourneyForm):
    """Cancel one holiday: only the button (and the form's token)."""
