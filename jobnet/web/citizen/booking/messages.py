"""What each broken rule of booking an interview means, to the citizen and the caseworker."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from jobnet.domain.booking import CUTOFF_HOURS, MAX_CAPACITY, MAX_DEADLINE_DAYS, BookingProblem
from jobnet.web.journeys.messages import PROBLEMS

PROBLEMS.declare(
    BookingProblem,
    {
        BookingProblem.CAPACITY_OUT_OF_RANGE: _l(
            "A time can take 1 to %(most)s people.", most=MAX_CAPACITY
        ),
        BookingProblem.DEADLINE_IN_THE_PAST: _l("The deadline must be today or later."),
        BookingProblem.DEADLINE_TOO_FAR_AHEAD: _l(
            "The deadline can be at most %(days)s days ahead.", days=MAX_DEADLINE_DAYS
        ),
        BookingProblem.NO_SLOTS: _l("Choose at least one time to offer."),
        BookingProblem.TOO_MANY_SLOTS: _l("You have chosen too many times to offer."),
        BookingProblem.SLOT_UNKNOWN: _l("One of the times chosen is no longer on the list."),
        BookingProblem.SLOT_WRONG_FORM: _l(
            "Choose only times of the interview form you have chosen."
        ),
        BookingProblem.SLOT_STARTED: _l("One of the times chosen has already started."),
        BookingProblem.NOT_OFFERED: _l("Choose one of the times offered."),
        BookingProblem.SLOT_FULL: _l(
            "Someone else has just booked this time. Choose another time."
        ),
        BookingProblem.TOO_LATE: _l(
            "This time starts in less than %(hours)s hours and can no longer be booked. "
            "Choose another time.",
            hours=CUTOFF_HOURS,
        ),
        BookingProblem.TOO_LATE_TO_MOVE: _l(
            "Your interview starts in less than %(hours)s hours and can no longer be moved. "
            "Contact the job centre.",
            hours=CUTOFF_HOURS,
        ),
        BookingProblem.SAME_SLOT: _l("You have already booked this time."),
        BookingProblem.CLOSED: _l("The job centre has cancelled this booking."),
        BookingProblem.SLOT_BOOKED: _l("The time has bookings and cannot be removed."),
        BookingProblem.LETTER_MISSING: _l(
            "The citizen has booked the interview: enter the date the letter cancelling it is sent."
        ),
    },
)
