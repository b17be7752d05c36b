"""A jobseeker's situation as the journeys see it: DFDG's status plus what is still on its way.

A report the person sent a minute ago may still sit in the outbox (DFDG was down). The forms
must already count it — a pending sickness report means the person is sick, a pending holiday
blocks overlapping dates, a pending cancellation frees its holiday's dates — or the person could
be asked to send it again.

`absences` holds every period a new holiday must not overlap: each active absence DFDG holds
(the open sickness, the holidays, and what a job centre registered: maternity leave, civic duty,
military service …) and the absences still on their way, so the form refuses what DFDG would.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from jobnet.clients.dfdg_client.commands import (
    DEREGISTRATION,
    HOLIDAY,
    HOLIDAY_CANCELLATION,
    JOBCENTRE_ABSENCE,
    RECOVERY,
    REGISTRATION,
    SICKNESS,
    cancelled_absence_id,
)
from jobnet.clients.dfdg_client.status import Absence, PersonStatus
from jobnet.clients.dfdg_client.values import RecordedBy
from jobnet.domain.absences import Period
from jobnet.domain.jobseeker import CONTACT_GROUP_FOR_CATEGORY, INITIAL_MATCH_GROUP
from jobnet.domain.standing import last_covered_day, last_registered_day

if TYPE_CHECKING:
    from jobnet.web.store.models import OutboxCommand

JOURNEY_KINDS = {
    REGISTRATION,
    DEREGISTRATION,
    SICKNESS,
    RECOVERY,
    HOLIDAY,
    HOLIDAY_CANCELLATION,
    JOBCENTRE_ABSENCE,
}


@dataclass(frozen=True)
class PendingHoliday:
    """A holiday report received by Jobnet and not yet registered in DFDG (still in the outbox).

    It has no DFDG id yet, so it cannot be cancelled until it is registered."""

    first_day: date
    last_day: date
    reference: str | None


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
    # The last day of the person's contact group, when it has an end.
    group_until: date | None = None
    has_registration: bool = False
    holidays: list[Absence] = field(default_factory=list)
    # Holidays the person's deregistration ended before they began (kept to say so).
    ended_holidays: list[Absence] = field(default_factory=list)
    pending_holidays: list[PendingHoliday] = field(default_factory=list)
    # Who registered the registration and the open sickness in DFDG (None for a pending one).
    registered_by: RecordedBy | None = None
    sickness_by: RecordedBy | None = None
    # The open sickness among `absences`, so a recovery ends that one and not an open absence a
    # job centre registered.
    sickness_period: Period | None = None
    # The ids of registered holidays whose cancellation is still on its way to DFDG.
    cancelling: set[str] = field(default_factory=set)
    # Each DFDG absence's period among `absences`, by id, so a pending cancellation frees it.
    absence_periods: dict[str, Period] = field(default_factory=dict, repr=False)
    # Nothing is known of the person: someone never seen logged in while DFDG was away
    # (`jobnet.web.journeys.provisional`); only the journeys that need no status are open.
    unknown: bool = False

    @property
    def is_registered(self) -> bool:
        """Registered today: from the start, up to (not including) the deregistration day,
        also when that deregistration is still on its way to DFDG."""
        if self.registered_since is None:
            return False
        return self.deregistration_date is None or self.today < self.deregistration_date

    @property
    def last_registered_day(self) -> date | None:
        """The day before the deregistration day, when one is set."""
        return last_registered_day(self.deregistration_date)

    @property
    def sickness_ends_on(self) -> date | None:
        """The last day of the open sickness when a deregistration (registered, or on its way)
        ends it: the last registered day (`jobnet.domain.standing`)."""
        if self.sick_since is None or self.deregistration_date is None:
            return None
        return self.last_registered_day

    @property
    def covered_until(self) -> date | None:
        """The last day an absence may reach: before the deregistration day, within the
        contact group (`jobnet.domain.standing`)."""
        return last_covered_day(self.deregistration_date, self.group_until)

    @property
    def coming_holidays(self) -> list[Absence | PendingHoliday]:
        """Registered and pending holidays together, soonest first."""
        both: list[Absence | PendingHoliday] = [*self.holidays, *self.pending_holidays]
        return sorted(both, key=lambda holiday: holiday.first_day)


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def _active_absences(status: PersonStatus) -> list[Absence]:
    """Every active absence in the answer; an answer without `absences` (an older DFDG) still
    gives the open sickness and the holidays."""
    absences = status.absences or (
        *((status.sickness,) if status.sickness else ()),
        *status.holidays,
    )
    return [absence for absence in absences if not absence.is_cancelled]


def pending_changes(commands: Iterable[OutboxCommand]) -> list[tuple[str, dict[str, Any]]]:
    """(kind, body) of commands still on their way, oldest first, for `from_status`. A holiday
    cancellation names its holiday in its path, not its body: it is added as `absence_id`."""
    changes = []
    for command in sorted(commands, key=lambda c: (c.created_at, c.id)):
        body = dict(command.body)
        if command.kind == HOLIDAY_CANCELLATION:
            body["absence_id"] = cancelled_absence_id(command.path)
        changes.append((command.kind, body))
    return changes


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
        group_until=period.end_date if period else None,
        has_registration=registration is not None,
        holidays=[h for h in status.holidays if not h.is_cancelled],
        ended_holidays=[h for h in status.holidays if h.is_cancelled and h.ended_by_deregistration],
        registered_by=registration.created_by if registration else None,
        sickness_by=status.sickness.created_by if status.sickness else None,
    )
    if situation.registered_since is None and period is not None:
        situation.registered_since = period.start_date
    for absence in _active_absences(status):
        absence_period = Period(absence.first_day, absence.last_day)
        situation.absences.append(absence_period)
        situation.absence_periods[absence.id] = absence_period
        if status.sickness is not None and absence.id == status.sickness.id:
            situation.sickness_period = absence_period
    for kind, body in pending:
        _apply_pending(situation, kind, body)
    return situation


def _apply_pending(situation: Situation, kind: str, body: dict[str, Any]) -> None:
    situation.pending.add(kind)
    if kind == REGISTRATION:
        situation.has_registration = True
        situation.registered_since = _day(body.get("start_date"))
        category = body.get("category")
        group = next((g for c, g in CONTACT_GROUP_FOR_CATEGORY.items() if c == category), None)
        situation.contact_group = group
        situation.match_group = INITIAL_MATCH_GROUP.get(group) if group else None
        situation.registered_by = None
    elif kind == DEREGISTRATION:
        situation.deregistration_date = _day(body.get("date"))
    elif kind == SICKNESS:
        situation.sick_since = _day(body.get("first_day"))
        situation.sickness_by = None
        if situation.sick_since:
            situation.sickness_period = Period(situation.sick_since, None)
            situation.absences.append(situation.sickness_period)
    elif kind == RECOVERY:
        ended = situation.sickness_period
        situation.absences = [p for p in situation.absences if p is not ended]
        situation.sick_since = None
        situation.sickness_by = None
        situation.sickness_period = None
    elif kind == HOLIDAY:
        first, last = _day(body.get("first_day")), _day(body.get("last_day"))
        if first and last:
            situation.absences.append(Period(first, last))
            situation.pending_holidays.append(PendingHoliday(first, last, body.get("reference")))
    elif kind == HOLIDAY_CANCELLATION:
        absence_id = body.get("absence_id")
        if isinstance(absence_id, str) and absence_id in situation.absence_periods:
            situation.cancelling.add(absence_id)
            freed = situation.absence_periods[absence_id]
            situation.absences = [p for p in situation.absences if p is not freed]
    elif kind == JOBCENTRE_ABSENCE:
        first = _day(body.get("first_day"))
        if first:
            situation.absences.append(Period(first, _day(body.get("last_day"))))
