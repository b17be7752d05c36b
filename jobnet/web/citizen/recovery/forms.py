from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

from jobnet.domain.absences import check_recovery
from jobnet.web.journeys.machinery import rule_validator
from jobnet.web.journeys.messages import problem_message
from jobnet.web.platform.forms import DatePartsField, JourneyForm, date_required


def _fit_day_rules(form: Any, field: DatePartsField) -> str | None:
    if field.data is None:
        return None  # date_required has said so
    situation = form.situation
    problem = check_recovery(field.data, situation.today, sick_since=situation.sick_since)
    return problem_message(problem) if problem else None


class FitDayForm(JourneyForm):
    fit_day = DatePartsField(
        _l("The day you were fit again"),
        description=_l(
            "The first day you could work or look for work again. For example 24 11 2026."
        ),
        validators=[
            date_required(_l("Enter the day you were fit again")),
            rule_validator(_fit_day_rules),
        ],
    )
