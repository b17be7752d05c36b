"""The job log (joblog): a jobseeker's applications, the same log the a-kasse and job centre see.

Entries are added (POST), changed (PUT) and deleted (DELETE, which keeps the row with
`deleted_at`). Each change raises the entry's version and writes a `joblog_entry_versions` row
with the data, who changed it and the receipt reference; `/history` answers them. An entry id of
another person, or of a deleted entry, is not found (404). An entry lists its copies of the
application; `copies` in an added or changed entry's body attaches more
(`jobnet.dfdg.api.joblog_copies` for the rest).
"""

from __future__ import annotations

from collections.abc import Sequence

from flask import Response, jsonify
from sqlalchemy.orm import Session

from jobnet.dfdg import clock
from jobnet.dfdg.actor import current_actor
from jobnet.dfdg.api.blueprint import api, parse_body
from jobnet.dfdg.api.field_issues import field_violation
from jobnet.dfdg.api.joblog_copy_records import (
    add_copies,
    checked_copies,
    copies_of,
    copy_organisations,
    copy_out,
)
from jobnet.dfdg.api.records import (
    NOT_FOUND_RESPONSE,
    PERSON_ID,
    RULE_RESPONSE,
    actor_out,
    optional_actor_out,
    person_for_read,
    person_for_write,
)
from jobnet.dfdg.audit import record_access
from jobnet.dfdg.context import request_session
from jobnet.dfdg.models.base import utcnow
from jobnet.dfdg.models.cv import JoblogEntry
from jobnet.dfdg.models.joblog_copies import JoblogCopy
from jobnet.dfdg.queries import actors as actor_queries
from jobnet.dfdg.queries import joblog as joblog_queries
from jobnet.dfdg.queries import plans as plan_queries
from jobnet.dfdg.rules import refuse, refuse_not_found
from jobnet.dfdg.schemas.base import Problem
from jobnet.dfdg.schemas.cv import (
    JoblogEntryOut,
    JoblogEntryRequest,
    JoblogHistoryResponse,
    JoblogResponse,
    JoblogVersionOut,
    JobSearchRequirementOut,
    RemovalRequest,
)
from jobnet.domain.fields import clean_text
from jobnet.domain.joblog import JoblogKind, JoblogStatus, check_entry

TAGS = ("joblog",)
READ = "joblog.read"
CREATE = "joblog.create"
UPDATE = "joblog.update"
DELETE = "joblog.delete"
HISTORY = "joblog.history.read"

ENTRY_ID = {**PERSON_ID, "entry_id": "The job log entry's id"}
ENTRY_NOT_FOUND = ("No such person, or no such entry of this person", Problem)
NO_ENTRY = "The person has no job log entry with this id"


def _names(
    session: Session, entries: list[JoblogEntry], copies: Sequence[JoblogCopy] = ()
) -> dict[str, str]:
    cvrs: list[str | None] = copy_organisations(copies)
    for entry in entries:
        cvrs += [
            entry.created_by_organisation,
            entry.updated_by_organisation,
            entry.deleted_by_organisation,
        ]
    return actor_queries.organisation_names(session, cvrs)


def entry_out(
    entry: JoblogEntry, names: dict[str, str], copies: Sequence[JoblogCopy] = ()
) -> JoblogEntryOut:
    return JoblogEntryOut(
        id=entry.id,
        person_id=entry.person_id,
        applied_on=entry.applied_on,
        employer=entry.employer,
        job_title=entry.job_title,
        kind=JoblogKind(entry.kind),
        status=JoblogStatus(entry.status),
        link=entry.link,
        note=entry.note,
        version=entry.version,
        created_at=entry.created_at,
        created_by=actor_out(
            entry.created_by_type, entry.created_by_name, entry.created_by_organisation, names
        ),
        updated_at=entry.updated_at,
        updated_by=optional_actor_out(
            entry.updated_by_type, entry.updated_by_name, entry.updated_by_organisation, names
        ),
        deleted_at=entry.deleted_at,
        deleted_by=optional_actor_out(
            entry.deleted_by_type, entry.deleted_by_name, entry.deleted_by_organisation, names
        ),
        source_reference=entry.source_reference,
        copies=[copy_out(copy, names) for copy in copies],
    )


def entry_answer(session: Session, entry: JoblogEntry) -> dict[str, object]:
    """The entry with its copies, as the API answers it."""
    session.flush()
    copies = copies_of(session, entry.person_id, [entry.id])[entry.id]
    return entry_out(entry, _names(session, [entry], copies), copies).model_dump(mode="json")


