"""What the message endpoints share: threads, messages and attachments as DFDG answers them,
who has read what, and a message checked (attachments by their content) and added."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from jobnet.dfdg.actor import ActorContext
from jobnet.dfdg.api.files import CheckedFiles, checked_files, violation
from jobnet.dfdg.api.records import actor_out
from jobnet.dfdg.models.base import utcnow
from jobnet.dfdg.models.messages import Message, MessageAttachment, MessageThread
from jobnet.dfdg.queries import actors as actor_queries
from jobnet.dfdg.rules import RuleViolation
from jobnet.dfdg.schemas.messages import AttachmentIn, AttachmentOut, MessageOut, ThreadOut
from jobnet.domain.codes import ActorType
from jobnet.domain.messages import (
    CONTENT_TYPES,
    MAX_ATTACHMENT_BYTES,
    MAX_ATTACHMENTS,
    MAX_SUBJECT_LENGTH,
    MAX_TEXT_LENGTH,
    AttachmentKind,
    MessageProblem,
    check_message,
)

NO_JOBCENTRE = "no_jobcentre"

PROBLEM_WORDS: dict[str, str] = {
    MessageProblem.SUBJECT_REQUIRED: "A new thread needs a subject",
    MessageProblem.SUBJECT_TOO_LONG: f"The subject has at most {MAX_SUBJECT_LENGTH} characters",
    MessageProblem.TEXT_REQUIRED: "Write the message",
    MessageProblem.TEXT_TOO_LONG: f"The message has at most {MAX_TEXT_LENGTH} characters",
    MessageProblem.TOO_MANY_ATTACHMENTS: f"At most {MAX_ATTACHMENTS} attachments a message",
    MessageProblem.ATTACHMENT_TOO_BIG: f"An attachment has at most {MAX_ATTACHMENT_BYTES} bytes",
    MessageProblem.ATTACHMENT_KIND: "An attachment must be a PDF, JPEG or PNG (by its content)",
    MessageProblem.ATTACHMENT_EMPTY: "The attachment is empty",
    NO_JOBCENTRE: "No job centre serves the person's municipality",
}


# --- answers ----------------------------------------------------------------------------------


def attachment_out(attachment: MessageAttachment) -> AttachmentOut:
    kind = AttachmentKind(attachment.kind)
    return AttachmentOut(
        id=attachment.id,
        filename=attachment.filename,
        kind=kind,
        content_type=CONTENT_TYPES[kind],
        size=attachment.size,
    )


def message_out(message: Message, names: Mapping[str, str]) -> MessageOut:
    return MessageOut(
        id=message.id,
        number=message.number,
        text=message.text,
        sent_at=message.sent_at,
        sent_by=actor_out(message.by_type, message.by_name, message.by_organisation, names),
        reference=message.source_reference,
        read_at=message.read_at,
        read_by_name=message.read_by_name,
        attachments=[attachment_out(item) for item in message.attachments],
    )


def _from_the_other_side(message: Message, reader: str) -> bool:
    """Whether `message` was written by the other side than `reader` (citizen or job centre)."""
    by_person = message.by_type == ActorType.CITIZEN.value
    return by_person if reader == "jobcentre" else not by_person


def unread(thread: MessageThread, reader: str) -> bool:
    return any(_from_the_other_side(m, reader) and m.read_at is None for m in thread.messages)


def reader_of(actor: ActorContext) -> str:
    return "person" if actor.type == ActorType.CITIZEN else "jobcentre"


def summary_fields(thread: MessageThread, names: Mapping[str, str], reader: str) -> dict[str, Any]:
    return {
        "id": thread.id,
        "person_id": thread.person_id,
        "subject": thread.subject,
        "organisation_cvr": thread.organisation_cvr,
        "organisation_name": names.get(thread.organisation_cvr),
        "created_at": thread.created_at,
        "last_message_at": thread.last_message_at,
        "started_by_type": thread.started_by_type,
        "awaiting_answer": thread.awaiting_answer,
        "unread": unread(thread, reader),
        "message_count": len(thread.messages),
        "taken_by_id": thread.taken_by_id,
        "taken_by_name": thread.taken_by_name,
        "taken_at": thread.taken_at,
    }


def thread_names(session: Session, threads: Iterable[MessageThread]) -> dict[str, str]:
    cvrs: list[str | None] = []
    for thread in threads:
        cvrs.append(thread.organisation_cvr)
        cvrs += [message.by_organisation for message in thread.messages]
    return actor_queries.organisation_names(session, cvrs)


def thread_out(session: Session, thread: MessageThread, reader: str) -> ThreadOut:
    names = thread_names(session, [thread])
    return ThreadOut(
        **summary_fields(thread, names, reader),
        messages=[message_out(message, names) for message in thread.messages],
    )


def mark_read(thread: MessageThread, reader: str, actor: ActorContext) -> None:
    """The reader's side has read every message of the other side (first reading kept)."""
    now = utcnow()
    for message in thread.messages:
        if _from_the_other_side(message, reader) and message.read_at is None:
            message.read_at = now
            if reader == "jobcentre":
                message.read_by_name = actor.name


# --- writing ----------------------------------------------------------------------------------


def message_violation(problems: Sequence[tuple[str, str]]) -> RuleViolation:
    return violation(problems, PROBLEM_WORDS)


def checked_attachments(
    session: Session,
    action: str,
    person_id: str,
    *,
    subject: str | None,
    text: str,
    attachments: Sequence[AttachmentIn],
) -> CheckedFiles:
    """The attachments as (safe name, kind, content) once the message keeps every rule; an
    audited 422 naming each broken one otherwise."""
    return checked_files(
        session,
        action,
        person_id,
        field="attachments",
        items=attachments,
        rules=lambda facts: check_message(
            subject=subject, text=text, attachments=facts, needs_subject=subject is not None
        ),
        words=PROBLEM_WORDS,
    )


def add_message(
    thread: MessageThread,
    actor: ActorContext,
    text: str,
    attachments: CheckedFiles,
    reference: str | None,
) -> Message:
    """Append a message by `actor` to the thread; an answer by the job centre reads what it
    answers (the person's earlier messages count as read)."""
    now = utcnow()
    message = Message(
        number=len(thread.messages) + 1,
        text=text.strip(),
        sent_at=now,
        by_type=actor.type,
        by_id=actor.id,
        by_name=actor.name if actor.type != ActorType.CITIZEN else None,
        by_organisation=actor.organisation if actor.type == ActorType.CASEWORKER else None,
        source_reference=reference,
        attachments=[
            MessageAttachment(
                number=index + 1, filename=name, kind=kind.value, size=len(data), content=data
            )
            for index, (name, kind, data) in enumerate(attachments)
        ],
    )
    thread.messages.append(message)
    thread.last_message_at = now
    by_person = actor.type == ActorType.CITIZEN
    thread.awaiting_answer = by_person
    if not by_person:
        mark_read(thread, "jobcentre", actor)
    return message
