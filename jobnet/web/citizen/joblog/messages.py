"""What each broken rule of a copy of an application means to the person."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from jobnet.domain.joblog_copies import MAX_COPIES, CopyProblem
from jobnet.web.journeys.messages import PROBLEMS

PROBLEMS.declare(
    CopyProblem,
    {
        CopyProblem.TOO_MANY_COPIES: _l(
            "An application can have at most %(most)s copies. Remove one first.", most=MAX_COPIES
        ),
        CopyProblem.COPY_TOO_BIG: _l("The copy is larger than 10 MB."),
        CopyProblem.COPY_KIND: _l("The copy is not a PDF, JPEG or PNG file."),
        CopyProblem.COPY_EMPTY: _l("The copy is an empty file."),
    },
)
