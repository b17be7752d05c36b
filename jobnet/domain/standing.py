"""A person's standing on a given day: registered or not, in which contact group since when,
and until which day the law's reasons for absence can apply to them. Pure Python.

The deregistration day (§ 8(6)): the person chooses "the day from which" they are deregistered,
so on that day they are no longer registered. A registration's `end_date` is that day; the
contact-group period it opened ends the day before (§ 7(2): the last day the person is covered),
or, deregistered on the day it began, covers no day at all. Every place that asks "is the person
registered today?" asks `is_registered_on`, so Min side, the journeys and DFDG agree.

Absences (chapter 4, Annex 1) apply only while the person is in a contact group that allows them:
an absence cannot reach past the last day the person is covered (`last_covered_day`). A
deregistration ends the absences that reach past it (`absence_after_deregistration`), an open
sickness included: it ends on the last registered day, unless a recovery ends it before
(`sickness_runs_on`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


def is_registered_on(day: date, start: date, end: date | None) -> bool:
    """Registered on `day`: from the start date, up to (not including) the deregistration day."""
    return start <= day and (end is None or day < end)


def last_registered_day(end: date | None) -> date | None:
    """The last day of a registration deregistered from `end` (None: no deregistration)."""
    return None if end is None else end - timedelta(days=1)


def period_end_for_deregistration(period_start: date, deregistered_from: date) -> date:
    """The contact-group period's end date for a deregistration from `deregistered_from`: the
    day before it; a period deregistered on its first day keeps that day as its end (it is then
    `withdrawn`, covering no day; see `period_covers`)."""
    return max(period_start, deregistered_from - timedelta(days=1))


def period_covers(
    day: date, start: date, end: date | None, deregistered_from: date | None = None
) -> bool:
    """Does a contact-group period cover `day`? A period whose registration was deregistered
    from `deregistered_from` covers no day from then on (also when withdrawn on its first day)."""
    if deregistered_from is not None and day >= deregistered_from:
        return False
    return start <= day and (end is None or day <= end)


def last_covered_day(deregistered_from: date | None, group_end: date | None) -> date | None:
    """The last day the person is registered and in their contact group (None: open-ended)."""
    days = [d for d in (last_registered_day(deregistered_from), group_end) if d is not None]
    return min(days) if days else None


@dataclass(frozen=True)
class GroupPeriod:
    """A contact-group period as the rules need it."""

    contact_group: int
    start: date
    end: date | None


def contact_group_since(periods: Sequence[GroupPeriod], day: date) -> date | None:
    """The day the person's contact group on `day` began: the start of the unbroken run of
    periods in the same contact group (a new match group starts a new period, not a new group).
    None when no period covers `day`."""
    ordered = sorted(periods, key=lambda p: p.start)
    current = next(
        (p for p in reversed(ordered) if p.start <= day and (p.end is None or day <= p.end)),
        None,
    )
    if current is None:
        return None
    since = current.start
    for period in reversed(ordered):
        if period.start >= since or period.contact_group != current.contact_group:
            continue
        if period.end is not None and period.end + timedelta(days=1) == since:
            since = period.start
    return since


class CoverageProblem(StrEnum):
    """An absence outside the days the person is registered and in their contact group."""

    AFTER_REGISTRATION = "after_registration_ends"
    BEFORE_REGISTRATION = "before_registration_starts"


def check_absence_coverage(
    first_day: date,
    last_day: date | None,
    *,
    registered_since: date | None,
    covered_until: date | None,
) -> CoverageProblem | None:
    """An absence lies within the person's registration and contact group (chapter 4): not
    starting before it, not reaching past its last day. An open absence (no last day) is ended
    by the deregistration, so only its first day must be covered."""
    if registered_since is not None and first_day < registered_since:
        return CoverageProblem.BEFORE_REGISTRATION
    if covered_until is None:
        return None
    if first_day > covered_until or (last_day is not None and last_day > covered_until):
        return CoverageProblem.AFTER_REGISTRATION
    return None


class AfterDeregistration(StrEnum):
    """What a deregistration does to an absence that reaches past it."""

    KEEP = "keep"  # over before the deregistration day
    SHORTEN = "shorten"  # begins before it: ends the day before
    END = "end"  # begins on or after it: it never applies


def absence_after_deregistration(
    first_day: date, last_day: date | None, deregistered_from: date
) -> AfterDeregistration:
    """The law ends an absence with the registration: a holiday (or other absence) running past
    the deregistration day is shortened to end the day before; one that would begin on or
    after that day is ended (it keeps its row, marked as ended by the deregistration). An open
    absence (a sickness with no last day yet) reaches past every day, so it is shortened to the
    last registered day too."""
    if first_day >= deregistered_from:
        return AfterDeregistration.END
    if last_day is None or last_day >= deregistered_from:
        return AfterDeregistration.SHORTEN
    return AfterDeregistration.KEEP


def sickness_runs_on(
    day: date, last_day: date | None, *, fit_day: date | None, ended_by_deregistration: bool
) -> bool:
    """Is a (not cancelled) sickness still running on `day`: open, or ended by a deregistration
    from a later day (its last day is the last registered day, and a recovery before then still
    ends it earlier)? A recovery (`fit_day`) has ended it for good."""
    if fit_day is not None:
        return False
    if last_day is None:
        return True
    return ended_by_deregistration and day <= last_day
