"""The person's letters from the job centre: the list (newest first). A letter's text is read
from its summons or plan version (`summons.py`, `plans.py`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from jobnet.clients.dfdg_client.calls import Calls
from jobnet.clients.dfdg_client.values import Actor, instant, optional_datetime


@dataclass(frozen=True)
class Letter:
    kind: str  # jobnet.domain.letters.LetterKind
    sent: date  # the day the letter was sent
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


def letter_from_json(data: Mapping[str, Any]) -> Letter:
    return Letter(
        kind=data["kind"],
        sent=date.fromisoformat(data["letter_date"]),
        recorded_at=instant(data["recorded_at"]),
        organisation_cvr=data["organisation_cvr"],
        number=int(data["number"]),
        summons_id=data.get("summons_id"),
        interview_type=data.get("interview_type"),
        starts_at=optional_datetime(data.get("starts_at")),
        booking_id=data.get("booking_id"),
    )


class LetterCalls(Calls):
    """The person's letters."""

    def letters(self, person_id: str, actor: Actor) -> list[Letter]:
        """Every letter the job centre sent the person, newest first (one audited read that
        marks nothing read)."""
        data = self._request("GET", f"/persons/{quote(person_id, safe='')}/letters", actor=actor)
        return [letter_from_json(item) for item in data["letters"]]