def _checked(session: Session, action: str, person_id: str, body: JoblogEntryRequest) -> None:
    found = check_entry(
        applied_on=body.applied_on,
        employer=body.employer,
        job_title=body.job_title,
        kind=body.kind.value,
        status=body.status.value,
        link=body.link,
        note=body.note,
        today=clock.today(),
    )
    if found:
        refuse(session, action, person_id, field_violation(found))


def _fill(entry: JoblogEntry, body: JoblogEntryRequest) -> None:
    entry.applied_on = body.applied_on
    entry.employer = clean_text(body.employer)
    entry.job_title = clean_text(body.job_title)
    entry.kind = body.kind.value
    entry.status = body.status.value
    entry.link = (body.link or "").strip() or None
    entry.note = clean_text(body.note) or None


def entry_or_404(session: Session, person_id: str, entry_id: str, action: str) -> JoblogEntry:
    entry = joblog_queries.of_person(session, person_id, entry_id)
    if entry is None:
        refuse_not_found(session, action, person_id, NO_ENTRY)
    return entry


def _copy_names(session: Session, entry: JoblogEntry) -> list[str]:
    return [copy.filename for copy in copies_of(session, entry.person_id, [entry.id])[entry.id]]


def new_version(session: Session, entry: JoblogEntry, reference: str | None) -> None:
    """A change of the entry's copies: a new version naming the copies it has after it."""
    actor = current_actor()
    entry.version += 1
    entry.updated_at = utcnow()
    for column, value in actor_queries.actor_columns("updated_by", actor).items():
        setattr(entry, column, value)
    copies = _copy_names(session, entry)
    joblog_queries.add_version(session, entry, actor, "update", reference, copies=copies)


@api.route(
    "GET",
    "/persons/<person_id>/joblog",
    summary="The person's job log, newest first (deleted entries left out)",
    tags=TAGS,
    path_params=PERSON_ID,
    responses={200: ("The job log", JoblogResponse), 404: NOT_FOUND_RESPONSE},
    actor_headers=True,
)
def list_joblog(person_id: str) -> Response:
    session = request_session()
    person = person_for_read(session, person_id, READ)
    entries = joblog_queries.current(session, person.id)
    copies = copies_of(session, person.id, [entry.id for entry in entries])
    names = _names(session, entries, [copy for found in copies.values() for copy in found])
    record_access(session, READ, person_id=person.id)
    plan = plan_queries.of_person(session, person.id)
    body = JoblogResponse(
        person_id=person.id,
        today=clock.today(),
        entries=[entry_out(e, names, copies.get(e.id, ())) for e in entries],
        applications_per_week=(
            plan_queries.current_version(plan).applications_per_week if plan else None
        ),
        requirements=[
            JobSearchRequirementOut(
                from_date=version.revision_date,
                applications_per_week=version.applications_per_week,
                copies_per_week=version.copies_per_week if version.copies_period == "week" else 0,
                copies_per_month=version.copies_per_week if version.copies_period == "month" else 0,
            )
            for version in sorted(plan.versions, key=lambda v: v.number)
        ]
        if plan
        else [],
    )
    return jsonify(body.model_dump(mode="json"))


@api.route(
    "GET",
    "/persons/<person_id>/joblog/<entry_id>",
    summary="One job log entry",
    tags=TAGS,
    path_params=ENTRY_ID,
    responses={200: ("The entry", JoblogEntryOut), 404: ENTRY_NOT_FOUND},
    actor_headers=True,
)
def get_joblog_entry(person_id: str, entry_id: str) -> Response:
    session = request_session()
    person = person_for_read(session, person_id, READ)
    entry = entry_or_404(session, person.id, entry_id, READ)
    record_access(session, READ, person_id=person.id)
    return jsonify(entry_answer(session, entry))


@api.route(
    "GET",
    "/persons/<person_id>/joblog/<entry_id>/history",
    summary="Every version of a job log entry: who changed what, and when",
    tags=TAGS,
    path_params=ENTRY_ID,
    responses={200: ("The versions", JoblogHistoryResponse), 404: ENTRY_NOT_FOUND},
    actor_headers=True,
)
def get_joblog_history(person_id: str, entry_id: str) -> Response:
    session = request_session()
    person = person_for_read(session, person_id, HISTORY)
    versions = joblog_queries.versions(session, entry_id)
    if not versions or versions[0].person_id != person.id:
        refuse_not_found(session, HISTORY, person.id, NO_ENTRY)
    names = actor_queries.organisation_names(session, [v.actor_organisation for v in versions])
    record_access(session, HISTORY, person_id=person.id)
    body = JoblogHistoryResponse(
        entry_id=entry_id,
        versions=[
            JoblogVersionOut(
                version=v.version,
                action=v.action,
                at=v.at,
                by=actor_out(v.actor_type, v.actor_name, v.actor_organisation, names),
                source_reference=v.source_reference,
                data=v.data,
            )
            for v in versions
        ],
    )
    return jsonify(body.model_dump(mode="json"))


