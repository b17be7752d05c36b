"""Which letters the person has: one for each summons, each move and each cancellation (the
summons' change history, § 27(2)-(3)), and one for each version of the plan. Built from what
DFDG already answers; nothing is stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from jobnet.clients.dfdg_client.plans import JobPlan, PlanRevision
from jobnet.clients.dfdg_client.summons import Summons, SummonsChange, SummonsOverview

SUMMONS = "summons"
SUMMONS_MOVED = "summons_moved"
SUMMONS_CANCELLED = "summons_cancelled"
PLAN = "plan"
PLAN_REVISED = "plan_revised"

LETTER_KINDS = {"created": SUMMONS, "moved": SUMMONS_MOVED, "cancelled": SUMMONS_CANCELLED}


@dataclass(frozen=True)
class SummonsLetter:
    """The summons as one letter told it: the time, form and place after that change."""

    summons: Summons
    change: SummonsChange

    @property
    def starts_at(self) -> datetime:
        return self.change.starts_at

    @property
    def ends_at(self) -> datetime:
        return self.change.starts_at + timedelta(minutes=self.change.duration_minutes)


@dataclass(frozen=True)
class Letter:
    kind: str  # SUMMONS, SUMMONS_MOVED, SUMMONS_CANCELLED, PLAN, PLAN_REVISED
    sent: date  # the letter's date
    at: datetime  # when it was recorded: orders letters of the same day
    summons_id: str | None = None
    number: int = 0  # the summons' change number, or the plan's version number
    interview_type: str | None = None
    starts_at: datetime | None = None

    @property
    def is_summons(self) -> bool:
        return self.summons_id is not None


def summons_letters(overview: SummonsOverview) -> list[Letter]:
    items = (*overview.upcoming, *overview.cancelled, *overview.past)
    seen: set[str] = set()
    letters = []
    for summons in items:
        if summons.id in seen:
            continue
        seen.add(summons.id)
        for change in summons.changes:
            letters.append(
                Letter(
                    kind=LETTER_KINDS.get(change.kind, SUMMONS),
                    sent=change.letter_sent_date,
                    at=change.at,
                    summons_id=summons.id,
                    number=change.number,
                    interview_type=summons.type,
                    starts_at=change.starts_at,
                )
            )
    return letters


def _plan_letter(revision: PlanRevision) -> Letter:
    return Letter(
        kind=PLAN if revision.number == 1 else PLAN_REVISED,
        sent=revision.revision_date,
        at=revision.created_at,
        number=revision.number,
    )


def plan_letters(plan: JobPlan | None) -> list[Letter]:
    return [_plan_letter(revision) for revision in plan.revisions] if plan else []


def newest_first(letters: list[Letter]) -> list[Letter]:
    return sorted(letters, key=lambda letter: (letter.sent, letter.at), reverse=True)


def summons_letter(summons: Summons, number: int) -> SummonsLetter | None:
    """The letter of change `number` of the summons; None when it has no such change."""
    change = next((item for item in summons.changes if item.number == number), None)
    return SummonsLetter(summons, change) if change is not None else None
