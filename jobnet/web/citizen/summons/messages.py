"""What each broken rule of "I can't come" means to the person, and the reasons' words."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from jobnet.domain.cannot_come import MAX_NOTE_LENGTH, CannotComeProblem, CannotComeReason
from jobnet.web.journeys.messages import PROBLEMS

PROBLEMS.declare(
    CannotComeProblem,
    {
        CannotComeProblem.INTERVIEW_STARTED: _l(
            "The interview has started. Contact your job centre."
        ),
        CannotComeProblem.SUMMONS_CANCELLED: _l(
            "The interview is cancelled, so you do not need to come."
        ),
        CannotComeProblem.ALREADY_TOLD: _l(
            "You have already told the job centre that you cannot come at this time."
        ),
        CannotComeProblem.NOTE_TOO_LONG: _l(
            "The note can be at most %(most)s characters.", most=MAX_NOTE_LENGTH
        ),
        CannotComeProblem.NOTE_REQUIRED: _l("Write why you cannot come."),
    },
)

REASONS = {
    CannotComeReason.SICKNESS: _l("I am sick"),
    CannotComeReason.JOB_INTERVIEW: _l("I have a job interview at the same time"),
    CannotComeReason.WORK: _l("I am working"),
    CannotComeReason.SICK_CHILD: _l("My child is sick"),
    CannotComeReason.OTHER: _l("Another reason"),
}


def reason_label(code: str | None) -> str:
    try:
        return str(REASONS[CannotComeReason(str(code))])
    except (KeyError, ValueError):
        return str(code or "")
