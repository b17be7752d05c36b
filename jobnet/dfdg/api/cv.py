"""The CV (Mit CV): read it whole, change one section or one list entry at a time.

A person has one CV, made empty on the first change. Single sections (contact, job wishes,
driving licences, profile, visibility) are replaced with PUT; list sections (experience,
education, courses, skills, languages) have entries added (POST), changed (PUT) and removed
(DELETE, which keeps the row with `deleted_at`). Every change raises the CV's version and writes
a `cv_versions` row. The job centre's approval is set only by a caseworker (403 otherwise).
An entry id of another person, or of a removed entry, is not found (404).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask import Response, jsonify
from pydantic import BaseModel
from sqlalchemy.orm import Session

from jobnet.dfdg import clock
from jobnet.dfdg.actor import current_actor
from jobnet.dfdg.api.blueprint import api, parse_body
from jobnet.dfdg.api.field_issues import field_violation
from jobnet.dfdg.api.fund_access import fund_of_member
from jobnet.dfdg.api.jobcentre_access import jobcentre_of
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
from jobnet.dfdg.insight import visible_address
from jobnet.dfdg.models.cv import Cv, CvEntry
from jobnet.dfdg.queries import actors as actor_queries
from jobnet.dfdg.queries import cv as cv_queries
from jobnet.dfdg.rules import CASEWORKER_ONLY, RuleViolation, refuse
from jobnet.dfdg.schemas.base import FieldError, Problem
from jobnet.dfdg.schemas.cv import (
    ApprovalOut,
    ApprovalRequest,
    ContactOut,
    CourseOut,
    CvChangeOut,
    CvHolderOut,
    CvOut,
    EducationOut,
    ExperienceOut,
    JobWishesOut,
    LanguageOut,
    SkillOut,
)
from jobnet.domain import cv as rules
from jobnet.domain.fields import Issue, clean_text

TAGS = ("cv",)
READ = "cv.read"
UPDATE = "cv.update"
ENTRY_CREATE = "cv.entry.create"
ENTRY_UPDATE = "cv.entry.update"
ENTRY_DELETE = "cv.entry.delete"
APPROVE = "cv.approve"

ENTRY_ID = {**PERSON_ID, "entry_id": "The list entry's id"}
ENTRY_NOT_FOUND = ("No such person, or no such entry of this person in this section", Problem)
CHANGE_RESPONSE = ("The CV after the change", CvChangeOut)


# --- answers ----------------------------------------------------------------------------------


def _entries_out(
    entries: Sequence[CvEntry], section: str, model: type[BaseModel], names: dict[str, str]
) -> list[Any]:
    return [
        model.model_validate(
            {
                **e.data,
                "id": e.id,
                "created_by": actor_out(
                    e.created_by_type, e.created_by_name, e.created_by_organisation, names
                ),
            }
        )
        for e in entries
        if e.section == section
    ]


def _newest_first(items: list[Any], attribute: str) -> list[Any]:
    dated = [item for item in items if getattr(item, attribute) is not None]
    undated = [item for item in items if getattr(item, attribute) is None]
    return sorted(dated, key=lambda item: getattr(item, attribute), reverse=True) + undated


def cv_out(session: Session, person_id: str, cv: Cv | None) -> CvOut:
    entries = cv_queries.entries(session, person_id) if cv is not None else []
    names = (
        actor_queries.organisation_names(
            session,
            [
                cv.updated_by_organisation,
                cv.approved_by_organisation,
                *(e.created_by_organisation for e in entries),
            ],
        )
        if cv is not None
        else {}
    )
    return CvOut(
        person_id=person_id,
        today=clock.today(),
        exists=cv is not None,
        version=cv.version if cv else 0,
        contact=ContactOut(email=cv.email if cv else None, phone=cv.phone if cv else None),
        job_wishes=JobWishesOut(
            titles=list(cv.job_titles) if cv else [],
            area=cv.job_area if cv else None,
            work_time=rules.WorkTime(cv.work_time) if cv and cv.work_time else None,
        ),
        driving_licences=[
            rules.DrivingLicence(code) for code in (cv.driving_licences if cv else [])
        ],
        profile=cv.profile if cv else None,
        searchable=bool(cv and cv.searchable),
        approval=ApprovalOut(
            status=rules.ApprovalStatus(cv.approval_status if cv else "not_assessed"),
            date=cv.approval_date if cv else None,
            note=cv.approval_note if cv else None,
            by=optional_actor_out(
                cv.approved_by_type, cv.approved_by_name, cv.approved_by_organisation, names
            )
            if cv
            else None,
        ),
        experience=_newest_first(
            _entries_out(entries, "experience", ExperienceOut, names), "start_date"
        ),
        education=_newest_first(
            _entries_out(entries, "education", EducationOut, names), "start_date"
        ),
        courses=_newest_first(_entries_out(entries, "courses", CourseOut, names), "completed_on"),
        skills=_entries_out(entries, "skills", SkillOut, names),
        languages=_entries_out(entries, "languages", LanguageOut, names),
        updated_at=cv.updated_at if cv else None,
        updated_by=optional_actor_out(
            cv.updated_by_type, cv.updated_by_name, cv.updated_by_organisation, names
        )
        if cv
        else None,
    )


def change_answer(session: Session, cv: Cv, entry_id: str | None) -> dict[str, Any]:
    session.flush()
    answer = CvChangeOut(entry_id=entry_id, cv=cv_out(session, cv.person_id, cv))
    return answer.model_dump(mode="json")


def body_data(body: BaseModel) -> dict[str, Any]:
    """The body's fields as stored: text cleaned (empty becomes null), dates as ISO strings."""
    data = body.model_dump(mode="json", exclude={"reference"}, by_alias=True)
    return {
        name: (clean_text(value) or None) if isinstance(value, str) else value
        for name, value in data.items()
    }


