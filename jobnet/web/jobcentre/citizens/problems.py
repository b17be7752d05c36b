"""The caseworker's words for the rules DFDG names on summons and plans, added to the
shared registry in `jobnet.web.journeys.messages`, so forms and rejected receipts word a
problem the same way."""

from __future__ import annotations

from enum import StrEnum

from flask_babel import lazy_gettext as _l

from jobnet.domain.plans import (
    MAX_APPLICATIONS_PER_WEEK,
    MAX_MEASURES,
    MAX_TARGET_LENGTH,
    MAX_TARGETS,
    MAX_WEEKLY_HOURS,
    PlanProblem,
)
from jobnet.domain.summons import MAX_DURATION_MINUTES, MIN_DURATION_MINUTES, SummonsProblem
from jobnet.web.journeys.messages import PROBLEMS


class JobcentreProblem(StrEnum):
    """Codes DFDG's access layer and plan endpoints answer besides the domain's."""

    OUTSIDE_ORGANISATION = "outside_organisation"
    CASEWORKER_ONLY = "caseworker_only"
    PLAN_EXISTS = "plan_exists"
    NO_PLAN = "no_plan"
    UNKNOWN_MEASURE = "unknown_measure"


PROBLEMS.update(
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
        SummonsProblem.NOT_AWARE: _l("Enter the time of the interview."),
        SummonsProblem.IN_THE_PAST: _l("The interview must be later than now."),
        SummonsProblem.TOO_FAR_AHEAD: _l("The interview can be at most one year ahead."),
        SummonsProblem.DURATION_OUT_OF_RANGE: _l(
            "The duration must be %(least)s to %(most)s minutes.",
            least=MIN_DURATION_MINUTES,
            most=MAX_DURATION_MINUTES,
        ),
        SummonsProblem.LETTER_IN_THE_FUTURE: _l(
            "The date the letter is sent cannot be in the future."
        ),
        SummonsProblem.LETTER_TOO_EARLY: _l(
            "The letter cannot be sent before the letter with the summons."
        ),
        SummonsProblem.PLACE_MISSING: _l("Enter the place of an interview in person."),
        SummonsProblem.JOIN_DETAILS_MISSING: _l(
            "Enter how the citizen joins a video or digital interview."
        ),
        SummonsProblem.TEXT_TOO_LONG: _l("The text is too long."),
        SummonsProblem.ALREADY_CANCELLED: _l("The summons is cancelled."),
        SummonsProblem.ALREADY_HELD: _l("The interview has already taken place."),
        SummonsProblem.SAME_TIME: _l("The summons already has this time."),
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
    }
)
