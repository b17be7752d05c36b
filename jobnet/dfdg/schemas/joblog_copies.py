"""Bodies of the job log's copies of applications (issue 22)."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from jobnet.dfdg.schemas.base import ActorOut, Reference, RequestBody, ResponseBody
from jobnet.dfdg.schemas.messages import AttachmentIn
from jobnet.domain.joblog_copies import MAX_COPIES
from jobnet.domain.messages import AttachmentKind

COPIES_DESCRIPTION = (
    f"Copies of the application to attach (at most {MAX_COPIES} on an entry): PDF, JPEG or PNG "
    "by content, at most 10 MB each (`copy_kind`, `copy_too_big`, `copy_empty`, "
    "`too_many_copies`)"
)


class CopiesRequest(RequestBody):
    copies: list[AttachmentIn] = Field(min_length=1, max_length=20, description=COPIES_DESCRIPTION)
    reference: Reference | None = None


class CopyOut(ResponseBody):
    id: str
    entry_id: str
    filename: str = Field(description="A safe name ending in the kind's extension")
    kind: AttachmentKind
    content_type: str = Field(description="The content type to serve it with")
    size: int
    created_at: datetime
    created_by: ActorOut
    source_reference: str | None
    removed_at: datetime | None = Field(
        default=None, description="When it was removed (its content is deleted then)"
    )
    removed_by: ActorOut | None = None


class CopyContentOut(CopyOut):
    content: str = Field(description="The file, base64")
