"""My Plan (Min plan, chapters 8-9): the person's job plan, its revisions and measures.

A caseworker of the person's job centre creates the plan and revises it; each revision adds a
version and keeps the earlier ones with their dates (the current plan is the newest version).
A measure keeps its unique key across revisions when the revision names it by `key`.
"""

from __future__ import annotations

from collections.abc import Mapping

from flask import Response, jsonify
from sqlalchemy.orm import Session

from jobnet.dfdg import clock
from jobnet.dfdg.actor import current_actor
from jobnet.dfdg.api.blueprint import api, parse_body
from jobnet.dfdg.api.jobcentre_access import (
    NO_PLAN,
    PLAN_EXISTS,
    UNKNOWN_MEASURE,
    actor_out,
    jobcentre_write,
    person_for_subject_read,
    rule_violation,
)
from jobnet.dfdg.api.records import NOT_FOUND_RESPONSE, PERSON_ID, RULE_RESPONSE
from jobnet.dfdg.audit import record_access
from jobnet.dfdg.context import request_session
from jobnet.dfdg.models.base import new_id, utcnow
from jobnet.dfdg.models.persons import Organisation
from jobnet.dfdg.models.plans import JobPlan, JobPlanVersion, PlanMeasure
from jobnet.dfdg.notices import LETTER, notice_waiting
from jobnet.dfdg.queries import actors as actor_queries
from jobnet.dfdg.queries import plans as plan_queries
from jobnet.dfdg.rules import refuse, refuse_not_found
from jobnet.dfdg.schemas.base import ActorOut, Problem
from jobnet.dfdg.schemas.plans import (
    MeasureOut,
    OrganisationRef,
    PlanOut,
    PlanRequest,
    PlanResponse,
    PlanRevisionSummary,
    PlanVersionOut,
)
from jobnet.domain.codes import ActorType
from jobnet.domain.plans import CopiesPeriod, MeasureDraft, MeasureType, PlanDraft, check_plan

TAGS = ("plans",)
READ = "plan.read"
READ_REVISION = "plan.revision.read"
CREATE = "plan.create"
REVISE = "plan.revise"

REVISION = {**PERSON_ID, "number": "The version's number: 1 is the plan as created"}
WRITE_RESPONSES = {
    403: (
        "Not a caseworker (`caseworker_only`), not of the person's job centre "
        "(`outside_organisation`), or of an unemployment insurance fund (`jobcentre_only`)",
        Problem,
    ),
    404: NOT_FOUND_RESPONSE,
    422: RULE_RESPONSE,
}


# --- answers ----------------------------------------------------------------------------------


def _names(session: Session, plan: JobPlan) -> dict[str, str]:
    cvrs: list[str | None] = []
    for version in plan.versions:
        cvrs += [version.organisation_cvr, version.created_by_organisation]
    return actor_queries.organisation_names(session, cvrs)


def _made_by(version: JobPlanVersion, names: Mapping[str, str]) -> ActorOut:
    return actor_out(
        version.created_by_type, version.created_by_name, version.created_by_organisation, names
    )


def _measure_out(measure: PlanMeasure) -> MeasureOut:
    return MeasureOut(
        key=measure.key,
        type=MeasureType(measure.type),
        start_date=measure.start_date,
        end_date=measure.end_date,
        weekly_hours=measure.weekly_hours,
        provider_cvr=measure.provider_cvr,
        provider_p_number=measure.provider_p_number,
        provider_name=measure.provider_name,
        occupation=measure.occupation,
    )


def _version_out(
    plan: JobPlan, version: JobPlanVersion, names: Mapping[str, str]
) -> PlanVersionOut:
    return PlanVersionOut(
        plan_id=plan.id,
        person_id=plan.person_id,
        number=version.number,
        is_current=version.number == plan_queries.current_version(plan).number,
        revision_date=version.revision_date,
        targets=list(version.targets),
        applications_per_week=version.applications_per_week,
        copies_per_week=version.copies_per_week,
        copies_period=CopiesPeriod(version.copies_period),
        agreed_with=OrganisationRef(
            cvr=version.organisation_cvr, name=names.get(version.organisation_cvr)
        ),
        made_by=_made_by(version, names),
        created_at=version.created_at,
        source_reference=version.source_reference,
        measures=[_measure_out(measure) for measure in version.measures],
        seen_at=version.seen_at,
    )


