"""Bodies of the message endpoints: a person's threads, a job centre's inbox, attachments."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from jobnet.dfdg.schemas.base import ActorOut, Reference, RequestBody, ResponseBody
from jobnet.domain.messages import (
    MAX_ATTACHMENT_BYTES,
    MAX_ATTACHMENTS,
    MAX_SUBJECT_LENGTH,
    MAX_TEXT_LENGTH,
    AttachmentKind,
)

# Base64 of the largest attachment, and a little room: a bigger one is refused by its size
# rule (`attachment_too_big`), not by the body's shape.
MAX_BASE64_LENGTH = (MAX_ATTACHMENT_BYTES * 4) // 3 + 1024 * 1024


class AttachmentIn(RequestBody):
    filename: str = Field(min_length=1, max_length=1000, description="The file's name as sent")
    content: str = Field(
        max_length=MAX_BASE64_LENGTH,
        description="The file, base64 (RFC 4648). PDF, JPEG or PNG by its content, at most "
        f"{MAX_ATTACHMENT_BYTES} bytes (`attachment_kind`, `attachment_too_big`)",
    )


class NewThreadRequest(RequestBody):
    """A new thread: by the person to their job centre, or by a caseworker of it."""

    subject: str = Field(max_length=2000, description=f"At most {MAX_SUBJECT_LENGTH} characters")
    text: str = Field(max_length=50000, description=f"At most {MAX_TEXT_LENGTH} characters")
    attachments: list[AttachmentIn] = Field(
        default_factory=list, max_length=50, description=f"At most {MAX_ATTACHMENTS}"
    )
    reference: Reference | None = None


class ReplyRequest(RequestBody):
    """A message in an existing thread."""

    text: str = Field(max_length=50000, description=f"At most {MAX_TEXT_LENGTH} characters")
    attachments: list[AttachmentIn] = Field(
        default_factory=list, max_length=50, description=f"At most {MAX_ATTACHMENTS}"
    )
    reference: Reference | None = None


class TakeRequest(RequestBody):
    """Take the thread (the acting caseworker has it), or give it back (`release`)."""

    release: bool = False


class AttachmentOut(ResponseBody):
    id: str
    filename: str = Field(description="A safe name ending in the kind's extension")
    kind: AttachmentKind
    content_type: str = Field(description="The content type to serve it with")
    size: int


class AttachmentContentOut(AttachmentOut):
    content: str = Field(description="The file, base64")


class MessageOut(ResponseBody):
    id: str
    number: int = Field(description="1 is the message that began the thread")
    text: str
    sent_at: datetime
    sent_by: ActorOut
    reference: str | None
    read_at: datetime | None = Field(
        description="When the other side first read it (the job centre, or the person)"
    )
    read_by_name: str | None = Field(description="Who of the job centre read it")
    attachments: list[AttachmentOut]


class ThreadSummaryOut(ResponseBody):
    id: str
    person_id: str
    subject: str
    organisation_cvr: str
    organisation_name: str | None
    created_at: datetime
    last_message_at: datetime
    started_by_type: str
    awaiting_answer: bool = Field(description="The job centre has not answered the last message")
    unread: bool = Field(description="A message the reader's side has not read yet")
    message_count: int
    taken_by_id: str | None
    taken_by_name: str | None
    taken_at: datetime | None


class ThreadOut(ThreadSummaryOut):
    messages: list[MessageOut] = Field(description="Oldest first")


class ThreadListResponse(ResponseBody):
    person_id: str
    threads: list[ThreadSummaryOut] = Field(description="Newest last message first")


class InboxThreadOut(ThreadSummaryOut):
    given_name: str
    family_name: str


class InboxResponse(ResponseBody):
    cvr: str
    show: str
    threads: list[InboxThreadOut] = Field(description="Newest last message first")


class InboxQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    show: Literal["all", "unread", "unanswered"] = Field(
        default="all",
        description="unread: a message of the person the job centre has not read; "
        "unanswered: the person's last message is not answered",
    )
