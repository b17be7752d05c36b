"""One summons letter as it was sent: the summons with the change its letter told (each change
is a letter, § 27(2)-(3)); the time, form and place are the change's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from jobnet.clients.dfdg_client.summons import Summons, SummonsChange
from jobnet.domain.letters import LetterKind, summons_letter_kind


@dataclass(frozen=True)
class SummonsLetter:
    summons: Summons
    change: SummonsChange

    @property
    def kind(self) -> LetterKind:
        return summons_letter_kind(self.change.kind)

    @property
    def starts_at(self) -> datetime:
        return self.change.starts_at

    @property
    def ends_at(self) -> datetime:
        return self.change.starts_at + timedelta(minutes=self.change.duration_minutes)


def summons_letter(summons: Summons, number: int) -> SummonsLetter | None:
    """The letter of change `number` of the summons; None when it has no such change."""
    change = next((item for item in summons.changes if item.number == number), None)
    return SummonsLetter(summons, change) if change is not None else None
