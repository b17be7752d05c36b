"""Absences and exemptions (chapter 4 and Annex 1): which reasons apply to which contact group.

Match groups narrow a reason only for contact groups 2 and 3, the groups that have one. Date
rules for the citizen's own reports (sickness, recovery, holiday) live here too, so the web forms
and DFDG check exactly the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

ALL_MATCH_GROUPS = frozenset({1, 2, 3})


class AbsenceReason(StrEnum):
    SICKNESS = "sickness"
    HOLIDAY = "holiday"
    MATERNITY_SHORT = "maternity_short"
    CIVIC_DUTY = "civic_duty"
    TEMPORARY_WORK = "temporary_work"
    PART_TIME_WORK = "part_time_work"
    HIRED_WITHIN_4_WEEKS = "hired_within_4_weeks"
    MATERNITY_WITHIN_4_WEEKS = "maternity_within_4_weeks"
    CARE_OF_OWN_CHILDREN = "care_of_own_children"
    CARE_OF_SICK_RELATIVE = "care_of_sick_relative"
    MILITARY_SERVICE = "military_service"
    SELF_CHOSEN_EDUCATION = "self_chosen_education"
    LIFE_THREATENING_ILLNESS = "life_threatening_illness"
    ILLNESS_AGGRAVATED_BY_WORK = "illness_aggravated_by_work"
    OLDER_WORKER_JOB = "older_worker_job"
    TRAINING = "training"


@dataclass(frozen=True)
class Allowed:
    """Contact groups a reason applies to; `match_groups` narrows groups 2 and 3."""

    groups: frozenset[int]
    match_groups: dict[int, frozenset[int]]

    def permits(self, contact_group: int, match_group: int | None) -> bool:
        if contact_group not in self.groups:
            return False
        wanted = self.match_groups.get(contact_group)
        if wanted is None or contact_group not in (2, 3):
            return True
        return match_group in wanted


def _allowed(groups: set[int], **match: set[int]) -> Allowed:
    narrowed = {int(key.removeprefix("g")): frozenset(value) for key, value in match.items()}
    return Allowed(frozenset(groups), narrowed)


# Annex 1, as summarised in shared/domain.md (groups 4 and 5 always together).
ANNEX_1: dict[AbsenceReason, Allowed] = {
    AbsenceReason.SICKNESS: _allowed({1, 2, 3, 4, 5, 7, 8}),
    AbsenceReason.HOLIDAY: _allowed({1, 2, 3, 7, 8}, g3={1}),
    AbsenceReason.MATERNITY_SHORT: _allowed({1, 2, 3, 4, 5, 7, 8}),
    AbsenceReason.CIVIC_DUTY: _allowed({1, 2, 3, 4, 5, 6, 7, 8}),
    AbsenceReason.TEMPORARY_WORK: _allowed({1, 2}, g2={1}),
    AbsenceReason.PART_TIME_WORK: _allowed({1}),
    AbsenceReason.HIRED_WITHIN_4_WEEKS: _allowed({1, 2, 4, 5}),
    AbsenceReason.MATERNITY_WITHIN_4_WEEKS: _allowed({1, 2, 4, 5}),
    AbsenceReason.CARE_OF_OWN_CHILDREN: _allowed({2, 3, 4, 5, 7}, g2={1, 2}, g3={1, 2}),
    AbsenceReason.CARE_OF_SICK_RELATIVE: _allowed({2, 3, 4, 5, 7}, g2={1, 2}, g3={1, 2}),
    AbsenceReason.MILITARY_SERVICE: _allowed({2, 4, 5, 7}, g2={1, 2}),
    AbsenceReason.SELF_CHOSEN_EDUCATION: _allowed({1, 7}),
    AbsenceReason.LIFE_THREATENING_ILLNESS: _allowed({2}),
    AbsenceReason.ILLNESS_AGGRAVATED_BY_WORK: _allowed({2, 3, 4, 5, 7}),
    AbsenceReason.OLDER_WORKER_JOB: _allowed({8}),
    AbsenceReason.TRAINING: _allowed({1, 2, 3}),
}

# What a citizen may report themself; the rest only a job centre registers.
CITIZEN_REASONS = frozenset({AbsenceReason.SICKNESS, AbsenceReason.HOLIDAY})
MAX_SHORT_MATERNITY_DAYS = 14


def reason_allowed(
    reason: AbsenceReason, contact_group: int | None, match_group: int | None
) -> bool:
    """True when `reason` may be recorded for a person in this contact (and match) group."""
    if contact_group is None:
        return False
    return ANNEX_1[reason].permits(contact_group, match_group)


def reasons_for(contact_group: int | None, match_group: int | None) -> list[AbsenceReason]:
    return [r for r in AbsenceReason if reason_allowed(r, contact_group, match_group)]


class AbsenceProblem(StrEnum):
    """Why an absence report breaks a rule; the web and DFDG word each one for their readers."""

    NOT_REGISTERED = "not_registered"
    REASON_NOT_ALLOWED = "reason_not_allowed"
    SICKNESS_BENEFIT_RECIPIENT = "sickness_benefit_recipient"
    IN_THE_FUTURE = "in_the_future"
    BEFORE_REGISTRATION = "before_registration"
    ALREADY_SICK = "already_sick"
    NOT_SICK = "not_sick"
    BEFORE_SICKNESS = "before_sickness"
    HOLIDAY_STARTED = "holiday_started"
    END_BEFORE_START = "end_before_start"
    OVERLAPS = "overlaps"
    TOO_LONG = "too_long"
    MATERNITY_TOO_LONG = "maternity_too_long"


@dataclass(frozen=True)
class Period:
    start: date
    end: date | None  # None: open (e.g. a sickness not yet ended)

    def overlaps(self, other: Period) -> bool:
        far = date.max
        return self.start <= (other.end or far) and other.start <= (self.end or far)


def check_sickness(
    first_day: date,
    today: date,
    *,
    contact_group: int | None,
    match_group: int | None,
    registered_since: date | None,
    open_sickness: bool,
) -> AbsenceProblem | None:
    if contact_group is None or registered_since is None:
        return AbsenceProblem.NOT_REGISTERED
    if contact_group == 6:
        return AbsenceProblem.SICKNESS_BENEFIT_RECIPIENT
    if not reason_allowed(AbsenceReason.SICKNESS, contact_group, match_group):
        return AbsenceProblem.REASON_NOT_ALLOWED
    if open_sickness:
        return AbsenceProblem.ALREADY_SICK
    if first_day > today:
        return AbsenceProblem.IN_THE_FUTURE
    if first_day < registered_since:
        return AbsenceProblem.BEFORE_REGISTRATION
    return None


def check_recovery(fit_day: date, today: date, *, sick_since: date | None) -> AbsenceProblem | None:
    if sick_since is None:
        return AbsenceProblem.NOT_SICK
    if fit_day > today:
        return AbsenceProblem.IN_THE_FUTURE
    if fit_day < sick_since:
        return AbsenceProblem.BEFORE_SICKNESS
    return None


def check_holiday(
    first_day: date,
    last_day: date,
    today: date,
    *,
    contact_group: int | None,
    match_group: int | None,
    registered_since: date | None,
    other_absences: list[Period],
) -> AbsenceProblem | None:
    if contact_group is None or registered_since is None:
        return AbsenceProblem.NOT_REGISTERED
    if not reason_allowed(AbsenceReason.HOLIDAY, contact_group, match_group):
        return AbsenceProblem.REASON_NOT_ALLOWED
    if first_day <= today:
        return AbsenceProblem.HOLIDAY_STARTED
    if last_day < first_day:
        return AbsenceProblem.END_BEFORE_START
    if (last_day - first_day).days >= 366:
        return AbsenceProblem.TOO_LONG
    wanted = Period(first_day, last_day)
    if any(wanted.overlaps(other) for other in other_absences):
        return AbsenceProblem.OVERLAPS
    return None


def holiday_can_be_cancelled(first_day: date, today: date) -> bool:
    """A holiday can be cancelled until the day it starts."""
    return first_day > today


def check_other_absence(
    reason: AbsenceReason,
    first_day: date,
    last_day: date | None,
    *,
    contact_group: int | None,
    match_group: int | None,
    other_absences: list[Period],
) -> AbsenceProblem | None:
    """An absence for a reason other than sickness and holiday, registered by a job centre.

    It may be open (no last day) except a short maternity/paternity leave, which lasts at most
    14 days.
    """
    if contact_group is None:
        return AbsenceProblem.NOT_REGISTERED
    if not reason_allowed(reason, contact_group, match_group):
        return AbsenceProblem.REASON_NOT_ALLOWED
    if last_day is not None and last_day < first_day:
        return AbsenceProblem.END_BEFORE_START
    if reason == AbsenceReason.MATERNITY_SHORT and (
        last_day is None or (last_day - first_day).days >= MAX_SHORT_MATERNITY_DAYS
    ):
        return AbsenceProblem.MATERNITY_TOO_LONG
    if any(Period(first_day, last_day).overlaps(other) for other in other_absences):
        return AbsenceProblem.OVERLAPS
    return None
