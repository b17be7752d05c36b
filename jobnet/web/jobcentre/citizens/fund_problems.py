"""The words for DFDG's refusal of what is the job centre's alone to a fund's employee."""

from __future__ import annotations

from enum import StrEnum

from flask_babel import lazy_gettext as _l

from jobnet.domain.fund_reach import JOBCENTRE_ONLY, PERSON_ONLY
from jobnet.domain.problems import DFDG_RULES
from jobnet.web.journeys.messages import PROBLEMS


class FundProblem(StrEnum):
    """DFDG's refusals of the funds' reach table (`jobnet.domain.fund_reach`)."""

    JOBCENTRE_ONLY = JOBCENTRE_ONLY
    PERSON_ONLY = PERSON_ONLY


PROBLEMS.declare(
    FundProblem,
    {
        FundProblem.JOBCENTRE_ONLY: _l(
            "Summons and plans are the job centre's: an unemployment insurance fund cannot "
            "make or change them."
        ),
        FundProblem.PERSON_ONLY: _l(
            "This is the citizen's own: an unemployment insurance fund cannot read or change it."
        ),
    },
    rules=DFDG_RULES,
)
