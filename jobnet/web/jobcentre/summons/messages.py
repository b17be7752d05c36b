"""What each broken rule of a summons means to the caseworker."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from jobnet.domain.summons import MAX_DURATION_MINUTES, MIN_DURATION_MINUTES, SummonsProblem
from jobnet.web.journeys.messages import PROBLEMS

PROBLEMS.declare(
    SummonsProblem,
    {
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
    },
)
