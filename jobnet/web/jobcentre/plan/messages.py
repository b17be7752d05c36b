"""What each broken rule of a job plan means to the caseworker."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from jobnet.domain.plans import (
    MAX_APPLICATIONS_PER_WEEK,
    MAX_MEASURES,
    MAX_TARGET_LENGTH,
    MAX_TARGETS,
    MAX_WEEKLY_HOURS,
    PlanProblem,
)
from jobnet.web.journeys.messages import PROBLEMS

PROBLEMS.declare(
    PlanProblem,
    {
        PlanProblem.NO_TARGETS: _l("Enter at least one employment target."),
        PlanProblem.TOO_MANY_TARGETS: _l(
            "Enter at most %(count)s employment targets.", count=MAX_TARGETS
        ),
        PlanProblem.TARGET_TOO_LONG: _l(
            "An employment target can be at most %(count)s characters.", count=MAX_TARGET_LENGTH
        ),
        PlanProblem.APPLICATIONS_OUT_OF_RANGE: _l(
            "Applications a week must be a whole number from 0 to %(count)s.",
            count=MAX_APPLICATIONS_PER_WEEK,
        ),
        PlanProblem.COPIES_OUT_OF_RANGE: _l(
            "Copies of applications must be a whole number from 0 to the applications a week, "
            "or by the month to four times them."
        ),
        PlanProblem.TOO_MANY_MEASURES: _l(
            "A plan can have at most %(count)s measures.", count=MAX_MEASURES
        ),
        PlanProblem.END_BEFORE_START: _l("The end date cannot be before the start date."),
        PlanProblem.HOURS_OUT_OF_RANGE: _l(
            "Hours a week must be a number from 0 to %(count)s.", count=MAX_WEEKLY_HOURS
        ),
        PlanProblem.CVR_INVALID: _l("Enter the CVR number as 8 digits."),
        PlanProblem.P_NUMBER_INVALID: _l("Enter the P-number as 10 digits."),
        PlanProblem.PROVIDER_MISSING: _l(
            "A company-based measure needs the provider's CVR number and P-number."
        ),
        PlanProblem.OCCUPATION_MISSING: _l("A company-based measure needs the occupation."),
        PlanProblem.DUPLICATE_MEASURE: _l("The same measure is in the plan twice."),
    },
)