def refuse_if(session: Session, action: str, person_id: str, found: list[Issue]) -> None:
    if found:
        refuse(session, action, person_id, field_violation(found))


# --- reading ----------------------------------------------------------------------------------


@api.route(
    "GET",
    "/persons/<person_id>/cv",
    summary="The person's CV with every section and the job centre's approval",
    description="A person without a CV gets an empty one with `exists` false.",
    tags=TAGS,
    path_params=PERSON_ID,
    responses={200: ("The CV", CvOut), 404: NOT_FOUND_RESPONSE},
    actor_headers=True,
)
def get_cv(person_id: str) -> Response:
    session = request_session()
    person = person_for_read(session, person_id, READ)
    body = cv_out(session, person.id, cv_queries.of_person(session, person.id))
    street, postcode, city = visible_address(person, current_actor())
    body.holder = CvHolderOut(
        given_name=person.given_name,
        family_name=person.family_name,
        street=street,
        postcode=postcode,
        city=city,
        address_protected=person.address_protected,
    )
    record_access(session, READ, person_id=person.id)
    return jsonify(body.model_dump(mode="json"))


# --- single sections --------------------------------------------------------------------------


# --- the job centre's approval ----------------------------------------------------------------


@api.route(
    "PUT",
    "/persons/<person_id>/cv/approval",
    summary="Set the CV approval status and date (the job centre's or the fund's caseworkers)",
    description="A CV interview records the approval status (chapter 7). Only a caseworker of "
    "the person's job centre, or of the unemployment insurance fund the person is a member of, "
    "may set it: 403 `caseworker_only` for anyone else. The date is not in the future.",
    tags=TAGS,
    path_params=PERSON_ID,
    request_body=ApprovalRequest,
    responses={
        200: CHANGE_RESPONSE,
        403: (
            "Only a caseworker of the person's job centre or fund may set the approval "
            "(`caseworker_only`)",
            Problem,
        ),
        404: NOT_FOUND_RESPONSE,
        422: RULE_RESPONSE,
    },
    actor_headers=True,
    idempotent=True,
)
def put_cv_approval(person_id: str) -> Response:
    session = request_session()
    body = parse_body(ApprovalRequest)
    person = person_for_write(session, person_id, APPROVE)
    actor = current_actor()
    approver = jobcentre_of(session, actor, person) or fund_of_member(session, actor, person)
    if approver is None:
        error = FieldError(
            field="status",
            code=CASEWORKER_ONLY,
            message="Only a caseworker of the person's job centre or fund may set the approval",
            rules="dfdg",
        )
        refuse(session, APPROVE, person.id, RuleViolation(CASEWORKER_ONLY, [error], status=403))
    refuse_if(
        session, APPROVE, person.id, rules.check_approval(body.status, body.when, clock.today())
    )
    cv = cv_queries.ensure(session, person.id, actor)
    cv.approval_status = body.status.value
    cv.approval_date = body.when
    cv.approval_note = (body.note or "").strip() or None
    for column, value in actor_queries.actor_columns("approved_by", actor).items():
        setattr(cv, column, value)
    cv_queries.touch(cv, actor)
    data = {
        "status": cv.approval_status,
        "date": body.when.isoformat() if body.when else None,
        "note": cv.approval_note,
    }
    cv_queries.add_version(
        session,
        cv,
        actor,
        section="approval",
        action="approve",
        data=data,
        reference=body.reference,
    )
    record_access(session, APPROVE, person_id=person.id)
    return jsonify(change_answer(session, cv, None))
