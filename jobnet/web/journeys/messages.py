"""What each broken rule means to a person, in their language.

The rules (jobnet.domain) and DFDG name a problem with a stable code; the forms and the receipts
of rejected reports both word it from here, so the same problem reads the same everywhere.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from flask_babel import lazy_gettext as _l

from jobnet.domain.absences import AbsenceProblem
from jobnet.domain.interviews import InterviewProblem
from jobnet.domain.jobseeker import MAX_JOB_TITLES, RegistrationProblem


class ProblemMessages(dict[tuple[str, str], Any]):
    """Messages keyed by the problem's kind as well as its code: two rule sets may use the same
    code (a plan's and an absence's `end_before_start`) and must keep their own words."""

    @staticmethod
    def key(problem: Enum | str) -> tuple[str, str]:
        kind = type(problem).__name__ if isinstance(problem, Enum) else ""
        return kind, str(problem.value if isinstance(problem, Enum) else problem)

    def __setitem__(self, problem: Any, message: Any) -> None:
        super().__setitem__(self.key(problem), message)

    def update(self, other: Any = (), **_: Any) -> None:  # type: ignore[override]
        for problem, message in dict(other).items():
            self[problem] = message

    def message_for(self, problem: Enum | str | None) -> Any | None:
        """The exact kind's message; for a bare code (from DFDG) the first kind that has it."""
        if problem is None:
            return None
        kind, code = self.key(problem)
        if kind and (kind, code) in self:
            return super().__getitem__((kind, code))
        return next((message for (_, c), message in self.items() if c == code), None)


PROBLEMS = ProblemMessages()
PROBLEMS.update(
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
        AbsenceProblem.NOT_REGISTERED: _l("You are not registered as a jobseeker."),
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
    }
)

PROBLEMS.update(
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
    }
)

GENERIC_REJECTION = _l("The employment database could not register it.")


def problem_message(problem: Enum | str | None) -> str:
    """The person's words for a problem (a rule's enum member, or DFDG's bare code); a general
    sentence for an unknown one."""
    message = PROBLEMS.message_for(problem)
    return str(message) if message is not None else str(GENERIC_REJECTION)
