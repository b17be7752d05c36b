"""The person's letters from the job centre: the list (newest first). A letter's text is read
from its summons or plan version (`summons.py`, `plans.py`)."""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import quote

from pydantic import Field

from jobnet.clients.dfdg_client.calls import Calls
from jobnet.clients.dfdg_client.values import Actor, Renamed, Value, parse


class Letter(Renamed):
    kind: str  # jobnet.domain.letters.LetterKind
    sent: date = Field(validation_alias="letter_date")  # the day the letter was sent
    recorded_at: datetime
    organisation_cvr: str
    number: int  # the summons' change number, or the plan's version number
    summons_id: str | None = None
    interview_type: str | None = None
    starts_at: datetime | None = None  # the interview's time as the letter gave it
    booking_id: str | None = None  # a booking request withdrawn before it was booked

    @property
    def is_summons(self) -> bool:
        return self.summons_id is not None


class _Letters(Value):
    letters: tuple[Letter, ...]


class LetterCalls(Calls):
    """The person's letters."""

    def letters(self, person_id: str, actor: Actor) -> list[Letter]:
        """Every letter the job centre sent the person, newest first (one audited read that
        marks nothing read)."""
        data = self._request("GET", f"/persons/{quote(person_id, safe='')}/letters", actor=actor)
        return list(parse(_Letters, data).letters)
