"""A job centre's messages (issue 23): its inbox, and its threads read, taken and answered.

Only a caseworker of the job centre (`cvr`) calls these (403 otherwise, audited), with a
purpose. A thread is the job centre's when its person lives in the job centre's municipality;
any other thread is not found (404, audited on the person), as if it did not exist, so another
job centre learns nothing of it. Reading a thread marks the person's messages read by the
caseworker; every person listed in the inbox gets an audit entry.
"""

from __future__ import annotations

from typing import NoReturn

from flask import Response, jsonify
from sqlalchemy.orm import Session

from jobnet.dfdg.access import check_caseworker_purpose, organisation_may_see
from jobnet.dfdg.actor import current_actor
from jobnet.dfdg.api.blueprint import api, parse_body, parse_query
from jobnet.dfdg.api.jobcentre_access import rule_violation
from jobnet.dfdg.api.message_records import mark_read, summary_fields, thread_names, thread_out
from jobnet.dfdg.api.messages import (
    ATTACHMENT,
    READ,
    SEND,
    TAGS,
    attachment_answer,
    write_in_thread,
)
from jobnet.dfdg.api.records import RULE_RESPONSE
from jobnet.dfdg.audit import DENIED, record_access
from jobnet.dfdg.context import request_session
from jobnet.dfdg.models.base import utcnow
from jobnet.dfdg.models.messages import MessageThread
from jobnet.dfdg.models.persons import Organisation
from jobnet.dfdg.queries import messages as message_queries
from jobnet.dfdg.queries import organisations as organisation_queries
from jobnet.dfdg.rules import CASEWORKER_ONLY, refuse_not_found
from jobnet.dfdg.schemas.base import Problem
from jobnet.dfdg.schemas.messages import (
    AttachmentContentOut,
    InboxQuery,
    InboxResponse,
    InboxThreadOut,
    ReplyRequest,
    TakeRequest,
    ThreadOut,
)
from jobnet.domain.codes import ActorType, OrganisationKind

INBOX = "messages.inbox"
TAKE = "messages.take"
CVR = {"cvr": "The job centre's CVR number (eight digits)"}
CVR_THREAD = {**CVR, "thread_id": "The thread's id"}
NOT_ITS_THREAD = "The job centre has no thread with this id"
NOT_OWN = ("Not a caseworker of this job centre (`caseworker_only`)", Problem)
NOT_FOUND = ("No thread of this job centre's citizens has this id", Problem)


def _refuse_outsider(session: Session, action: str) -> NoReturn:
    session.rollback()
    record_access(session, action, person_id=None, outcome=DENIED)
    session.commit()
    raise rule_violation([("cvr", CASEWORKER_ONLY)], status=403)


def _own_jobcentre(session: Session, cvr: str, action: str) -> Organisation:
    """The job centre `cvr`, when the actor is one of its caseworkers; 403 otherwise."""
    actor = current_actor()
    if actor.type != ActorType.CASEWORKER or actor.organisation != cvr:
        _refuse_outsider(session, action)
    check_caseworker_purpose(actor)
    organisation = organisation_queries.by_cvr(session, cvr)
    if organisation is None or organisation.kind != OrganisationKind.JOBCENTRE:
        _refuse_outsider(session, action)
    return organisation


def _its_thread(session: Session, cvr: str, thread_id: str, action: str) -> MessageThread:
    """The thread, when its person is one of the job centre's; an audited 404 otherwise."""
    _own_jobcentre(session, cvr, action)
    found = message_queries.with_person(session, thread_id)
    if found is None:
        refuse_not_found(session, action, None, NOT_ITS_THREAD)
    thread, person = found
    if not organisation_may_see(session, cvr, person):
        refuse_not_found(session, action, person.id, NOT_ITS_THREAD)
    return thread


