"""What each broken rule of a held interview means to the caseworker."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from jobnet.domain.interviews import InterviewProblem
from jobnet.web.journeys.messages import PROBLEMS

PROBLEMS.declare(
    InterviewProblem,
    {
        InterviewProblem.IN_THE_FUTURE: _l("The interview cannot be in the future."),
        InterviewProblem.TOO_FAR_BACK: _l("An interview can be recorded at most 7 days back."),
        InterviewProblem.NOT_IN_A_CONTACT_GROUP: _l("The citizen is in no contact group."),
        InterviewProblem.MATCH_GROUP_MISSING: _l("Choose the citizen's match group"),
        InterviewProblem.MATCH_GROUP_NOT_ALLOWED: _l(
            "The citizen's contact group has no match group."
        ),
        InterviewProblem.AGREEMENT_MISSING: _l("Write the agreement on the further contact."),
        InterviewProblem.AGREEMENT_TOO_LONG: _l("The agreement can be at most 2000 characters."),
    },
)
