"""Insight (GDPR art. 15 and 20): the person's data as one document, the history of a record,
and formal requests for access with their one-month deadline.

Every call is audited (an export is itself an audited read). A citizen actor naming another
person, an unknown person and another person's record all answer 404.
"""

from __future__ import annotations

import secrets

from flask import Response, jsonify
from sqlalchemy.orm import Session

from jobnet.dfdg import clock
from jobnet.dfdg.actor import current_actor
from jobnet.dfdg.api import (
    insight_categories,
    insight_cv_plan_history,  # noqa: F401  (registers record types)
    insight_fund_events,  # noqa: F401  (registers a category)
    insight_journey_categories,  # noqa: F401  (registers categories)
    insight_messages,  # noqa: F401  (registers a category)
)
from jobnet.dfdg.api.blueprint import api, parse_body
from jobnet.dfdg.api.records import NOT_FOUND_RESPONSE, PERSON_ID, person_for_read, person_for_write
from jobnet.dfdg.audit import record_access
from jobnet.dfdg.context import request_session
from jobnet.dfdg.insight import ExportContext, build_export, export_model, history_of, record_types
from jobnet.dfdg.models.base import utcnow
from jobnet.dfdg.models.insight import InsightRequest
from jobnet.dfdg.models.persons import Person
from jobnet.dfdg.problems import field_error, validation_problem
from jobnet.dfdg.queries import actors as actor_queries
from jobnet.dfdg.queries import insight as insight_queries
from jobnet.dfdg.rules import refuse_not_found
from jobnet.dfdg.schemas.base import Problem
from jobnet.dfdg.schemas.insight import (
    InsightRequestIn,
    InsightRequestOut,
    InsightRequestsResponse,
    RecordHistoryOut,
)
from jobnet.domain.insight import RECEIVED_MAX_DAYS_BACK, answer_deadline, received_on_problem

TAGS = ("insight",)
EXPORT = "person.export"
HISTORY = "record_history.read"
REQUEST_CREATE = insight_categories.INSIGHT_REQUEST_CREATE
REQUESTS_READ = "insight_requests.read"
_REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

PersonExport = export_model()


def _person(session: Session, person_id: str, action: str) -> Person:
    person = person_for_read(session, person_id, action)
    insight_categories.refuse_someone_else(session, person.id, action)
    return person


def _context(session: Session, person: Person) -> ExportContext:
    return ExportContext(session, person, current_actor(), clock.today())


@api.route(
    "GET",
    "/persons/<person_id>/export",
    summary="Everything DFDG holds about the person, by category, as one document",
    description="The right of access and data portability (GDPR art. 15 and 20). The document "
    "has a `format`, a `version` and `generated_at`, and one member per category (see the "
    "PersonExport schema). A protected address is left out for everyone but the citizen "
    "themself. The export is an audited read.",
    tags=TAGS,
    path_params=PERSON_ID,
    responses={200: ("The document", PersonExport), 404: NOT_FOUND_RESPONSE},
    actor_headers=True,
)
def export_person(person_id: str) -> Response:
    session = request_session()
    person = _person(session, person_id, EXPORT)
    document = build_export(_context(session, person), PersonExport, utcnow())
    record_access(session, EXPORT, person_id=person.id)
    return jsonify(document.model_dump(mode="json"))


