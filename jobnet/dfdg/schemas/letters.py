"""The body of the person's list of letters: what the job centre sent them, newest first."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import Field

from jobnet.dfdg.schemas.base import ResponseBody
from jobnet.domain.letters import LetterKind
from jobnet.domain.summons import InterviewType


class LetterOut(ResponseBody):
    kind: LetterKind
    letter_date: date = Field(
        description="The day the letter was sent: a summons change's letter date (§ 27(2)-(3)), "
        "a plan version's revision date, the day a booking request was withdrawn"
    )
    recorded_at: datetime = Field(description="When DFDG recorded it: orders a day's letters")
    organisation_cvr: str = Field(description="The job centre that sent it")
    number: int = Field(
        description="The summons' change number (1 is the summons itself), or the plan's "
        "version number (1 is the plan as made); 1 for a withdrawn booking request"
    )
    summons_id: str | None = Field(default=None, description="Set for the summons' letters")
    booking_id: str | None = Field(
        default=None, description="Set for a withdrawn booking request's letter"
    )
    interview_type: InterviewType | None = None
    starts_at: datetime | None = Field(
        default=None, description="The interview's time as this letter gave it (summons' letters)"
    )


class LetterListResponse(ResponseBody):
    person_id: str
    letters: list[LetterOut] = Field(description="Newest first")
