"""The rules that give a person duties, as data: one row per rule, with the dates it is in force.

A change of law or of practice is a new row (with `effective_from` the day it takes effect, and
the old row given its `effective_until`), never an edit of the code that computes the duties
(`jobnet.domain.duties`). Each row says which contact groups it binds, how long the deadline is
where it has one, what happens if the duty is missed and where the rule comes from. The plain
words for a person live in the web app's catalogues, keyed by the row's `id` and `consequence`.

The sources are the ones the project brief names (shared/domain.md): the unemployment insurance
funds' public guidance to their members (2025-2026) for the duties of a person receiving
unemployment benefit, seed 002 (the executive order on recording employment data) for summons
and absences, and My Plan for the job-search requirement. `effective_from` is the first day this
model holds the rule for, not the day the law first said so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class DutyKind(StrEnum):
    CV = "cv"  # a searchable CV on Jobnet, approved
    JOBLOG = "joblog"  # job searching registered every week, as the plan requires
    INTERVIEW = "interview"  # attend a summons
    PLAN = "plan"  # read a new or revised version of My Plan
    HOLIDAY = "holiday"  # report a holiday before it starts
    BOOKING = "booking"  # book an interview the job centre asked the person to book


class Consequence(StrEnum):
    """What may happen when the duty is missed (stable codes; plain words in the web app)."""

    BENEFIT_STOPPED = "benefit_stopped"  # the fund may stop the benefit until it is done
    DEREGISTERED = "deregistered"  # the registration ends; the person must register again
    BENEFIT_REDUCED = "benefit_reduced"  # a sanction: the benefit for a period
    NOT_INFORMED = "not_informed"  # the person does not know what was agreed


class DutyAction(StrEnum):
    """What the person does to meet a duty (the web app links each to its page)."""

    PUBLISH_CV = "publish_cv"
    LOG_APPLICATIONS = "log_applications"
    READ_SUMMONS = "read_summons"
    READ_PLAN = "read_plan"
    REPORT_HOLIDAY = "report_holiday"
    BOOK_INTERVIEW = "book_interview"


ACTIONS: dict[DutyKind, DutyAction] = {
    DutyKind.CV: DutyAction.PUBLISH_CV,
    DutyKind.JOBLOG: DutyAction.LOG_APPLICATIONS,
    DutyKind.INTERVIEW: DutyAction.READ_SUMMONS,
    DutyKind.PLAN: DutyAction.READ_PLAN,
    DutyKind.HOLIDAY: DutyAction.REPORT_HOLIDAY,
    DutyKind.BOOKING: DutyAction.BOOK_INTERVIEW,
}

# Duties that arise only when the job centre asks (not with a registration).
ON_REQUEST = frozenset({DutyKind.BOOKING})

UNEMPLOYMENT_BENEFIT = frozenset({1})
# Annex 1 of seed 002: who may be on holiday (group 3 only in match group 1).
HOLIDAY_GROUPS = frozenset({1, 2, 3, 7, 8})

GUIDANCE = (
    "The unemployment insurance funds' guidance to members on the duties of a person receiving "
    "unemployment benefit (Lov om arbejdsløshedsforsikring m.v., availability), 2025-2026"
)
EXECUTIVE_ORDER = "Executive order on recording and reporting employment data (seed 002)"


@dataclass(frozen=True)
class DutyRule:
    """One rule, in force from `effective_from` to `effective_until` (both included)."""

    id: str
    kind: DutyKind
    # The contact groups bound; None binds everyone, with a contact group or without.
    contact_groups: frozenset[int] | None
    effective_from: date
    consequence: Consequence
    source: str
    effective_until: date | None = None
    # The deadline's length in days where the rule sets one (the CV: days after registration).
    days: int | None = None
    # For contact groups 2 and 3: the match groups bound, by contact group (absent: every one).
    match_groups: Mapping[int, frozenset[int]] = field(default_factory=dict)

    def in_force(self, day: date) -> bool:
        return self.effective_from <= day and (
            self.effective_until is None or day <= self.effective_until
        )

    def binds(self, contact_group: int | None, match_group: int | None) -> bool:
        if self.contact_groups is None:
            return True
        if contact_group is None or contact_group not in self.contact_groups:
            return False
        wanted = self.match_groups.get(contact_group)
        return wanted is None or match_group in wanted


RULES: tuple[DutyRule, ...] = (
    DutyRule(
        id="cv_searchable",
        kind=DutyKind.CV,
        contact_groups=UNEMPLOYMENT_BENEFIT,
        effective_from=date(2020, 1, 1),
        days=14,
        consequence=Consequence.BENEFIT_STOPPED,
        source=f"{GUIDANCE}: an active, searchable CV on Jobnet, approved no later than two "
        "weeks after the registration",
    ),
    DutyRule(
        id="joblog_weekly",
        kind=DutyKind.JOBLOG,
        contact_groups=UNEMPLOYMENT_BENEFIT,
        effective_from=date(2020, 1, 1),
        consequence=Consequence.BENEFIT_STOPPED,
        source=f"{GUIDANCE}: job searching registered in the job log on Jobnet at least once a "
        "week, as many applications as the requirement in My Plan (Krav til jobsøgning)",
    ),
    DutyRule(
        id="interview_attend",
        kind=DutyKind.INTERVIEW,
        contact_groups=None,
        effective_from=date(2020, 1, 1),
        consequence=Consequence.DEREGISTERED,
        source=f"{EXECUTIVE_ORDER}, chapters 3 and 5 (summons and interviews); {GUIDANCE}: "
        "attend the interviews and meetings the job centre and the fund summon to",
    ),
    DutyRule(
        id="plan_read",
        kind=DutyKind.PLAN,
        contact_groups=None,
        effective_from=date(2020, 1, 1),
        consequence=Consequence.NOT_INFORMED,
        source=f"{EXECUTIVE_ORDER}, chapters 8-9 (My Plan): the plan and its revisions are what "
        "the person and the job centre agreed",
    ),
    DutyRule(
        id="holiday_report",
        kind=DutyKind.HOLIDAY,
        contact_groups=HOLIDAY_GROUPS,
        match_groups={3: frozenset({1})},
        effective_from=date(2020, 1, 1),
        consequence=Consequence.BENEFIT_REDUCED,
        source=f"{EXECUTIVE_ORDER}, chapter 4 and Annex 1 (absences); {GUIDANCE}: report "
        "holidays and absences before they start",
    ),
    DutyRule(
        id="interview_book",
        kind=DutyKind.BOOKING,
        contact_groups=None,
        effective_from=date(2020, 1, 1),
        consequence=Consequence.DEREGISTERED,
        source=f"{EXECUTIVE_ORDER}, chapters 3 and 5 (summons and interviews): when the job "
        "centre asks the person to book an interview themself by a deadline, booking it is "
        "how they are summoned; not booking it is treated as not attending",
    ),
)


def rule_for(
    kind: DutyKind,
    day: date,
    contact_group: int | None,
    match_group: int | None,
    rules: tuple[DutyRule, ...] = RULES,
) -> DutyRule | None:
    """The rule of this kind in force on `day` that binds the contact group; the newest row
    wins when two overlap. Remembered for the rules in force (`RULES`, a constant): a person's
    duties ask a dozen times a view, for the same few days and groups."""
    if rules is not RULES:
        return _rule_for(kind, day, contact_group, match_group, rules)
    key = (kind, day, contact_group, match_group)
    known = _RULE_FOR.get(key, _UNKNOWN)
    if known is not _UNKNOWN:
        return known  # type: ignore[return-value]
    found = _rule_for(kind, day, contact_group, match_group, rules)
    if len(_RULE_FOR) >= _RULE_FOR_SIZE:
        _RULE_FOR.clear()
    _RULE_FOR[key] = found
    return found


_RULE_FOR: dict[tuple[DutyKind, date, int | None, int | None], DutyRule | None] = {}
# The rule for each key asked; `_UNKNOWN` when not asked yet (None is an answer: no rule binds).
_RULE_FOR_SIZE = 4096
_UNKNOWN = object()


def _rule_for(
    kind: DutyKind,
    day: date,
    contact_group: int | None,
    match_group: int | None,
    rules: tuple[DutyRule, ...],
) -> DutyRule | None:
    found = [
        rule
        for rule in rules
        if rule.kind == kind and rule.in_force(day) and rule.binds(contact_group, match_group)
    ]
    return max(found, key=lambda rule: rule.effective_from) if found else None
