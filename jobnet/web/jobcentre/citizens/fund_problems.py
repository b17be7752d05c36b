"""The words for DFDG's refusal of what is the job centre's alone to a fund's employee."""

from __future__ import annotations

from enum import StrEnum

from flask_babel import lazy_gettext as _l

from jobnet.domain.problems import DFDG_RULES
from jobnet.web.journeys.messages import PROBLEMS


class FundProblem(StrEnum):
    JOBCENTRE_ONLY = "jobcentre_only"


PROBLEMS.declare(
    FundProblem,
    {
        FundProblem.JOBCENTRE_ONLY: _l(
            "Summons and plans are the job centre's: an unemployment insurance fund cannot "
            "make or change them."
        ),
    },
    rules=DFDG_RULES,
)
