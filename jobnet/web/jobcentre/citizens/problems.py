"""The caseworker's words for DFDG's own codes (its access layer and plan endpoints), which
no domain rule set names."""

from __future__ import annotations

from enum import StrEnum

from flask_babel import lazy_gettext as _l

from jobnet.domain.problems import DFDG_RULES
from jobnet.web.journeys.messages import PROBLEMS


class JobcentreProblem(StrEnum):
    """Codes DFDG's access layer and plan endpoints answer besides the domain's."""

    OUTSIDE_ORGANISATION = "outside_organisation"
    CASEWORKER_ONLY = "caseworker_only"
    PLAN_EXISTS = "plan_exists"
    NO_PLAN = "no_plan"
    UNKNOWN_MEASURE = "unknown_measure"


PROBLEMS.declare(
    JobcentreProblem,
    {
        JobcentreProblem.OUTSIDE_ORGANISATION: _l(
            "The citizen does not belong to your job centre, so you cannot register this."
        ),
        JobcentreProblem.CASEWORKER_ONLY: _l(
            "Only a caseworker of a job centre can register this."
        ),
        JobcentreProblem.PLAN_EXISTS: _l("The citizen already has a plan. Revise it instead."),
        JobcentreProblem.NO_PLAN: _l("The citizen has no plan to revise."),
        JobcentreProblem.UNKNOWN_MEASURE: _l("A measure is no longer in the current plan."),
    },
    rules=DFDG_RULES,
)
