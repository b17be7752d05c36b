"""Persons: lookup by CPR, creation from CPR claims, master data, contact groups, audit log.

Every call here reads or writes person data, so every call names its actor (X-Actor-Assertion)
and writes an audit entry in the same transaction. CPR numbers travel only in request bodies.
"""

from __future__ import annotations

from datetime import date

from flask import Response, jsonify
from pydantic import Field
from sqlalchemy.orm import Session

from jobnet.dfdg import clock
from jobnet.dfdg.access import (
    check_caseworker_purpose,
    check_person_access,
    organisation_may_see,
)
from jobnet.dfdg.actor import current_actor
from jobnet.dfdg.api.blueprint import api, parse_body, parse_query
from jobnet.dfdg.api.insight_categories import audit_entry_out, refuse_someone_else
from jobnet.dfdg.audit import DENIED, NOT_FOUND, record_access
from jobnet.dfdg.context import request_session
from jobnet.dfdg.insight import visible_address
from jobnet.dfdg.limits import BIGGEST_STORED_INTEGER
from jobnet.dfdg.models.persons import Person
from jobnet.dfdg.problems import ProblemError, field_error, validation_problem
from jobnet.dfdg.queries import actors as actor_queries
from jobnet.dfdg.queries import audit as audit_queries
from jobnet.dfdg.queries import persons as person_queries
from jobnet.dfdg.rules import refuse_not_found
from jobnet.dfdg.schemas.base import Problem
from jobnet.dfdg.schemas.persons import (
    AuditLogQuery,
    AuditLogResponse,
    ContactGroupPeriodOut,
    ContactGroupsResponse,
    PersonCreateRequest,
    PersonIdResponse,
    PersonLookupRequest,
    PersonOut,
)
from jobnet.domain.codes import ActorType
from jobnet.domain.cpr import birth_date
from jobnet.domain.insight import audit_log_oldest_day

NO_SUCH_CPR = "No person has this CPR number"
PERSON_ID = {"person_id": "DFDG's own id of the person (a UUID, never derived from the CPR)"}
NOT_FOUND_RESPONSE = ("No person has this id", Problem)
TAGS = ("persons",)


def _person_out(session: Session, person: Person) -> PersonOut:
    current = person_queries.current_period(session, person.id, clock.today())
    street, postcode, city = visible_address(person, current_actor())
    return PersonOut(
        person_id=person.id,
        cpr=person.cpr,
        birth_date=birth_date(person.cpr),
        given_name=person.given_name,
        family_name=person.family_name,
        street=street,
        postcode=postcode,
        city=city,
        municipality_code=person.municipality_code,
        address_protected=person.address_protected,
        created_at=person.created_at,
        current_contact_group=ContactGroupPeriodOut.model_validate(current) if current else None,
    )


def _person_or_404(session: Session, person_id: str, action: str) -> Person:
    """The person, or an audited 404 (committed: the failed access is logged too)."""
    person = person_queries.get(session, person_id)
    if person is None:
        record_access(session, action, person_id=None, outcome=NOT_FOUND)
        session.commit()
        raise ProblemError(404, "not-found", "No person has this id")
    return person


def _check_own_cpr(session: Session, cpr: str, action: str) -> None:
    """A citizen actor without an id is the citizen logging in: the assertion carries the CPR
    number their login proved, and only that number may be looked up or created."""
    actor = current_actor()
    if actor.type == ActorType.CITIZEN and actor.id is None and actor.cpr != cpr:
        refuse_not_found(session, action, None, NO_SUCH_CPR)


def _check_found_person(session: Session, person: Person, action: str) -> None:
    """The access rules for a person found by CPR number.

    A citizen naming another person id is refused as if the person were unknown. Everyone else
    passes the rules of every person route."""
    actor = current_actor()
    if actor.type == ActorType.CITIZEN:
        if actor.id is not None and actor.id != person.id:
            refuse_not_found(session, action, None, NO_SUCH_CPR)
        return
    check_person_access(person.id, action)


