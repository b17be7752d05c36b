"""Bodies of the notice endpoints (issue 23): what the notifying system collects, and the
count of a job centre's unread messages for its caseworkers' daily e-mail."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from jobnet.dfdg.schemas.base import RequestBody, ResponseBody

MAX_COLLECT = 500


class NoticesQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    limit: int = Field(default=100, ge=1, le=MAX_COLLECT, description="At most this many")


class NoticeOut(ResponseBody):
    id: int = Field(description="The notice's number; acknowledge it when it is taken")
    person_id: str = Field(description="DFDG's id of the person something waits for")
    kind: Literal["message", "task", "letter"] = Field(
        description="What waits, and nothing more: a message, a task or a letter"
    )
    created_at: datetime


class NoticesResponse(ResponseBody):
    notices: list[NoticeOut]


class AcknowledgeRequest(RequestBody):
    ids: list[int] = Field(
        min_length=1, max_length=MAX_COLLECT, description="The notices the system has taken"
    )


class AcknowledgeResponse(ResponseBody):
    acknowledged: int = Field(description="How many were waiting and are now taken")


class UnreadCountResponse(ResponseBody):
    cvr: str
    unread: int = Field(
        description="Threads of the job centre's citizens with a message it has not read"
    )
