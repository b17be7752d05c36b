"""Copies of applications in the job log (issue 22): attached to an entry, removed, read.

A copy is attached when the entry is added or changed (`copies` in its body) or later (POST
`.../copies`); each is a PDF, JPEG or PNG judged by its content, at most 10 MB, at most
`MAX_COPIES` on an entry. Removing one deletes its content and keeps who uploaded and removed
it. Every change raises the entry's version and writes a version row naming the copies the
entry has after it, so the entry's history (and the export's) shows them. Reading a copy is
audited like every read; the access rules of the person routes (the person, their job centre,
their fund as the reach table allows) decide who may.
"""

from __future__ import annotations

import base64

from flask import Response, jsonify
from sqlalchemy import select

from jobnet.dfdg.actor import current_actor
from jobnet.dfdg.api.blueprint import api, parse_body
from jobnet.dfdg.api.joblog import entry_answer, entry_or_404, new_version
from jobnet.dfdg.api.joblog_copy_records import (
    add_copies,
    checked_copies,
    copies_of,
    copy_organisations,
    copy_out,
)
from jobnet.dfdg.api.records import PERSON_ID, RULE_RESPONSE, person_for_read, person_for_write
from jobnet.dfdg.audit import record_access
from jobnet.dfdg.context import request_session
from jobnet.dfdg.models.base import utcnow
from jobnet.dfdg.models.joblog_copies import JoblogCopy
from jobnet.dfdg.queries import actors as actor_queries
from jobnet.dfdg.rules import refuse_not_found
from jobnet.dfdg.schemas.base import Problem
from jobnet.dfdg.schemas.cv import JoblogEntryOut, RemovalRequest
from jobnet.dfdg.schemas.joblog_copies import CopiesRequest, CopyContentOut
from jobnet.domain.joblog_copies import MAX_COPIES

TAGS = ("joblog",)
ADD = "joblog.copy.add"
REMOVE = "joblog.copy.remove"
READ = "joblog.copy.read"

ENTRY_ID = {**PERSON_ID, "entry_id": "The job log entry's id"}
COPY_ID = {**ENTRY_ID, "copy_id": "The copy's id"}
NO_COPY = "The entry has no copy with this id"


@api.route(
    "POST",
    "/persons/<person_id>/joblog/<entry_id>/copies",
    summary="Attach copies of the application to a job log entry",
    description=f"At most {MAX_COPIES} copies on an entry; PDF, JPEG or PNG by content, at most "
    "10 MB each. 422 `too_many_copies`, `copy_too_big`, `copy_kind`, `copy_empty`.",
    tags=TAGS,
    path_params=ENTRY_ID,
    request_body=CopiesRequest,
    responses={
        201: ("The entry with its copies", JoblogEntryOut),
        404: ("No such person, or no such entry of this person", Problem),
        422: RULE_RESPONSE,
    },
    actor_headers=True,
    idempotent=True,
)
def add_joblog_copies(person_id: str, entry_id: str) -> tuple[Response, int]:
    session = request_session()
    body = parse_body(CopiesRequest)
    person = person_for_write(session, person_id, ADD)
    entry = entry_or_404(session, person.id, entry_id, ADD)
    existing = len(copies_of(session, person.id, [entry.id])[entry.id])
    files = checked_copies(session, ADD, person.id, existing, body.copies)
    add_copies(session, entry, current_actor(), files, body.reference)
    new_version(session, entry, body.reference)
    record_access(session, ADD, person_id=person.id)
    return jsonify(entry_answer(session, entry)), 201


@api.route(
    "DELETE",
    "/persons/<person_id>/joblog/<entry_id>/copies/<copy_id>",
    summary="Remove a copy from a job log entry (its content is deleted; who and when kept)",
    tags=TAGS,
    path_params=COPY_ID,
    request_body=RemovalRequest,
    responses={
        200: ("The entry with its remaining copies", JoblogEntryOut),
        404: ("No such person, entry or copy", Problem),
    },
    actor_headers=True,
    idempotent=True,
)
def remove_joblog_copy(person_id: str, entry_id: str, copy_id: str) -> Response:
    session = request_session()
    body = parse_body(RemovalRequest)
    person = person_for_write(session, person_id, REMOVE)
    entry = entry_or_404(session, person.id, entry_id, REMOVE)
    current = copies_of(session, person.id, [entry.id])[entry.id]
    found = next((copy for copy in current if copy.id == copy_id), None)
    if found is None:
        refuse_not_found(session, REMOVE, person.id, NO_COPY)
    found.removed_at = utcnow()
    found.content = b""
    found.removal_reference = body.reference
    for column, value in actor_queries.actor_columns("removed_by", current_actor()).items():
        setattr(found, column, value)
    session.flush()
    new_version(session, entry, body.reference)
    record_access(session, REMOVE, person_id=person.id)
    return jsonify(entry_answer(session, entry))


@api.route(
    "GET",
    "/persons/<person_id>/joblog/<entry_id>/copies/<copy_id>",
    summary="One copy of an application, with its content (base64)",
    description="Serve it with `content_type` as an attachment (Content-Disposition), never "
    "inline. Audited.",
    tags=TAGS,
    path_params=COPY_ID,
    responses={
        200: ("The copy", CopyContentOut),
        404: ("No such person, entry or copy", Problem),
    },
    actor_headers=True,
)
def get_joblog_copy(person_id: str, entry_id: str, copy_id: str) -> Response:
    session = request_session()
    person = person_for_read(session, person_id, READ)
    entry = entry_or_404(session, person.id, entry_id, READ)
    query = select(JoblogCopy).where(
        JoblogCopy.id == copy_id,
        JoblogCopy.entry_id == entry.id,
        JoblogCopy.person_id == person.id,
        JoblogCopy.removed_at.is_(None),
    )
    found = session.scalars(query).one_or_none()
    if found is None:
        refuse_not_found(session, READ, person.id, NO_COPY)
    record_access(session, READ, person_id=person.id)
    names = actor_queries.organisation_names(session, copy_organisations([found]))
    body = CopyContentOut(
        **copy_out(found, names).model_dump(),
        content=base64.b64encode(found.content).decode("ascii"),
    )
    return jsonify(body.model_dump(mode="json"))
