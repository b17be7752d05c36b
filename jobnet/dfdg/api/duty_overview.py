"""A job centre's overview of duties (issue 22): which of its citizens have duties overdue or
due within a week, and summons they have said they cannot come to.

Only a caseworker of the job centre (`cvr`) calls it, with a purpose; anyone else is refused
(403, audited), a fund's employee with `jobcentre_only`. The duties are the ones each person
sees (`jobnet.dfdg.api.duties`), computed for the whole municipality in four reads whatever its
size. Audit volume: an entry for each person *listed* (whose duties the answer discloses), not
for every person the computation passed over; and at most 200 persons are listed, so one call
writes at most 200 entries (the caseworker narrows by kind).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NoReturn

from flask import Response, jsonify
from sqlalchemy.orm import Session

from jobnet.dfdg import clock
from jobnet.dfdg.access import check_caseworker_purpose
from jobnet.dfdg.actor import current_actor
from jobnet.dfdg.api.blueprint import api, parse_query
from jobnet.dfdg.api.duties import facts_of
from jobnet.dfdg.api.fund_access import JOBCENTRE_ONLY
from jobnet.dfdg.api.jobcentre_access import now, rule_violation
from jobnet.dfdg.audit import DENIED, record_access
from jobnet.dfdg.context import request_session
from jobnet.dfdg.models.persons import Organisation
from jobnet.dfdg.queries import duties as duty_queries
from jobnet.dfdg.queries import organisations as organisation_queries
from jobnet.dfdg.queries import persons as person_queries
from jobnet.dfdg.rules import CASEWORKER_ONLY
from jobnet.dfdg.schemas.base import Problem
from jobnet.dfdg.schemas.duties import (
    DutyOverviewOut,
    DutyOverviewQuery,
    PersonDutiesOut,
    duty_out,
)
from jobnet.domain import duty_overview
from jobnet.domain.codes import ActorType, OrganisationKind
from jobnet.domain.duties import compute
from jobnet.domain.duty_rules import DutyKind

OVERVIEW = "duties.overview"
CVR = {"cvr": "The job centre's CVR number (eight digits)"}
NOT_OWN = (
    "Not a caseworker of this job centre (`caseworker_only`), or a fund's employee "
    "(`jobcentre_only`)",
    Problem,
)


def _refuse(session: Session, code: str) -> NoReturn:
    session.rollback()
    record_access(session, OVERVIEW, person_id=None, outcome=DENIED)
    session.commit()
    field = "X-Actor-Organisation" if code == JOBCENTRE_ONLY else "cvr"
    raise rule_violation([(field, code)], status=403)


def _own_jobcentre(session: Session, cvr: str) -> Organisation:
    """The job centre `cvr`, when the actor is one of its caseworkers; 403 otherwise."""
    actor = current_actor()
    if actor.type != ActorType.CASEWORKER:
        _refuse(session, CASEWORKER_ONLY)
    check_caseworker_purpose(actor)
    own = organisation_queries.by_cvr(session, actor.organisation) if actor.organisation else None
    if own is not None and own.kind == OrganisationKind.AKASSE:
        _refuse(session, JOBCENTRE_ONLY)
    if own is None or own.cvr != cvr or own.kind != OrganisationKind.JOBCENTRE:
        _refuse(session, CASEWORKER_ONLY)
    return own


def attention_of_municipality(
    session: Session,
    municipality_code: str,
    today: date,
    moment: datetime,
    kinds: tuple[DutyKind, ...] = (),
) -> list[duty_overview.PersonAttention]:
    """Every person of the municipality with the duties that need attention (four reads)."""
    persons = person_queries.today_in_municipality(session, municipality_code, today)
    stored = duty_queries.stored_facts_of_municipality(session, municipality_code, today)
    earliest = clock.start_of_day(duty_queries.history_start(today))
    summons = duty_queries.summons_of_municipality(session, municipality_code, earliest)
    found = []
    for item in persons:
        person_id = item.person.id
        facts = facts_of(
            item.period,
            item.registration,
            stored.get(person_id) or duty_queries.StoredFacts(),
            summons.get(person_id, ()),
            today,
            moment,
        )
        duties = duty_overview.attention(compute(facts), today, moment, kinds)
        if duties:
            found.append(
                duty_overview.PersonAttention(
                    person_id, item.person.family_name, item.person.given_name, tuple(duties)
                )
            )
    return found


@api.route(
    "GET",
    "/organisations/<cvr>/duties",
    summary="The job centre's citizens with duties overdue or due within a week",
    description="For each citizen of the job centre's municipality: the duties overdue or due "
    "in the next seven days (a new plan to read counts as due now), and summons they have said "
    "they cannot come to while their time has not passed (the job centre offers a new time). "
    "The duties are the ones the person sees. `kind` narrows to one kind. Overdue first, then "
    "the soonest deadline; at most 200 persons, `total` says how many need attention. Each "
    "person listed gets an audit entry; a fund's employee is refused (`jobcentre_only`).",
    tags=("duties",),
    path_params=CVR,
    query=DutyOverviewQuery,
    responses={200: ("The citizens needing attention", DutyOverviewOut), 403: NOT_OWN},
    actor_headers=True,
)
def jobcentre_duties(cvr: str) -> Response:
    session = request_session()
    kind = parse_query(DutyOverviewQuery).kind
    organisation = _own_jobcentre(session, cvr)
    today, moment = clock.today(), now()
    found = attention_of_municipality(
        session, organisation.municipality_code or "", today, moment, (kind,) if kind else ()
    )
    persons, total = duty_overview.listed(found)
    for item in persons:
        record_access(session, OVERVIEW, person_id=item.person_id)
    body = DutyOverviewOut(
        cvr=cvr,
        today=today,
        until=duty_overview.attention_until(today),
        kind=kind,
        total=total,
        persons=[
            PersonDutiesOut(
                person_id=item.person_id,
                given_name=item.given_name,
                family_name=item.family_name,
                overdue=item.overdue,
                duties=[duty_out(duty) for duty in item.duties],
            )
            for item in persons
        ],
    )
    return jsonify(body.model_dump(mode="json"))
