"""Messages between a person and their job centre (issue 23): what a message may hold.

A message has a subject (the thread's, when it starts one), a text and at most
`MAX_ATTACHMENTS` attachments of at most `MAX_ATTACHMENT_BYTES` each. An attachment is a PDF, a
JPEG or a PNG judged by its first bytes, never by its name or the type the browser claims: a
file named .pdf holding HTML is refused. Pure functions: no Flask, no database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

MAX_SUBJECT_LENGTH = 150
MAX_TEXT_LENGTH = 5000
MAX_ATTACHMENTS = 5
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_FILENAME_LENGTH = 200


class AttachmentKind(StrEnum):
    PDF = "pdf"
    JPEG = "jpeg"
    PNG = "png"


# The one content type each kind is served with (never one the uploader chose).
CONTENT_TYPES = {
    AttachmentKind.PDF: "application/pdf",
    AttachmentKind.JPEG: "image/jpeg",
    AttachmentKind.PNG: "image/png",
}
EXTENSIONS = {AttachmentKind.PDF: "pdf", AttachmentKind.JPEG: "jpg", AttachmentKind.PNG: "png"}

_MAGIC = (
    (b"%PDF-", AttachmentKind.PDF),
    (b"\xff\xd8\xff", AttachmentKind.JPEG),
    (b"\x89PNG\r\n\x1a\n", AttachmentKind.PNG),
)


class MessageProblem(StrEnum):
    SUBJECT_REQUIRED = "subject_required"
    SUBJECT_TOO_LONG = "subject_too_long"
    TEXT_REQUIRED = "text_required"
    TEXT_TOO_LONG = "text_too_long"
    TOO_MANY_ATTACHMENTS = "too_many_attachments"
    ATTACHMENT_TOO_BIG = "attachment_too_big"
    ATTACHMENT_KIND = "attachment_kind"
    ATTACHMENT_EMPTY = "attachment_empty"


def sniff_kind(head: bytes) -> AttachmentKind | None:
    """The kind of a file by its first bytes, or None when it is none DFDG keeps."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    return None


@dataclass(frozen=True)
class AttachmentFacts:
    """What the rules need of an attachment: its size and its first bytes."""

    size: int
    head: bytes


def safe_filename(name: str | None, kind: AttachmentKind) -> str:
    """A file name to keep and offer on download: no path, no control or quoting characters,
    at most MAX_FILENAME_LENGTH characters, ending in the extension of what the file is."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    kept = "".join(ch for ch in base if ch.isprintable() and ch not in '"<>:;|?*%')
    stem = kept.rsplit(".", 1)[0].strip(" .") if "." in kept else kept.strip(" .")
    stem = stem[: MAX_FILENAME_LENGTH - 5] or "bilag"
    return f"{stem}.{EXTENSIONS[kind]}"


def check_message(
    *,
    subject: str | None,
    text: str | None,
    attachments: Sequence[AttachmentFacts],
    needs_subject: bool,
) -> list[tuple[str, MessageProblem]]:
    """Every rule the message breaks, as (field, problem); empty when it may be sent.
    `needs_subject`: the message starts a thread (an answer has the thread's subject)."""
    problems: list[tuple[str, MessageProblem]] = []
    title = (subject or "").strip()
    if needs_subject and not title:
        problems.append(("subject", MessageProblem.SUBJECT_REQUIRED))
    elif len(title) > MAX_SUBJECT_LENGTH:
        problems.append(("subject", MessageProblem.SUBJECT_TOO_LONG))
    body = (text or "").strip()
    if not body:
        problems.append(("text", MessageProblem.TEXT_REQUIRED))
    elif len(body) > MAX_TEXT_LENGTH:
        problems.append(("text", MessageProblem.TEXT_TOO_LONG))
    if len(attachments) > MAX_ATTACHMENTS:
        problems.append(("attachments", MessageProblem.TOO_MANY_ATTACHMENTS))
    for index, facts in enumerate(attachments[:MAX_ATTACHMENTS]):
        field = f"attachments.{index}"
        if facts.size == 0:
            problems.append((field, MessageProblem.ATTACHMENT_EMPTY))
        elif facts.size > MAX_ATTACHMENT_BYTES:
            problems.append((field, MessageProblem.ATTACHMENT_TOO_BIG))
        elif sniff_kind(facts.head) is None:
            problems.append((field, MessageProblem.ATTACHMENT_KIND))
    return problems