def _plan_out(session: Session, plan: JobPlan) -> PlanOut:
    names = _names(session, plan)
    current = plan_queries.current_version(plan)
    revisions = [
        PlanRevisionSummary(
            number=version.number,
            revision_date=version.revision_date,
            created_at=version.created_at,
            made_by=_made_by(version, names),
        )
        for version in sorted(plan.versions, key=lambda item: item.number, reverse=True)
    ]
    return PlanOut(
        id=plan.id,
        person_id=plan.person_id,
        created_date=plan.created_date,
        revision_date=current.revision_date,
        current=_version_out(plan, current, names),
        revisions=revisions,
        is_new=current.seen_at is None,
    )


# --- writes -----------------------------------------------------------------------------------


def _draft(body: PlanRequest) -> PlanDraft:
    return PlanDraft(
        targets=tuple(target.strip() for target in body.targets if target.strip()),
        applications_per_week=body.applications_per_week,
        copies_per_week=body.copies_per_week,
        copies_period=body.copies_period,
        measures=tuple(
            MeasureDraft(
                type=item.type,
                start_date=item.start_date,
                end_date=item.end_date,
                weekly_hours=item.weekly_hours,
                provider_cvr=item.provider_cvr or None,
                provider_p_number=item.provider_p_number or None,
                provider_name=item.provider_name or None,
                occupation=item.occupation or None,
                key=item.key,
            )
            for item in body.measures
        ),
    )


def _checked(session: Session, body: PlanRequest, action: str, person_id: str) -> PlanDraft:
    draft = _draft(body)
    problems = check_plan(draft)
    if problems:
        refuse(session, action, person_id, rule_violation(problems))
    return draft


def _version(
    plan: JobPlan, number: int, draft: PlanDraft, organisation: Organisation, reference: str | None
) -> JobPlanVersion:
    version = JobPlanVersion(
        plan=plan,
        number=number,
        revision_date=clock.today(),
        targets=list(draft.targets),
        applications_per_week=draft.applications_per_week,
        copies_per_week=draft.copies_per_week,
        copies_period=draft.copies_period.value,
        organisation_cvr=organisation.cvr,
        source_reference=reference,
        **actor_queries.actor_columns("created_by", current_actor()),
    )
    version.measures = [
        PlanMeasure(
            key=measure.key or new_id(),
            position=position,
            type=measure.type.value,
            start_date=measure.start_date,
            end_date=measure.end_date,
            weekly_hours=measure.weekly_hours,
            provider_cvr=measure.provider_cvr,
            provider_p_number=measure.provider_p_number,
            provider_name=measure.provider_name,
            occupation=measure.occupation,
        )
        for position, measure in enumerate(draft.measures)
    ]
    return version


@api.route(
    "POST",
    "/persons/<person_id>/plans",
    summary="Create the person's job plan (caseworker of the person's job centre)",
    description="Employment targets, the job-search requirement (applications a week) and the "
    "measures. The plan is agreed with the caseworker's job centre and dated today. A person "
    "has one plan: when there is one already, revise it (422 `plan_exists`).",
    tags=TAGS,
    path_params=PERSON_ID,
    request_body=PlanRequest,
    responses={201: ("The plan", PlanOut), **WRITE_RESPONSES},
    actor_headers=True,
    idempotent=True,
)
def create_plan(person_id: str) -> tuple[Response, int]:
    session = request_session()
    body = parse_body(PlanRequest)
    person, organisation = jobcentre_write(session, person_id, CREATE)
    draft = _checked(session, body, CREATE, person.id)
    if plan_queries.of_person(session, person.id) is not None:
        refuse(session, CREATE, person.id, rule_violation([("person_id", PLAN_EXISTS)]))
    if any(measure.key for measure in draft.measures):
        refuse(session, CREATE, person.id, rule_violation([("measures", UNKNOWN_MEASURE)]))
    plan = plan_queries.add(
        session, JobPlan(id=new_id(), person_id=person.id, created_date=clock.today())
    )
    session.add(_version(plan, 1, draft, organisation, body.reference))
    session.flush()
    notice_waiting(session, person.id, LETTER)
    record_access(session, CREATE, person_id=person.id)
    return jsonify(_plan_out(session, plan).model_dump(mode="json")), 201