@api.route(
    "GET",
    "/organisations/<cvr>/message-threads",
    summary="The job centre's inbox: the threads of its citizens, newest first",
    description="At most 200. `show`: all, unread (a message of the person not read by the job "
    "centre) or unanswered. Each person listed gets an audit entry.",
    tags=TAGS,
    path_params=CVR,
    query=InboxQuery,
    responses={200: ("The inbox", InboxResponse), 403: NOT_OWN},
    actor_headers=True,
)
def inbox(cvr: str) -> Response:
    session = request_session()
    show = parse_query(InboxQuery).show
    organisation = _own_jobcentre(session, cvr, INBOX)
    found = message_queries.inbox(session, organisation.municipality_code or "", show)
    names = thread_names(session, [thread for thread, _ in found])
    for person_id in dict.fromkeys(person.id for _, person in found):
        record_access(session, INBOX, person_id=person_id)
    body = InboxResponse(
        cvr=cvr,
        show=show,
        threads=[
            InboxThreadOut(
                **summary_fields(thread, names, "jobcentre"),
                given_name=person.given_name,
                family_name=person.family_name,
            )
            for thread, person in found
        ],
    )
    return jsonify(body.model_dump(mode="json"))


@api.route(
    "GET",
    "/organisations/<cvr>/message-threads/<thread_id>",
    summary="One thread of the job centre's citizens, with its messages; marks them read",
    description="The person's messages are marked read by the acting caseworker (the person "
    "sees when). Audited.",
    tags=TAGS,
    path_params=CVR_THREAD,
    responses={200: ("The thread", ThreadOut), 403: NOT_OWN, 404: NOT_FOUND},
    actor_headers=True,
)
def jobcentre_thread(cvr: str, thread_id: str) -> Response:
    session = request_session()
    thread = _its_thread(session, cvr, thread_id, READ)
    record_access(session, READ, person_id=thread.person_id)
    mark_read(thread, "jobcentre", current_actor())
    body = thread_out(session, thread, "jobcentre")
    return jsonify(body.model_dump(mode="json"))


@api.route(
    "POST",
    "/organisations/<cvr>/message-threads/<thread_id>/take",
    summary="Take a thread (the acting caseworker has it), or give it back",
    description="Other caseworkers see who has it. Taking a thread someone else has takes it "
    "over. Audited.",
    tags=TAGS,
    path_params=CVR_THREAD,
    request_body=TakeRequest,
    responses={200: ("The thread", ThreadOut), 403: NOT_OWN, 404: NOT_FOUND, 422: RULE_RESPONSE},
    actor_headers=True,
    idempotent=True,
)
def take_thread(cvr: str, thread_id: str) -> Response:
    session = request_session()
    body = parse_body(TakeRequest)
    thread = _its_thread(session, cvr, thread_id, TAKE)
    actor = current_actor()
    if body.release:
        thread.taken_by_id = thread.taken_by_name = thread.taken_at = None
    else:
        thread.taken_by_id, thread.taken_by_name = actor.id, actor.name
        thread.taken_at = utcnow()
    session.flush()
    record_access(session, TAKE, person_id=thread.person_id)
    return jsonify(thread_out(session, thread, "jobcentre").model_dump(mode="json"))


@api.route(
    "POST",
    "/organisations/<cvr>/message-threads/<thread_id>/messages",
    summary="Answer in a thread of the job centre's citizens",
    description="The rules of `POST /persons/{person_id}/message-threads/{thread_id}/messages`. "
    "The person's messages count as read, and the person is told something waits.",
    tags=TAGS,
    path_params=CVR_THREAD,
    request_body=ReplyRequest,
    responses={
        201: ("The thread with the answer", ThreadOut),
        403: NOT_OWN,
        404: NOT_FOUND,
        422: RULE_RESPONSE,
    },
    actor_headers=True,
    idempotent=True,
)
def answer_thread(cvr: str, thread_id: str) -> tuple[Response, int]:
    session = request_session()
    body = parse_body(ReplyRequest)
    thread = _its_thread(session, cvr, thread_id, SEND)
    return write_in_thread(session, thread, body)


@api.route(
    "GET",
    "/organisations/<cvr>/message-threads/<thread_id>/attachments/<attachment_id>",
    summary="One attachment in a thread of the job centre's citizens, with its content",
    description="Serve it with `content_type` as an attachment, never inline. Audited.",
    tags=TAGS,
    path_params={**CVR_THREAD, "attachment_id": "The attachment's id"},
    responses={200: ("The attachment", AttachmentContentOut), 403: NOT_OWN, 404: NOT_FOUND},
    actor_headers=True,
)
def jobcentre_attachment(cvr: str, thread_id: str, attachment_id: str) -> Response:
    session = request_session()
    thread = _its_thread(session, cvr, thread_id, ATTACHMENT)
    return attachment_answer(session, thread, attachment_id)
