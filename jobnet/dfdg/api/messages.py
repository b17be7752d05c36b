"""Messages between a person and their job centre (issue 23): the person's threads.

The person reads and writes their own threads; a caseworker of the person's job centre may
read them, start a thread with the person and answer (DFDG's access rules refuse anyone else).
The job centre's inbox is in `jobnet.dfdg.api.messages_jobcentre`. Every read and write is
audited; attachments are PDF, JPEG or PNG by their content. A thread started or answered by a
caseworker tells the person that something waits (`jobnet.dfdg.message_notices`).
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from flask import Response, jsonify
from sqlalchemy.orm import Session

from jobnet.dfdg.actor import ActorContext, current_actor
from jobnet.dfdg.api.blueprint import api, parse_body
from jobnet.dfdg.api.jobcentre_access import actor_out, jobcentre_write, person_for_subject_read
from jobnet.dfdg.api.records import PERSON_ID, RULE_RESPONSE, person_for_write
from jobnet.dfdg.audit import record_access
from jobnet.dfdg.context import request_session
from jobnet.dfdg.message_notices import tell_person_a_message_waits
from jobnet.dfdg.models.base import utcnow
from jobnet.dfdg.models.messages import Message, MessageAttachment, MessageThread
from jobnet.dfdg.models.persons import Person
from jobnet.dfdg.problems import field_error, validation_problem
from jobnet.dfdg.queries import actors as actor_queries
from jobnet.dfdg.queries import messages as message_queries
from jobnet.dfdg.rules import RuleViolation, refuse, refuse_not_found
from jobnet.dfdg.schemas.base import FieldError, Problem
from jobnet.dfdg.schemas.messages import (
    AttachmentContentOut,
    AttachmentIn,
    AttachmentOut,
    MessageOut,
    NewThreadRequest,
    ReplyRequest,
    ThreadListResponse,
    ThreadOut,
    ThreadSummaryOut,
)
from jobnet.domain.codes import ActorType
from jobnet.domain.messages import (
    CONTENT_TYPES,
    MAX_ATTACHMENT_BYTES,
    MAX_ATTACHMENTS,
    MAX_SUBJECT_LENGTH,
    MAX_TEXT_LENGTH,
    AttachmentFacts,
    AttachmentKind,
    MessageProblem,
    check_message,
    safe_filename,
    sniff_kind,
)
from jobnet.domain.problems import rule_set_name

TAGS = ("messages",)
LIST = "messages.list"
READ = "messages.read"
START = "messages.start"
SEND = "messages.send"
ATTACHMENT = "messages.attachment"

THREAD_ID = {**PERSON_ID, "thread_id": "The thread's id"}
ATTACHMENT_ID = {**THREAD_ID, "attachment_id": "The attachment's id"}
NO_THREAD = "The person has no thread with this id"
NO_ATTACHMENT = "The thread has no attachment with this id"
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
WRITE_RESPONSES = {
    403: ("A caseworker not of the person's job centre (`outside_organisation`)", Problem),
    404: ("No such person, or no such thread of this person", Problem),
    422: RULE_RESPONSE,
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


def _decoded(items: Sequence[AttachmentIn]) -> list[bytes]:
    contents: list[bytes] = []
    errors: list[FieldError] = []
    for index, item in enumerate(items):
        try:
            contents.append(base64.b64decode(item.content, validate=True))
        except (binascii.Error, ValueError):
            field = f"attachments.{index}.content"
            errors.append(field_error(field, "not_base64", "Must be base64 (RFC 4648)"))
    if errors:
        raise validation_problem(errors)
    return contents


def _violation(problems: Sequence[tuple[str, str]]) -> RuleViolation:
    errors = [
        FieldError(
            field=field, code=code, message=PROBLEM_WORDS.get(code, code), rules=rule_set_name(code)
        )
        for field, code in problems
    ]
    error = RuleViolation(errors[0].code, errors)
    error.detail = PROBLEM_WORDS.get(errors[0].code, errors[0].code)
    return error


def checked_attachments(
    session: Session,
    action: str,
    person_id: str,
    *,
    subject: str | None,
    text: str,
    attachments: Sequence[AttachmentIn],
) -> list[tuple[str, AttachmentKind, bytes]]:
    """The attachments as (safe name, kind, content) once the message keeps every rule; an
    audited 422 naming each broken one otherwise."""
    contents = _decoded(attachments)
    facts = [AttachmentFacts(size=len(content), head=content[:16]) for content in contents]
    problems = check_message(
        subject=subject, text=text, attachments=facts, needs_subject=subject is not None
    )
    if problems:
        refuse(session, action, person_id, _violation(problems))
    kept: list[tuple[str, AttachmentKind, bytes]] = []
    for item, content in zip(attachments, contents, strict=True):
        kind = sniff_kind(content[:16])
        assert kind is not None  # checked above
        kept.append((safe_filename(item.filename, kind), kind, content))
    return kept


def add_message(
    thread: MessageThread,
    actor: ActorContext,
    text: str,
    attachments: Sequence[tuple[str, AttachmentKind, bytes]],
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


def _writer_check(session: Session, person_id: str, action: str) -> tuple[Person, str]:
    """The person (locked) and the CVR of the job centre the message is to or from: the
    person's own job centre for the person, the caseworker's (which must be it) for them."""
    actor = current_actor()
    if actor.type == ActorType.CITIZEN:
        person = person_for_write(session, person_id, action)
        code = person.municipality_code
        jobcentre = message_queries.jobcentre_of_municipality(session, code) if code else None
        if jobcentre is None:
            refuse(session, action, person.id, _violation([("person_id", NO_JOBCENTRE)]))
        return person, jobcentre.cvr
    person, organisation = jobcentre_write(session, person_id, action)
    return person, organisation.cvr


# --- the person's threads -----------------------------------------------------------------------


@api.route(
    "GET",
    "/persons/<person_id>/message-threads",
    summary="The person's message threads with their job centre, newest first",
    description="`unread`: a message of the other side the reader's side has not read (for the "
    "person: an answer; for a caseworker: the person's message). Audited.",
    tags=TAGS,
    path_params=PERSON_ID,
    responses={
        200: ("The threads", ThreadListResponse),
        404: ("No person has this id", Problem),
    },
    actor_headers=True,
)
def list_threads(person_id: str) -> Response:
    session = request_session()
    person = person_for_subject_read(session, person_id, LIST)
    threads = message_queries.for_person(session, person.id)
    names = thread_names(session, threads)
    reader = reader_of(current_actor())
    record_access(session, LIST, person_id=person.id)
    body = ThreadListResponse(
        person_id=person.id,
        threads=[ThreadSummaryOut(**summary_fields(t, names, reader)) for t in threads],
    )
    return jsonify(body.model_dump(mode="json"))


@api.route(
    "GET",
    "/persons/<person_id>/message-threads/<thread_id>",
    summary="One thread of the person with its messages, oldest first",
    description="The person reading their own thread marks the job centre's messages read; a "
    "caseworker's read here does not (the job centre reads through its inbox). Audited.",
    tags=TAGS,
    path_params=THREAD_ID,
    responses={200: ("The thread", ThreadOut), 404: ("No such person or thread", Problem)},
    actor_headers=True,
)
def get_thread(person_id: str, thread_id: str) -> Response:
    session = request_session()
    person = person_for_subject_read(session, person_id, READ)
    thread = message_queries.of_person(session, person.id, thread_id)
    if thread is None:
        refuse_not_found(session, READ, person.id, NO_THREAD)
    actor = current_actor()
    record_access(session, READ, person_id=person.id)
    body = thread_out(session, thread, reader_of(actor))
    if actor.type == ActorType.CITIZEN:
        mark_read(thread, "person", actor)
    return jsonify(body.model_dump(mode="json"))


@api.route(
    "POST",
    "/persons/<person_id>/message-threads",
    summary="Start a thread: the person writes to their job centre, or a caseworker of it "
    "writes to the person",
    description="Subject, text and at most 5 attachments (PDF, JPEG, PNG by content, at most "
    "10 MB each). 422 `subject_required`, `subject_too_long`, `text_required`, "
    "`text_too_long`, `too_many_attachments`, `attachment_too_big`, `attachment_kind`, "
    "`attachment_empty`, `no_jobcentre`. A caseworker's thread tells the person something waits.",
    tags=TAGS,
    path_params=PERSON_ID,
    request_body=NewThreadRequest,
    responses={201: ("The new thread", ThreadOut), **WRITE_RESPONSES},
    actor_headers=True,
    idempotent=True,
)
def start_thread(person_id: str) -> tuple[Response, int]:
    session = request_session()
    body = parse_body(NewThreadRequest)
    person, cvr = _writer_check(session, person_id, START)
    files = checked_attachments(
        session,
        START,
        person.id,
        subject=body.subject,
        text=body.text,
        attachments=body.attachments,
    )
    actor = current_actor()
    thread = MessageThread(
        person_id=person.id,
        organisation_cvr=cvr,
        subject=body.subject.strip(),
        started_by_type=actor.type,
        awaiting_answer=False,
        messages=[],
    )
    session.add(thread)
    add_message(thread, actor, body.text, files, body.reference)
    session.flush()
    record_access(session, START, person_id=person.id)
    if actor.type != ActorType.CITIZEN:
        tell_person_a_message_waits(session, person.id)
    return jsonify(thread_out(session, thread, reader_of(actor)).model_dump(mode="json")), 201


@api.route(
    "POST",
    "/persons/<person_id>/message-threads/<thread_id>/messages",
    summary="Write in a thread: the person, or a caseworker of their job centre answering",
    description="Text and at most 5 attachments; the rules of a new thread but the subject. An "
    "answer by a caseworker marks the person's messages read and tells the person.",
    tags=TAGS,
    path_params=THREAD_ID,
    request_body=ReplyRequest,
    responses={201: ("The thread with the new message", ThreadOut), **WRITE_RESPONSES},
    actor_headers=True,
    idempotent=True,
)
def reply(person_id: str, thread_id: str) -> tuple[Response, int]:
    session = request_session()
    body = parse_body(ReplyRequest)
    person, _cvr = _writer_check(session, person_id, SEND)
    thread = message_queries.of_person(session, person.id, thread_id)
    if thread is None:
        refuse_not_found(session, SEND, person.id, NO_THREAD)
    return write_in_thread(session, thread, body)


def write_in_thread(
    session: Session, thread: MessageThread, body: ReplyRequest
) -> tuple[Response, int]:
    """Add the actor's message to the thread (checked, audited, the person told)."""
    files = checked_attachments(
        session, SEND, thread.person_id, subject=None, text=body.text, attachments=body.attachments
    )
    actor = current_actor()
    add_message(thread, actor, body.text, files, body.reference)
    session.flush()
    record_access(session, SEND, person_id=thread.person_id)
    if actor.type != ActorType.CITIZEN:
        tell_person_a_message_waits(session, thread.person_id)
    return jsonify(thread_out(session, thread, reader_of(actor)).model_dump(mode="json")), 201


