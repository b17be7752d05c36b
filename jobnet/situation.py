"""A jobseeker's situation as the journeys see it: DFDG's status plus what is still on its way.

A report the person sent a minute ago may still sit in the outbox (DFDG was down). The forms
must already count it — a pending sickness report means the person is sick, a pending holiday
blocks overlapping dates — or the person could be asked to send it again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from jobnet.clients.dfdg import PersonStatus
from jobnet.clients.dfdg_commands import (
    DEREGISTRATION,
    HOLIDAY,
    HOLIDAY_CANCELLATION,
    RECOVERY,
    REGISTRATION,
    SICKNESS,
)
from jobnet.domain.absences import Period
from jobnet.domain.jobseeker import CONTACT_GROUP_FOR_CATEGORY, INITIAL_MATCH_GROUP

JOURNEY_KINDS = {REGISTRATION, DEREGISTRATION, SICKNESS, RECOVERY, HOLIDAY, HOLIDAY_CANCELLATION}


@dataclass
class Situation:
    today: date
    full_name: str
    registered_since: date | None
    contact_group: int | None
    match_group: int | None
    sick_since: date | None
    absences: list[Period] = field(default_factory=list)
    pending: set[str] = field(default_factory=set)
    deregistration_date: date | None = None
    has_registration: bool = False
    holidays: list[Any] = field(default_factory=list)

    @property
    def is_registered(self) -> bool:
        return self.registered_since is not None


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def from_status(status: PersonStatus, pending: list[tuple[str, dict[str, Any]]]) -> Situation:
    """The situation from DFDG's status and the pending commands (kind, body), oldest first."""
    registration = status.registration
    period = status.contact_group
    situation = Situation(
        today=status.today,
        full_name=status.full_name,
        registered_since=registration.start_date if registration else None,
        contact_group=period.contact_group if period else None,
        match_group=period.match_group if period else None,
        sick_since=status.sickness.first_day if status.sickness else None,
        deregistration_date=registration.end_date if registration else None,
        has_registration=registration is not None,
        holidays=[h for h in status.holidays if not h.is_cancelled],
    )
    if situation.registered_since is None and period is not None:
        situation.registered_since = period.start_date
    if status.sickness:
        situation.absences.append(Period(status.sickness.first_day, None))
    for holiday in status.holidays:
        if not holiday.is_cancelled:
            situation.absences.append(Period(holiday.first_day, holiday.last_day))
    for kind, body in pending:
        _apply_pending(situation, kind, body)
    return situation


def _apply_pending(situation: Situation, kind: str, body: dict[str, Any]) -> None:
    situation.pending.add(kind)
    if kind == REGISTRATION:
        situation.has_registration = True
        situation.registered_since = _day(body.get("start_date"))
        group = CONTACT_GROUP_FOR_CATEGORY.get(body.get("category"))  # type: ignore[call-overload]
        situation.contact_group = group
        situation.match_group = INITIAL_MATCH_GROUP.get(group) if group else None
    elif kind == DEREGISTRATION:
        situation.deregistration_date = _day(body.get("date"))
    elif kind == SICKNESS:
        situation.sick_since = _day(body.get("first_day"))
        if situation.sick_since:
            situation.absences.append(Period(situation.sick_since, None))
    elif kind == RECOVERY:
        situation.absences = [p for p in situation.absences if p.end is not None]
        situation.sick_since = None
    elif kind == HOLIDAY:
        first, last = _day(body.get("first_day")), _day(body.get("last_day"))
        if first and last:
            situation.absences.append(Period(first, last))
