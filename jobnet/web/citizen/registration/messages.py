"""What each broken rule of registration and deregistration means to a person (the
registration rule set, shared by the two journeys)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from jobnet.domain.jobseeker import MAX_JOB_TITLES, RegistrationProblem
from jobnet.web.journeys.messages import PROBLEMS

PROBLEMS.declare(
    RegistrationProblem,
    {
        RegistrationProblem.ALREADY_REGISTERED: _l("You are already registered as a jobseeker."),
        RegistrationProblem.START_IN_THE_PAST: _l("The start date cannot be in the past."),
        RegistrationProblem.START_TOO_FAR_AHEAD: _l(
            "The start date can be at most 90 days from today."
        ),
        RegistrationProblem.NO_JOB_TITLES: _l("Enter at least one job title you are looking for."),
        RegistrationProblem.TOO_MANY_JOB_TITLES: _l(
            "You can enter at most %(count)s job titles.", count=MAX_JOB_TITLES
        ),
        RegistrationProblem.JOB_TITLE_TOO_LONG: _l("A job title can be at most 100 characters."),
        RegistrationProblem.HOURS_MISSING: _l("Enter how many hours a week you are looking for."),
        RegistrationProblem.HOURS_OUT_OF_RANGE: _l(
            "Part-time hours must be a whole number from 1 to 36."
        ),
        RegistrationProblem.NOT_REGISTERED: _l("You are not registered as a jobseeker."),
        RegistrationProblem.DATE_IN_THE_PAST: _l("The date cannot be in the past."),
        RegistrationProblem.DATE_TOO_FAR_AHEAD: _l("The date can be at most 90 days from today."),
        RegistrationProblem.BEFORE_REGISTRATION: _l(
            "The date cannot be before you were registered as a jobseeker."
        ),
        RegistrationProblem.OTHER_REASON_MISSING: _l("Describe the reason."),
        RegistrationProblem.OTHER_REASON_TOO_LONG: _l("The reason can be at most 500 characters."),
    },
)
