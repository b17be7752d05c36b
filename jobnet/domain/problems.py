"""The rule sets whose broken rules are named by a code, and the name each set goes by.

A code alone is not unique: `before_registration` is a rule of registrations (a deregistration
date) and of absences (a first day of sickness). DFDG names the set beside the code, and the web
app finds a message by both, so two rules can never share words by accident.
"""

from __future__ import annotations

from enum import StrEnum

from jobnet.domain.absences import AbsenceProblem
from jobnet.domain.booking import BookingProblem
from jobnet.domain.cannot_come import CannotComeProblem
from jobnet.domain.fields import FieldProblem
from jobnet.domain.fund_events import FundEventProblem
from jobnet.domain.interviews import InterviewProblem
from jobnet.domain.joblog_copies import CopyProblem
from jobnet.domain.jobseeker import RegistrationProblem
from jobnet.domain.messages import MessageProblem
from jobnet.domain.plans import PlanProblem
from jobnet.domain.standing import CoverageProblem
from jobnet.domain.summons import SummonsProblem

DFDG_RULES = "dfdg"  # DFDG's own codes, for what the domain does not decide

RULE_SETS: dict[str, type[StrEnum]] = {
    "registration": RegistrationProblem,
    "absence": AbsenceProblem,
    "coverage": CoverageProblem,
    "interview": InterviewProblem,
    "summons": SummonsProblem,
    "cannot_come": CannotComeProblem,
    "plan": PlanProblem,
    "field": FieldProblem,
    "message": MessageProblem,
    "fund_event": FundEventProblem,
    "booking": BookingProblem,
    "joblog_copy": CopyProblem,
}
_NAMES = {rule_set: name for name, rule_set in RULE_SETS.items()}


def rule_set_name(code: str) -> str:
    """The name of the set a code belongs to: its enum's, or DFDG's own for a plain string."""
    if isinstance(code, StrEnum):
        return _NAMES.get(type(code), DFDG_RULES)
    return DFDG_RULES