@api.route(
    "POST",
    "/persons/<person_id>/joblog",
    summary="Add an application to the job log",
    description="The day it was sent is not in the future; the link, when given, is an http "
    "or https address.",
    tags=TAGS,
    path_params=PERSON_ID,
    request_body=JoblogEntryRequest,
    responses={
        201: ("The entry", JoblogEntryOut),
        404: NOT_FOUND_RESPONSE,
        422: RULE_RESPONSE,
    },
    actor_headers=True,
    idempotent=True,
)
def create_joblog_entry(person_id: str) -> tuple[Response, int]:
    session = request_session()
    body = parse_body(JoblogEntryRequest)
    person = person_for_write(session, person_id, CREATE)
    _checked(session, CREATE, person.id, body)
    files = checked_copies(session, CREATE, person.id, 0, body.copies)
    actor = current_actor()
    entry = JoblogEntry(
        person_id=person.id,
        source_reference=body.reference,
        version=1,
        **actor_queries.actor_columns("created_by", actor),
    )
    _fill(entry, body)
    session.add(entry)
    session.flush()
    add_copies(session, entry, actor, files, body.reference)
    copies = _copy_names(session, entry)
    joblog_queries.add_version(session, entry, actor, "create", body.reference, copies=copies)
    record_access(session, CREATE, person_id=person.id)
    return jsonify(entry_answer(session, entry)), 201


@api.route(
    "PUT",
    "/persons/<person_id>/joblog/<entry_id>",
    summary="Change a job log entry",
    tags=TAGS,
    path_params=ENTRY_ID,
    request_body=JoblogEntryRequest,
    responses={
        200: ("The entry", JoblogEntryOut),
        404: ENTRY_NOT_FOUND,
        422: RULE_RESPONSE,
    },
    actor_headers=True,
    idempotent=True,
)
def update_joblog_entry(person_id: str, entry_id: str) -> Response:
    session = request_session()
    body = parse_body(JoblogEntryRequest)
    person = person_for_write(session, person_id, UPDATE)
    entry = entry_or_404(session, person.id, entry_id, UPDATE)
    _checked(session, UPDATE, person.id, body)
    existing = len(_copy_names(session, entry))
    files = checked_copies(session, UPDATE, person.id, existing, body.copies)
    actor = current_actor()
    _fill(entry, body)
    entry.version += 1
    entry.updated_at = utcnow()
    for column, value in actor_queries.actor_columns("updated_by", actor).items():
        setattr(entry, column, value)
    add_copies(session, entry, actor, files, body.reference)
    copies = _copy_names(session, entry)
    joblog_queries.add_version(session, entry, actor, "update", body.reference, copies=copies)
    record_access(session, UPDATE, person_id=person.id)
    return jsonify(entry_answer(session, entry))


@api.route(
    "DELETE",
    "/persons/<person_id>/joblog/<entry_id>",
    summary="Delete a job log entry (its row and history are kept)",
    description="The body carries the sending system's reference.",
    tags=TAGS,
    path_params=ENTRY_ID,
    request_body=RemovalRequest,
    responses={200: ("The deleted entry", JoblogEntryOut), 404: ENTRY_NOT_FOUND},
    actor_headers=True,
    idempotent=True,
)
def delete_joblog_entry(person_id: str, entry_id: str) -> Response:
    session = request_session()
    body = parse_body(RemovalRequest)
    person = person_for_write(session, person_id, DELETE)
    entry = entry_or_404(session, person.id, entry_id, DELETE)
    actor = current_actor()
    entry.version += 1
    entry.deleted_at = utcnow()
    for column, value in actor_queries.actor_columns("deleted_by", actor).items():
        setattr(entry, column, value)
    copies = _copy_names(session, entry)
    joblog_queries.add_version(session, entry, actor, "delete", body.reference, copies=copies)
    record_access(session, DELETE, person_id=person.id)
    return jsonify(entry_answer(session, entry))