@api.route(
    "POST",
    "/persons/<person_id>/plan/revisions",
    summary="Revise the person's job plan: adds a version, keeps the earlier ones",
    description="The whole plan as revised. A measure of the current version named by its "
    "`key` keeps that key; a `key` the current version does not have is refused "
    "(`unknown_measure`). No plan yet: 422 `no_plan`.",
    tags=TAGS,
    path_params=PERSON_ID,
    request_body=PlanRequest,
    responses={201: ("The revised plan", PlanOut), **WRITE_RESPONSES},
    actor_headers=True,
    idempotent=True,
)
def revise_plan(person_id: str) -> tuple[Response, int]:
    session = request_session()
    body = parse_body(PlanRequest)
    person, organisation = jobcentre_write(session, person_id, REVISE)
    draft = _checked(session, body, REVISE, person.id)
    plan = plan_queries.of_person(session, person.id)
    if plan is None:
        refuse(session, REVISE, person.id, rule_violation([("person_id", NO_PLAN)]))
    current = plan_queries.current_version(plan)
    known = {measure.key for measure in current.measures}
    unknown = [
        (f"measures.{index}.key", UNKNOWN_MEASURE)
        for index, measure in enumerate(draft.measures)
        if measure.key and measure.key not in known
    ]
    if unknown:
        refuse(session, REVISE, person.id, rule_violation(unknown))
    version = _version(plan, current.number + 1, draft, organisation, body.reference)
    session.add(version)
    session.flush()
    notice_waiting(session, person.id, LETTER)
    record_access(session, REVISE, person_id=person.id)
    return jsonify(_plan_out(session, plan).model_dump(mode="json")), 201


# --- reads ------------------------------------------------------------------------------------


@api.route(
    "GET",
    "/persons/<person_id>/plan",
    summary="The person's current job plan and the list of its revisions",
    description="`plan` is null when the person has no plan. A citizen may read only their "
    "own plan (another person's id is not found). The person reading their own plan marks its "
    "current version read (`is_new` false until the next revision); a caseworker's read does "
    "not.",
    tags=TAGS,
    path_params=PERSON_ID,
    responses={200: ("The plan, or null", PlanResponse), 404: NOT_FOUND_RESPONSE},
    actor_headers=True,
)
def get_plan(person_id: str) -> Response:
    session = request_session()
    person = person_for_subject_read(session, person_id, READ)
    plan = plan_queries.of_person(session, person.id)
    record_access(session, READ, person_id=person.id)
    body = PlanResponse(person_id=person.id, plan=_plan_out(session, plan) if plan else None)
    if plan is not None and current_actor().type == ActorType.CITIZEN:
        current = plan_queries.current_version(plan)
        if current.seen_at is None:
            current.seen_at = utcnow()
    return jsonify(body.model_dump(mode="json"))


@api.route(
    "GET",
    "/persons/<person_id>/plan/revisions/<int:number>",
    summary="One version of the person's job plan (1 is the plan as created)",
    tags=TAGS,
    path_params=REVISION,
    responses={
        200: ("The version", PlanVersionOut),
        404: ("No such person, no plan, or no version with this number", Problem),
    },
    actor_headers=True,
)
def get_plan_revision(person_id: str, number: int) -> Response:
    session = request_session()
    person = person_for_subject_read(session, person_id, READ_REVISION)
    plan = plan_queries.of_person(session, person.id)
    version = plan_queries.version(plan, number) if plan else None
    if plan is None or version is None:
        refuse_not_found(
            session, READ_REVISION, person.id, "The person's plan has no version with this number"
        )
    record_access(session, READ_REVISION, person_id=person.id)
    body = _version_out(plan, version, _names(session, plan))
    return jsonify(body.model_dump(mode="json"))
