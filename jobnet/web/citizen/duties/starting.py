"""The registration's receipt lists the duties that start now, instead of "nothing more to do".

Worked out from the dated rules themselves (not from DFDG's answer), so a receipt of a
registration still on its way to DFDG says the same.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import gettext as _

from jobnet.domain.duties import StartingDuty, starting
from jobnet.domain.duty_rules import DutyKind
from jobnet.domain.jobseeker import (
    CONTACT_GROUP_FOR_CATEGORY,
    INITIAL_MATCH_GROUP,
    RegistrationCategory,
)
from jobnet.web.citizen.duties.labels import long_day
from jobnet.web.journeys.receipts.summaries import next_steps


def _line(duty: StartingDuty) -> str:
    if duty.kind == DutyKind.CV and duty.deadline is not None:
        return _(
            "Make your CV searchable on Jobnet no later than %(date)s.",
            date=long_day(duty.deadline),
        )
    return {
        DutyKind.JOBLOG: _(
            "Apply for jobs every week and register them in your job log, as many as your plan "
            "says."
        ),
        DutyKind.INTERVIEW: _("Attend the interviews your job centre summons you to."),
        DutyKind.PLAN: _("Read your plan when the job centre makes or revises it."),
        DutyKind.HOLIDAY: _("Report holidays before they start."),
    }.get(duty.kind, "")


@next_steps("registration")
def registration_duties(summary: dict[str, Any]) -> list[str]:
    try:
        category = RegistrationCategory(str(summary.get("category")))
        start = date.fromisoformat(str(summary.get("start_date")))
    except ValueError:
        return []
    group = CONTACT_GROUP_FOR_CATEGORY[category]
    duties = starting(group, INITIAL_MATCH_GROUP.get(group), start)
    return [line for line in (_line(duty) for duty in duties) if line]
