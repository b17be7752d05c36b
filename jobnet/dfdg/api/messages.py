"""Messages between a person and their job centre (issue 23): the person's threads.

The person reads and writes their own threads; a caseworker of the person's job centre may
read them, start a thread with the person and answer (DFDG's access rules refuse anyone else).
The job centre's inbox is in `jobnet.dfdg.api.messages_jobcentre`. Every read and write is
audited; attachments are PDF, JPEG or PNG by their content. A thread started or answered by a
caseworker tells the person that something waits (`jobnet.dfdg.message_notices`).
"""

from __future__ import annotations

import base64

from flask import Response, jsonify
from sqlalchemy.orm import Session

from jobnet.dfdg.actor import current_actor
from jobnet.dfdg.api.blueprint import api, parse_body
from jobnet.dfdg.api.jobcentre_access import (
    jobcentre_of,
    jobcentre_write,
    person_for_subject_read,
)
from jobnet.dfdg.api.message_records import (
    NO_JOBCENTRE,
    add_message,
    attachment_out,
    checked_attachments,
    mark_read,
    message_violation,
    reader_of,
    summary_fields,
    thread_names,
    thread_out,
)
from jobnet.dfdg.api.records import PERSON_ID, RULE_RESPONSE, person_for_write
from jobnet.dfdg.audit import record_access
from jobnet.dfdg.context import request_session
from jobnet.dfdg.message_notices import tell_person_a_message_waits
from jobnet.dfdg.models.messages import MessageThread
from jobnet.dfdg.models.persons import Person
from jobnet.dfdg.queries import messages as message_queries
from jobnet.dfdg.rules import refuse, refuse_not_found
from jobnet.dfdg.schemas.base import Problem
from jobnet.dfdg.schemas.messages import (
    AttachmentContentOut,
    NewThreadRequest,
    ReplyRequest,
    ThreadListResponse,
    ThreadOut,
    ThreadSummaryOut,
)
from jobnet.domain.codes import ActorType

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

WRITE_RESPONSES = {
    403: ("A caseworker not of the person's job centre (`outside_organisation`)", Problem),
    404: ("No such person, or no such thread of this person", Problem),
    422: RULE_RESPONSE,
}


def _writer_check(session: Session, person_id: str, action: str) -> tuple[Person, str]:
    """The person (locked) and the CVR of the job centre the message is to or from: the
    person's own job centre for the person, the caseworker's (which must be it) for them."""
    actor = current_actor()
    if actor.type == ActorType.CITIZEN:
        person = person_for_write(session, person_id, action)
        code = person.municipality_code
        jobcentre = message_queries.jobcentre_of_municipality(session, code) if code else None
        if jobcentre is None:
            refuse(session, action, person.id, message_violation([("person_id", NO_JOBCENTRE)]))
        return person, jobcentre.cvr
    person, organisation = jobcentre_write(session, person_id, action)
    return person, organisation.cvr


def _person_to_read(session: Session, person_id: str, action: str) -> Person:
    """The person, read by themself or a caseworker of their job centre: their messages with
    the job centre are no one else's (an unemployment fund that sees its members' other data
    finds none; audited 404)."""
    person = person_for_subject_read(session, person_id, action)
    actor = current_actor()
    if actor.type != ActorType.CITIZEN and jobcentre_of(session, actor, person) is None:
        refuse_not_found(session, action, person.id, NO_THREAD)
    return person


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
    person = _person_to_read(session, person_id, LIST)
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
    person = _person_to_read(session, person_id, READ)
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
    person = _person_to_read(session, person_id, ATTACHMENT)
    thread = message_queries.of_person(session, person.id, thread_id)
    if thread is None:
        refuse_not_found(session, ATTACHMENT, person.id, NO_THREAD)
    return attachment_answer(session, thread, attachment_id)