def _check_caseworker_lookup(
    session: Session, person: Person, action: str = "person.lookup"
) -> None:
    """A caseworker's look-up of a person outside their organisation gets the very answer of
    an unknown CPR number (audited as denied, with the person), so a search tells nothing
    about where someone lives."""
    actor = current_actor()
    check_caseworker_purpose(actor)
    if not organisation_may_see(session, actor.organisation, person):
        record_access(session, action, person_id=person.id, outcome=DENIED)
        session.commit()
        raise ProblemError(404, "not-found", NO_SUCH_CPR)


@api.route(
    "POST",
    "/persons/lookup",
    summary="Find DFDG's person id for a CPR number",
    description="The CPR number is sent in the body, never in a URL. A lookup of an unknown "
    "CPR number is audited without the number. A caseworker gets the same 404 for a person "
    "outside their organisation (audited as denied), so a search tells nothing about where "
    "someone lives. A citizen logging in may look up only the CPR number of their assertion.",
    tags=TAGS,
    request_body=PersonLookupRequest,
    responses={
        200: ("The person's id", PersonIdResponse),
        404: ("No person has this CPR number", Problem),
    },
    actor_headers=True,
)
def lookup_person() -> Response:
    session = request_session()
    cpr = parse_body(PersonLookupRequest).cpr
    _check_own_cpr(session, cpr, "person.lookup")
    person = person_queries.find_by_cpr(session, cpr)
    if person is None:
        record_access(session, "person.lookup", person_id=None, outcome=NOT_FOUND)
        session.commit()
        raise ProblemError(404, "not-found", NO_SUCH_CPR)
    if current_actor().type == ActorType.CASEWORKER:
        _check_caseworker_lookup(session, person)
    else:
        _check_found_person(session, person, "person.lookup")
    record_access(session, "person.lookup", person_id=person.id)
    return jsonify(PersonIdResponse(person_id=person.id).model_dump(mode="json"))


def _caseworker_reads_by_claims(session: Session, cpr: str) -> Response:
    """A caseworker creates no one: an unknown person and a person outside their organisation
    get the same 404, audited apart (not found, or denied with the person)."""
    check_caseworker_purpose(current_actor())
    person = person_queries.find_by_cpr(session, cpr)
    if person is None:
        record_access(session, "person.create", person_id=None, outcome=NOT_FOUND)
        session.commit()
        raise ProblemError(404, "not-found", NO_SUCH_CPR)
    _check_caseworker_lookup(session, person, "person.read")
    record_access(session, "person.read", person_id=person.id)
    return jsonify(_person_out(session, person).model_dump(mode="json"))


@api.route(
    "POST",
    "/persons",
    summary="Create a person from CPR-register claims (or get the existing one)",
    description="Answers 201 with the new person, or 200 with the person who already has this "
    "CPR number, so a login flow can call it every time. Persons are created by their own "
    "login only: a caseworker (stating a purpose) gets 200 for a person of their organisation "
    "and, for anyone else, the 404 of an unknown CPR number (audited), so the call tells "
    "nothing about who exists or where they live. A citizen naming another person id gets 404.",
    tags=TAGS,
    request_body=PersonCreateRequest,
    responses={
        200: ("The person already existed", PersonOut),
        201: ("The person was created", PersonOut),
        404: ("Unknown or out of reach for this actor", Problem),
    },
    actor_headers=True,
    idempotent=True,
)
def create_person() -> tuple[Response, int]:
    session = request_session()
    claims = parse_body(PersonCreateRequest)
    actor = current_actor()
    if actor.type == ActorType.CASEWORKER:
        return _caseworker_reads_by_claims(session, claims.cpr), 200
    _check_own_cpr(session, claims.cpr, "person.read")
    existing = person_queries.find_by_cpr(session, claims.cpr)
    if existing is not None:
        _check_found_person(session, existing, "person.read")
    person, created = person_queries.ensure(
        session, person_queries.PersonClaims(**claims.model_dump())
    )
    session.flush()
    record_access(session, "person.create" if created else "person.read", person_id=person.id)
    body = _person_out(session, person).model_dump(mode="json")
    return jsonify(body), 201 if created else 200


