"""Held interviews (§ 14), registered by the job centre: date (today or at most 7 days back),
form, the agreement on the further course of contact, and the match group for the contact groups
that have one. A new match group takes effect from the interview's date: the person's current
contact-group period ends the day before and a new one with the new match group begins."""

from __future__ import annotations

from datetime import date, timedelta

from flask import Response, jsonify
from pydantic import Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from jobnet.dfdg import clock
from jobnet.dfdg.actor import current_actor
from jobnet.dfdg.api.blueprint import api, parse_body
from jobnet.dfdg.api.jobcentre_access import jobcentre_of
from jobnet.dfdg.api.records import (
    NOT_FOUND_RESPONSE,
    PERSON_ID,
    RULE_RESPONSE,
    person_for_read,
    person_for_write,
)
from jobnet.dfdg.audit import record_access
from jobnet.dfdg.context import request_session
from jobnet.dfdg.models.interviews import HeldInterview
from jobnet.dfdg.models.persons import Person
from jobnet.dfdg.queries import actors as actor_queries
from jobnet.dfdg.queries import persons as person_queries
from jobnet.dfdg.rules import CASEWORKER_ONLY, MESSAGES, broken, refuse, violation
from jobnet.dfdg.schemas.base import ActorOut, Problem, Reference, RequestBody, ResponseBody
from jobnet.domain.interviews import InterviewProblem, check_held_interview
from jobnet.domain.summons import InterviewForm

TAGS = ("interviews",)
CREATE = "interview.create"
READ = "interviews.read"

MESSAGES.update(
    {
        InterviewProblem.IN_THE_FUTURE: "An interview cannot be recorded before it is held",
        InterviewProblem.TOO_FAR_BACK: "An interview may be recorded at most 7 days back",
        InterviewProblem.NOT_IN_A_CONTACT_GROUP: "The person is in no contact group",
        InterviewProblem.MATCH_GROUP_MISSING: "Contact groups 2 and 3 need a match group",
        InterviewProblem.MATCH_GROUP_NOT_ALLOWED: "Only contact groups 2 and 3 have a match group",
        InterviewProblem.AGREEMENT_MISSING: "Record the agreement on the further contact",
        InterviewProblem.AGREEMENT_TOO_LONG: "The agreement is at most 2000 characters",
    }
)
_FIELD = {
    InterviewProblem.IN_THE_FUTURE: "held_on",
    InterviewProblem.TOO_FAR_BACK: "held_on",
    InterviewProblem.AGREEMENT_MISSING: "agreement",
    InterviewProblem.AGREEMENT_TOO_LONG: "agreement",
}


class HeldInterviewRequest(RequestBody):
    held_on: date
    form: InterviewForm
    agreement: str = Field(max_length=4000)
    match_group: int | None = Field(default=None, ge=1, le=3)
    reference: Reference | None = None


class HeldInterviewOut(ResponseBody):
    id: str
    person_id: str
    held_on: date
    form: InterviewForm
    agreement: str
    match_group: int | None
    source_reference: str | None
    created_by: ActorOut


class HeldInterviewsResponse(ResponseBody):
    interviews: list[HeldInterviewOut]


def _out(interview: HeldInterview, names: dict[str, str]) -> HeldInterviewOut:
    return HeldInterviewOut(
        id=interview.id,
        person_id=interview.person_id,
        held_on=interview.held_on,
        form=InterviewForm(interview.form),
        agreement=interview.agreement,
        match_group=interview.match_group,
        source_reference=interview.source_reference,
        created_by=ActorOut(
            type=interview.created_by_type,
            name=interview.created_by_name,
            organisation=interview.created_by_organisation,
            organisation_name=names.get(interview.created_by_organisation or ""),
        ),
    )


def _apply_match_group(session: Session, person: Person, held_on: date, match_group: int) -> None:
    period = person_queries.current_period(session, person.id, held_on)
    if period is None or period.match_group == match_group:
        return
    if period.start_date >= held_on:
        period.match_group = match_group
        return
    following_end = period.end_date
    period.end_date = held_on - timedelta(days=1)
    person_queries.add_period(
        session, person, period.contact_group, match_group, held_on, following_end
    )


@api.route(
    "POST",
    "/persons/<person_id>/interviews",
    summary="Record a held interview (caseworkers only)",
    description="The date may be today or up to 7 days back. For contact groups 2 and 3 the "
    "match group is required and takes effect from that date; others must not send one.",
    tags=TAGS,
    path_params=PERSON_ID,
    request_body=HeldInterviewRequest,
    responses={
        201: ("The interview", HeldInterviewOut),
        403: (
            "Only a caseworker of the person's job centre may record an interview "
            "(`caseworker_only`)",
            Problem,
        ),
        404: NOT_FOUND_RESPONSE,
        422: RULE_RESPONSE,
    },
    actor_headers=True,
    idempotent=True,
)
def record_interview(person_id: str) -> tuple[Response, int]:
    session = request_session()
    body = parse_body(HeldInterviewRequest)
    person = person_for_write(session, person_id, CREATE)
    actor = current_actor()
    if jobcentre_of(session, actor, person) is None:
        refuse(
            session,
            CREATE,
            person.id,
            violation([broken("person_id", CASEWORKER_ONLY)], status=403),
        )
    today = clock.today()
    period = person_queries.current_period(session, person.id, min(body.held_on, today))
    problem = check_held_interview(
        body.held_on,
        today,
        contact_group=period.contact_group if period else None,
        match_group=body.match_group,
        agreement=body.agreement,
    )
    if problem is not None:
        field = _FIELD.get(problem, "match_group")
        refuse(session, CREATE, person.id, violation([broken(field, problem)]))
    interview = HeldInterview(
        person_id=person.id,
        held_on=body.held_on,
        form=body.form.value,
        agreement=body.agreement.strip(),
        match_group=body.match_group,
        source_reference=body.reference,
        **actor_queries.actor_columns("created_by", actor),
    )
    session.add(interview)
    if body.match_group is not None:
        _apply_match_group(session, person, body.held_on, body.match_group)
    session.flush()
    record_access(session, CREATE, person_id=person.id)
    names = actor_queries.organisation_names(session, [interview.created_by_organisation])
    return jsonify(_out(interview, names).model_dump(mode="json")), 201


@api.route(
    "GET",
    "/persons/<person_id>/interviews",
    summary="The person's held interviews, newest first",
    tags=TAGS,
    path_params=PERSON_ID,
    responses={200: ("The interviews", HeldInterviewsResponse), 404: NOT_FOUND_RESPONSE},
    actor_headers=True,
)
def list_interviews(person_id: str) -> Response:
    session = request_session()
    person = person_for_read(session, person_id, READ)
    interviews = list(
        session.scalars(
            select(HeldInterview)
            .where(HeldInterview.person_id == person.id)
            .order_by(HeldInterview.held_on.desc(), HeldInterview.created_at.desc())
        )
    )
    record_access(session, READ, person_id=person.id)
    names = actor_queries.organisation_names(
        session, [i.created_by_organisation for i in interviews]
    )
    body = HeldInterviewsResponse(interviews=[_out(i, names) for i in interviews])
    return jsonify(body.model_dump(mode="json"))
