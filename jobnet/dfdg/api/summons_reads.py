"""Summons reads: the person's list (upcoming, cancelled, past), one summons, and a job centre's
interviews on a day. The writes and the summons' JSON shape are in `jobnet.dfdg.api.summons`."""

from __future__ import annotations

from flask import Response, jsonify

from jobnet.dfdg import clock
from jobnet.dfdg.actor import current_actor
from jobnet.dfdg.api.blueprint import api, parse_query
from jobnet.dfdg.api.jobcentre_access import (
    now,
    person_for_subject_read,
    rule_violation,
)
from jobnet.dfdg.api.records import NOT_FOUND_RESPONSE, PERSON_ID
from jobnet.dfdg.api.summons import (
    DAY_LIST,
    LIST,
    NO_SUMMONS,
    READ,
    SUMMONS_ID,
    TAGS,
    mark_seen_by_person,
    summons_names,
    summons_out,
)
from jobnet.dfdg.audit import DENIED, record_access
from jobnet.dfdg.context import request_session
from jobnet.dfdg.queries import plans as plan_queries
from jobnet.dfdg.queries import summons as summons_queries
from jobnet.dfdg.rules import CASEWORKER_ONLY, refuse_not_found
from jobnet.dfdg.schemas.base import Problem
from jobnet.dfdg.schemas.summons import (
    DayQuery,
    DaySummonsOut,
    OrganisationSummonsResponse,
    SummonsListResponse,
    SummonsOut,
)
from jobnet.domain.codes import ActorType
from jobnet.domain.summons import (
    is_cancelled_ahead,
    is_upcoming,
)


@api.route(
    "GET",
    "/persons/<person_id>/summons",
    summary="The person's summons: upcoming (soonest first), cancelled ones whose time has not "
    "passed (soonest first) and past ones (newest first)",
    description="Cancelled and moved summons are included with their change history. A "
    "citizen may read only their own (another person's id is not found).",
    tags=TAGS,
    path_params=PERSON_ID,
    responses={200: ("The summons", SummonsListResponse), 404: NOT_FOUND_RESPONSE},
    actor_headers=True,
)
def list_summons(person_id: str) -> Response:
    session = request_session()
    person = person_for_subject_read(session, person_id, LIST)
    moment = now()
    items = summons_queries.for_person(session, person.id)
    names = summons_names(session, items)
    record_access(session, LIST, person_id=person.id)
    unseen_plan = plan_queries.unseen_current_version(session, person.id)
    upcoming = [s for s in items if is_upcoming(s.starts_at, s.duration_minutes, moment, s.status)]
    cancelled = [
        s for s in items if is_cancelled_ahead(s.starts_at, s.duration_minutes, moment, s.status)
    ]
    past = [s for s in reversed(items) if s not in upcoming and s not in cancelled]
    body = SummonsListResponse(
        person_id=person.id,
        now=moment,
        upcoming=[summons_out(item, names) for item in upcoming],
        past=[summons_out(item, names) for item in past],
        cancelled=[summons_out(item, names) for item in cancelled],
        unseen_plan_version=unseen_plan,
    )
    return jsonify(body.model_dump(mode="json"))


@api.route(
    "GET",
    "/persons/<person_id>/summons/<summons_id>",
    summary="One summons of the person, with its change history",
    description="The person reading their own summons marks it read as it stands (`is_new` "
    "false until it is moved or cancelled); a caseworker's read does not.",
    tags=TAGS,
    path_params=SUMMONS_ID,
    responses={
        200: ("The summons", SummonsOut),
        404: ("No such person, or no such summons of this person", Problem),
    },
    actor_headers=True,
)
def get_summons(person_id: str, summons_id: str) -> Response:
    session = request_session()
    person = person_for_subject_read(session, person_id, READ)
    summons = summons_queries.of_person(session, person.id, summons_id)
    if summons is None:
        refuse_not_found(session, READ, person.id, NO_SUMMONS)
    record_access(session, READ, person_id=person.id)
    body = summons_out(summons, summons_names(session, [summons]))
    mark_seen_by_person(summons)
    return jsonify(body.model_dump(mode="json"))


@api.route(
    "GET",
    "/organisations/<cvr>/summons",
    summary="A job centre's interviews on a day (its own caseworkers only)",
    description="Every summons of the job centre starting on the Danish day, earliest first, "
    "cancelled ones included, with the person's name. Each person listed gets an audit entry.",
    tags=TAGS,
    path_params={"cvr": "The job centre's CVR number (eight digits)"},
    query=DayQuery,
    responses={
        200: ("The day's interviews", OrganisationSummonsResponse),
        403: ("Not a caseworker of this organisation (`caseworker_only`)", Problem),
    },
    actor_headers=True,
)
def organisation_summons(cvr: str) -> Response:
    session = request_session()
    day = parse_query(DayQuery).day or clock.today()
    actor = current_actor()
    if actor.type != ActorType.CASEWORKER or actor.organisation != cvr:
        session.rollback()
        record_access(session, DAY_LIST, person_id=None, outcome=DENIED)
        session.commit()
        raise rule_violation([("cvr", CASEWORKER_ONLY)], status=403)
    found = summons_queries.for_organisation(
        session, cvr, clock.start_of_day(day), clock.end_of_day(day)
    )
    names = summons_names(session, [summons for summons, _ in found])
    for person_id in dict.fromkeys(person.id for _, person in found):
        record_access(session, DAY_LIST, person_id=person_id)
    body = OrganisationSummonsResponse(
        cvr=cvr,
        day=day,
        summons=[
            DaySummonsOut(
                given_name=person.given_name,
                family_name=person.family_name,
                summons=summons_out(summons, names),
            )
            for summons, person in found
        ],
    )
    return jsonify(body.model_dump(mode="json"))