def attachment_answer(session: Session, thread: MessageThread, attachment_id: str) -> Response:
    found = message_queries.attachment(session, thread.id, attachment_id)
    if found is None:
        refuse_not_found(session, ATTACHMENT, thread.person_id, NO_ATTACHMENT)
    record_access(session, ATTACHMENT, person_id=thread.person_id)
    out = attachment_out(found)
    body = AttachmentContentOut(
        **out.model_dump(), content=base64.b64encode(found.content).decode("ascii")
    )
    return jsonify(body.model_dump(mode="json"))


@api.route(
    "GET",
    "/persons/<person_id>/message-threads/<thread_id>/attachments/<attachment_id>",
    summary="One attachment of a message in the person's thread, with its content (base64)",
    description="Serve it with `content_type` as an attachment (Content-Disposition), never "
    "inline. Audited.",
    tags=TAGS,
    path_params=ATTACHMENT_ID,
    responses={
        200: ("The attachment", AttachmentContentOut),
        404: ("No such person, thread or attachment", Problem),
    },
    actor_headers=True,
)
def get_attachment(person_id: str, thread_id: str, attachment_id: str) -> Response:
    session = request_session()
    person = person_for_subject_read(session, person_id, ATTACHMENT)
    thread = message_queries.of_person(session, person.id, thread_id)
    if thread is None:
        refuse_not_found(session, ATTACHMENT, person.id, NO_THREAD)
    return attachment_answer(session, thread, attachment_id)
