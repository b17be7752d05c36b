"""Which of a job centre's citizens need attention: duties overdue or due within a week.

Pure, on the duties `jobnet.domain.duties` computes for each person (the same list the person
sees). The decisions, stated in docs/domain.md:

- A duty needs attention when it is overdue, or to do with its deadline within the next
  `ATTENTION_DAYS` days (today included); a duty to do "at once" (no date: a new plan to read)
  needs it now. Standing duties (holidays) never do: they have no deadline.
- A summons the person has said they cannot come to ("I can't come") needs the job centre's
  attention until its time has passed, whatever its date: the job centre offers a new time.
- Persons with something overdue come first, then the soonest deadline; at most `MAX_LISTED`
  persons are listed (the job centre narrows by kind), so one look at the overview discloses,
  and the audit log records, a bounded number of persons.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from jobnet.domain.duties import Duties, Duty, DutyState
from jobnet.domain.duty_rules import DutyKind

ATTENTION_DAYS = 7
MAX_LISTED = 200


def attention_until(today: date) -> date:
    """The last day a deadline still counts as due soon."""
    return today + timedelta(days=ATTENTION_DAYS)


def needs_attention(duty: Duty, today: date, now: datetime) -> bool:
    if duty.standing:
        return False
    if duty.cannot_come and duty.due_at is not None:
        return duty.due_at > now
    if duty.state == DutyState.OVERDUE:
        return True
    if duty.state != DutyState.TO_DO:
        return False
    return duty.deadline is None or duty.deadline <= attention_until(today)


def attention(
    duties: Duties, today: date, now: datetime, kinds: Collection[DutyKind] = ()
) -> list[Duty]:
    """The person's duties that need attention (of `kinds` only, when given), in the order
    the person sees them."""
    return [
        duty
        for duty in duties.items
        if (not kinds or duty.kind in kinds) and needs_attention(duty, today, now)
    ]


@dataclass(frozen=True)
class PersonAttention:
    person_id: str
    family_name: str
    given_name: str
    duties: tuple[Duty, ...]

    @property
    def overdue(self) -> int:
        return sum(1 for duty in self.duties if duty.state == DutyState.OVERDUE)


def _order(item: PersonAttention) -> tuple[bool, date, str, str, str]:
    soonest = min((duty.deadline or date.min for duty in item.duties), default=date.max)
    return (item.overdue == 0, soonest, item.family_name, item.given_name, item.person_id)


def listed(found: Iterable[PersonAttention]) -> tuple[list[PersonAttention], int]:
    """The persons to list, overdue first then the soonest deadline, at most `MAX_LISTED`;
    and how many need attention in all."""
    ordered = sorted((item for item in found if item.duties), key=_order)
    return ordered[:MAX_LISTED], len(ordered)