@api.route(
    "GET",
    "/persons/<person_id>",
    summary="A person's master data and current contact group",
    tags=TAGS,
    path_params=PERSON_ID,
    responses={200: ("The person", PersonOut), 404: NOT_FOUND_RESPONSE},
    actor_headers=True,
)
def get_person(person_id: str) -> Response:
    session = request_session()
    person = _person_or_404(session, person_id, "person.read")
    record_access(session, "person.read", person_id=person.id)
    return jsonify(_person_out(session, person).model_dump(mode="json"))


@api.route(
    "GET",
    "/persons/<person_id>/contact-groups",
    summary="All of a person's contact-group periods, oldest first",
    tags=TAGS,
    path_params=PERSON_ID,
    responses={200: ("The periods", ContactGroupsResponse), 404: NOT_FOUND_RESPONSE},
    actor_headers=True,
)
def list_contact_groups(person_id: str) -> Response:
    session = request_session()
    person = _person_or_404(session, person_id, "contact_groups.read")
    periods = person_queries.contact_group_periods(session, person.id)
    record_access(session, "contact_groups.read", person_id=person.id)
    since = person_queries.contact_group_since(session, person.id, clock.today())
    body = ContactGroupsResponse(
        person_id=person.id,
        periods=[ContactGroupPeriodOut.model_validate(period) for period in periods],
        group_since=since,
    )
    return jsonify(body.model_dump(mode="json"))


class AuditLogPageQuery(AuditLogQuery):
    before: int | None = Field(
        default=None,
        ge=1,
        le=BIGGEST_STORED_INTEGER,
        description="The next page: only entries older than the entry with this id (the "
        "`next_before` of the page before)",
    )


class AuditLogPage(AuditLogResponse):
    next_before: int | None = Field(
        default=None,
        description="More entries are older than this page: ask again with `before` set to "
        "this; null on the last page",
    )


def _audit_filter(query: AuditLogPageQuery, oldest_day: date) -> audit_queries.AuditFilter:
    """The query's filter, never further back than `oldest_day` (two years)."""
    if query.date_from and query.date_to and query.date_from > query.date_to:
        raise validation_problem([field_error("to", "before_from", "Must not be before from")])
    date_from = max(query.date_from or oldest_day, oldest_day)
    return audit_queries.AuditFilter(
        at_or_after=clock.start_of_day(date_from),
        before=clock.end_of_day(query.date_to) if query.date_to else None,
        actor_type=query.actor_type,
        limit=query.limit,
        older_than=query.before,
    )


@api.route(
    "GET",
    "/persons/<person_id>/audit-log",
    summary="Who read or changed the person's data, newest first, a page at a time",
    description="The citizen's insight into the use of their data: who (the citizen, a named "
    "caseworker and their organisation, or a system), what, when and the stated purpose. "
    "Two years back at most (`from` earlier than that is moved up to `oldest_day`). This read "
    "itself is audited too (after the list is taken). A page holds at most `limit` entries; "
    "`next_before` asks for the next, older page, so the whole log can be read.",
    tags=TAGS,
    path_params=PERSON_ID,
    query=AuditLogPageQuery,
    responses={200: ("The entries", AuditLogPage), 404: NOT_FOUND_RESPONSE},
    actor_headers=True,
)
def audit_log(person_id: str) -> Response:
    session = request_session()
    oldest_day = audit_log_oldest_day(clock.today())
    audit_filter = _audit_filter(parse_query(AuditLogPageQuery), oldest_day)
    person = _person_or_404(session, person_id, "audit_log.read")
    refuse_someone_else(session, person.id, "audit_log.read")
    entries, more = audit_queries.entries_page(session, person.id, audit_filter)
    names = actor_queries.organisation_names(session, [entry.organisation for entry in entries])
    record_access(session, "audit_log.read", person_id=person.id)
    body = AuditLogPage(
        person_id=person.id,
        oldest_day=oldest_day,
        entries=[audit_entry_out(entry, names) for entry in entries],
        next_before=entries[-1].id if more else None,
    )
    return jsonify(body.model_dump(mode="json"))
