"""Notices for the notifying system (issue 23): what waits for whom, and how many of a job
centre's threads are unread.

Only a connected system acting as itself calls these (its registry entry lists them in
`system_operations`): the web app's worker collects the notices, tells each person as they chose,
and acknowledges what it has taken. A notice says only the kind (message, task, letter), never
what it is about. Each person listed or acknowledged gets an audit entry.
"""

from __future__ import annotations

from flask import Response, jsonify

from jobnet.dfdg.actor import current_actor
from jobnet.dfdg.api.blueprint import api, parse_body, parse_query
from jobnet.dfdg.audit import DENIED, record_access
from jobnet.dfdg.context import request_session
from jobnet.dfdg.models.base import utcnow
from jobnet.dfdg.problems import ProblemError
from jobnet.dfdg.queries import notices as notice_queries
from jobnet.dfdg.queries import organisations as organisation_queries
from jobnet.dfdg.schemas.base import Problem
from jobnet.dfdg.schemas.notices import (
    AcknowledgeRequest,
    AcknowledgeResponse,
    NoticeOut,
    NoticesQuery,
    NoticesResponse,
    UnreadCountResponse,
)
from jobnet.domain.codes import ActorType, OrganisationKind

TAGS = ("notices",)
COLLECT = "notices.collect"
ACKNOWLEDGE = "notices.acknowledge"

ONLY_SYSTEM = ("Called with a person acting: only the notifying system itself may", Problem)


def _system_only(action: str) -> None:
    """A citizen or caseworker never calls these, whatever the system's scope (403, audited)."""
    if current_actor().type == ActorType.SYSTEM:
        return
    session = request_session()
    record_access(session, action, person_id=None, outcome=DENIED)
    session.commit()
    raise ProblemError(403, "outside-scope", "Only the notifying system, acting as itself")


@api.route(
    "GET",
    "/notices",
    summary="The notices not yet acknowledged, oldest first",
    description="For the notifying system, acting as itself. A notice stays here until it is "
    "acknowledged, so none is lost when the system fails between the two. Each person listed "
    "gets an audit entry.",
    tags=TAGS,
    query=NoticesQuery,
    responses={200: ("The notices", NoticesResponse), 403: ONLY_SYSTEM},
)
def list_notices() -> Response:
    _system_only(COLLECT)
    session = request_session()
    limit = parse_query(NoticesQuery).limit
    found = notice_queries.waiting(session, limit)
    for person_id in dict.fromkeys(notice.person_id for notice in found):
        record_access(session, COLLECT, person_id=person_id)
    body = NoticesResponse(notices=[NoticeOut.model_validate(notice) for notice in found])
    return jsonify(body.model_dump(mode="json"))


@api.route(
    "POST",
    "/notices/acknowledge",
    summary="Acknowledge notices: the notifying system has taken them",
    description="Acknowledging a notice twice, or one that does not exist, changes nothing.",
    tags=TAGS,
    request_body=AcknowledgeRequest,
    responses={200: ("How many were taken now", AcknowledgeResponse), 403: ONLY_SYSTEM},
)
def acknowledge_notices() -> Response:
    _system_only(ACKNOWLEDGE)
    session = request_session()
    ids = sorted(set(parse_body(AcknowledgeRequest).ids))
    persons = {notice.person_id for notice in notice_queries.waiting_by_ids(session, ids)}
    taken = notice_queries.mark_collected(session, ids, utcnow())
    for person_id in sorted(persons):
        record_access(session, ACKNOWLEDGE, person_id=person_id)
    return jsonify(AcknowledgeResponse(acknowledged=taken).model_dump(mode="json"))


@api.route(
    "GET",
    "/organisations/<cvr>/unread-message-count",
    summary="How many threads of the job centre's citizens have a message it has not read",
    description="A count only, for the caseworkers' daily e-mail; nothing about who.",
    tags=TAGS,
    path_params={"cvr": "The job centre's CVR number (eight digits)"},
    responses={
        200: ("The count", UnreadCountResponse),
        403: ONLY_SYSTEM,
        404: ("No job centre has this CVR number", Problem),
    },
)
def count_unread_messages(cvr: str) -> Response:
    _system_only("messages.unread_count")
    session = request_session()
    organisation = organisation_queries.by_cvr(session, cvr)
    if organisation is None or organisation.kind != OrganisationKind.JOBCENTRE:
        raise ProblemError(404, "not-found", "No job centre has this CVR number")
    unread = notice_queries.unread_threads(session, organisation.municipality_code or "")
    return jsonify(UnreadCountResponse(cvr=cvr, unread=unread).model_dump(mode="json"))