@api.route(
    "GET",
    "/persons/<person_id>/history/<record_type>/<record_id>",
    summary="The versions of one of the person's records and who made each change",
    description="Built from the record's own columns (created, ended, cancelled by), its stored "
    "versions (CV sections and entries, plan revisions) and the audit entries of each change "
    "(channel, system, purpose). A CV section's id is its name (contact, job_wishes, "
    "driving_licences, profile, visibility, approval); a CV entry's id is the entry's, removed "
    "entries included; a plan's id is the plan's. Another person's record is not found (404).",
    tags=TAGS,
    path_params={
        **PERSON_ID,
        "record_type": "The kind of record: " + ", ".join(record_types()),
        "record_id": "The record's id",
    },
    responses={
        200: ("The versions, oldest first", RecordHistoryOut),
        404: ("No such person, record type or record of this person", Problem),
    },
    actor_headers=True,
)
def record_history(person_id: str, record_type: str, record_id: str) -> Response:
    session = request_session()
    person = _person(session, person_id, HISTORY)
    history = history_of(record_type)
    if history is None:
        refuse_not_found(session, HISTORY, person.id, "No such record type")
    versions = history(_context(session, person), record_id)
    if versions is None:
        refuse_not_found(session, HISTORY, person.id, "The person has no record with this id")
    record_access(session, HISTORY, person_id=person.id)
    body = RecordHistoryOut(
        person_id=person.id, record_type=record_type, record_id=record_id, versions=versions
    )
    return jsonify(body.model_dump(mode="json"))


def _new_reference(session: Session) -> str:
    """A reference a person can read aloud, e.g. IND-4F7K-Q2XM, not used before."""
    while True:
        chars = "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(8))
        reference = f"IND-{chars[:4]}-{chars[4:]}"
        if not insight_queries.reference_taken(session, reference):
            return reference


def _request_answer(session: Session, request: InsightRequest) -> dict[str, object]:
    names = actor_queries.organisation_names(session, [request.created_by_organisation])
    return insight_categories.insight_request_out(request, names).model_dump(mode="json")


@api.route(
    "POST",
    "/persons/<person_id>/insight-requests",
    summary="Register a formal request for access (GDPR art. 15)",
    description="DFDG registers the request with today's (Danish) date, its own reference and "
    "the deadline of the answer: one month, that is the same day next month, or the last day "
    "of next month when it has no such day (31 January → 28/29 February).",
    tags=TAGS,
    path_params=PERSON_ID,
    request_body=InsightRequestIn,
    responses={201: ("The registered request", InsightRequestOut), 404: NOT_FOUND_RESPONSE},
    actor_headers=True,
    idempotent=True,
)
def create_insight_request(person_id: str) -> tuple[Response, int]:
    session = request_session()
    body = parse_body(InsightRequestIn)
    person = person_for_write(session, person_id, REQUEST_CREATE)
    insight_categories.refuse_someone_else(session, person.id, REQUEST_CREATE)
    today = clock.today()
    received_on = body.received_on or today
    problem = received_on_problem(received_on, today)
    if problem is not None:
        message = f"Not in the future and at most {RECEIVED_MAX_DAYS_BACK} days back"
        raise validation_problem([field_error("received_on", problem, message)])
    request = InsightRequest(
        person_id=person.id,
        reference=_new_reference(session),
        received_on=received_on,
        deadline=answer_deadline(received_on),
        note=body.note or None,
        source_reference=body.reference,
        **actor_queries.actor_columns("created_by", current_actor()),
    )
    insight_queries.add_request(session, request)
    session.flush()
    record_access(session, REQUEST_CREATE, person_id=person.id)
    return jsonify(_request_answer(session, request)), 201


@api.route(
    "GET",
    "/persons/<person_id>/insight-requests",
    summary="The person's formal requests for access, newest first",
    tags=TAGS,
    path_params=PERSON_ID,
    responses={200: ("The requests", InsightRequestsResponse), 404: NOT_FOUND_RESPONSE},
    actor_headers=True,
)
def list_insight_requests(person_id: str) -> Response:
    session = request_session()
    person = _person(session, person_id, REQUESTS_READ)
    requests = insight_queries.requests_for_person(session, person.id)
    names = actor_queries.organisation_names(session, [r.created_by_organisation for r in requests])
    record_access(session, REQUESTS_READ, person_id=person.id)
    body = InsightRequestsResponse(
        person_id=person.id,
        requests=[insight_categories.insight_request_out(r, names) for r in requests],
    )
    return jsonify(body.model_dump(mode="json"))
