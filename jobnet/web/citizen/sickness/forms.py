from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

from jobnet.domain.absences import AbsenceProblem, check_sickness
from jobnet.web.journeys.machinery import rule_validator
from jobnet.web.journeys.messages import problem_message
from jobnet.web.platform.forms import DatePartsField, JourneyForm, date_required


def _first_day_rules(form: Any, field: DatePartsField) -> str | None:
    if field.data is None:
        return None  # date_required has said so
    situation = form.situation
    if situation.unknown:  # nothing known but today: DFDG checks the rest at delivery
        future = field.data > situation.today
        return problem_message(AbsenceProblem.IN_THE_FUTURE) if future else None
    problem = check_sickness(
        field.data,
        situation.today,
        contact_group=situation.contact_group,
        match_group=situation.match_group,
        registered_since=situation.registered_since,
        open_sickness=False,
    )
    return problem_message(problem) if problem else None


class FirstDayForm(JourneyForm):
    first_day = DatePartsField(
        _l("First day of sickness"),
        description=_l(
            "The first day you were too ill to work or look for work. For example 17 11 2026."
        ),
        validators=[
            date_required(_l("Enter your first day of sickness")),
            rule_validator(_first_day_rules),
        ],
    )
