"""What each broken rule of absences means to a person. The absence rule set is shared by the
sickness, recovery and holiday journeys and the job centre's absence; it is declared once, here."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from jobnet.domain.absences import MAX_SHORT_MATERNITY_DAYS, AbsenceProblem
from jobnet.web.journeys.messages import PROBLEMS

PROBLEMS.declare(
    AbsenceProblem,
    {
        AbsenceProblem.NOT_REGISTERED: _l(
            "You must be registered as a jobseeker to report an absence in Jobnet."
        ),
        AbsenceProblem.REASON_NOT_ALLOWED: _l(
            "You cannot report this in Jobnet in your situation. Contact your job centre."
        ),
        AbsenceProblem.SICKNESS_BENEFIT_RECIPIENT: _l(
            "You receive sickness benefit, so you report sickness to your employer or your "
            "municipality's sickness benefit office, not in Jobnet."
        ),
        AbsenceProblem.IN_THE_FUTURE: _l("The date cannot be in the future."),
        AbsenceProblem.BEFORE_REGISTRATION: _l(
            "The first day of sickness cannot be before you were registered as a jobseeker."
        ),
        AbsenceProblem.ALREADY_SICK: _l(
            "You are already reported sick. Report recovery first if you have been fit in between."
        ),
        AbsenceProblem.NOT_SICK: _l(
            "You are not reported sick, so there is nothing to recover from."
        ),
        AbsenceProblem.BEFORE_SICKNESS: _l(
            "The date you were fit again cannot be before your first day of sickness."
        ),
        AbsenceProblem.HOLIDAY_STARTED: _l(
            "A holiday must be reported before it starts: the first day must be after today."
        ),
        AbsenceProblem.END_BEFORE_START: _l("The last day cannot be before the first day."),
        AbsenceProblem.OVERLAPS: _l(
            "The dates overlap another absence that is already registered. Choose other dates."
        ),
        AbsenceProblem.TOO_LONG: _l("A holiday can be at most one year long."),
        AbsenceProblem.MATERNITY_TOO_LONG: _l(
            "A short maternity or paternity leave needs its last day and can be at most "
            "%(days)s days long.",
            days=MAX_SHORT_MATERNITY_DAYS,
        ),
    },
)
