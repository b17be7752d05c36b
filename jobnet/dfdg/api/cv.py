"""The CV (Mit CV): read it whole, change one section or one list entry at a time.

A person has one CV, made empty on the first change. Single sections (contact, job wishes,
driving licences, profile, visibility) are replaced with PUT; list sections (experience,
education, courses, skills, languages) have entries added (POST), changed (PUT) and removed
(DELETE, which keeps the row with `deleted_at`). Every change raises the CV's version and writes
a `cv_versions` row. The job centre's approval is set only by a caseworker (403 otherwise).
An entry id of another person, or of a removed entry, is not found (404).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask import Response, jsonify
from pydantic import BaseModel
from sqlalchemy.orm import Session

from jobnet.dfdg import clock
from jobnet.dfdg.actor import current_actor
from jobnet.dfdg.api.blueprint import api, parse_body
from jobnet.dfdg.api.field_issues import field_violation
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
from jobnet.dfdg.insight import visible_address
from jobnet.dfdg.models.base import utcnow
from jobnet.dfdg.models.cv import Cv, CvEntry
from jobnet.dfdg.queries import actors as actor_queries
from jobnet.dfdg.queries import cv as cv_queries
from jobnet.dfdg.rules import CASEWORKER_ONLY, RuleViolation, refuse, refuse_not_found
from jobnet.dfdg.schemas.base import ActorOut, FieldError, Problem
from jobnet.dfdg.schemas.cv import (
    ApprovalOut,
    ApprovalRequest,
    ContactOut,
    ContactRequest,
    CourseOut,
    CourseRequest,
    CvChangeOut,
    CvHolderOut,
    CvOut,
    DrivingLicencesRequest,
    EducationOut,
    EducationRequest,
    ExperienceOut,
    ExperienceRequest,
    JobWishesOut,
    JobWishesRequest,
    LanguageOut,
    LanguageRequest,
    ProfileRequest,
    RemovalRequest,
    SkillOut,
    SkillRequest,
    VisibilityRequest,
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


def _actor_out(
    type_: str | None, name: str | None, organisation: str | None, names: dict[str, str]
) -> ActorOut | None:
    if type_ is None:
        return None
    return ActorOut(
        type=type_,
        name=name,
        organisation=organisation,
        organisation_name=names.get(organisation) if organisation else None,
    )


def _entries_out(
    entries: Sequence[CvEntry], section: str, model: type[BaseModel], names: dict[str, str]
) -> list[Any]:
    return [
        model.model_validate(
            {
                **e.data,
                "id": e.id,
                "created_by": _actor_out(
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
            by=_actor_out(
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
        updated_by=_actor_out(
            cv.updated_by_type, cv.updated_by_name, cv.updated_by_organisation, names
        )
        if cv
        else None,
    )


def _change_answer(session: Session, cv: Cv, entry_id: str | None) -> dict[str, Any]:
    session.flush()
    answer = CvChangeOut(entry_id=entry_id, cv=cv_out(session, cv.person_id, cv))
    return answer.model_dump(mode="json")


def _data(body: BaseModel) -> dict[str, Any]:
    """The body's fields as stored: text cleaned (empty becomes null), dates as ISO strings."""
    data = body.model_dump(mode="json", exclude={"reference"}, by_alias=True)
    return {
        name: (clean_text(value) or None) if isinstance(value, str) else value
        for name, value in data.items()
    }


def _refuse_if(session: Session, action: str, person_id: str, found: list[Issue]) -> None:
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


@dataclass(frozen=True)
class SingleSection:
    section: rules.Section
    path: str
    request: type[BaseModel]
    summary: str
    check: Callable[[Any], list[Issue]]
    apply: Callable[[Cv, Any], dict[str, Any]]  # sets the columns; answers the version data


def _apply_contact(cv: Cv, body: ContactRequest) -> dict[str, Any]:
    cv.email = (body.email or "").strip() or None
    cv.phone = rules.normalise_phone(body.phone) if body.phone else None
    return {"email": cv.email, "phone": cv.phone}


def _apply_job_wishes(cv: Cv, body: JobWishesRequest) -> dict[str, Any]:
    cv.job_titles = rules.clean_titles(body.titles)
    cv.job_area = clean_text(body.area) or None
    cv.work_time = body.work_time.value
    return {"titles": cv.job_titles, "area": cv.job_area, "work_time": cv.work_time}


def _apply_licences(cv: Cv, body: DrivingLicencesRequest) -> dict[str, Any]:
    order = [licence.value for licence in rules.DrivingLicence]
    cv.driving_licences = sorted((code.value for code in body.licences), key=order.index)
    return {"licences": cv.driving_licences}


def _apply_profile(cv: Cv, body: ProfileRequest) -> dict[str, Any]:
    cv.profile = clean_text(body.text) or None
    return {"text": cv.profile}


def _apply_visibility(cv: Cv, body: VisibilityRequest) -> dict[str, Any]:
    cv.searchable = body.searchable
    return {"searchable": cv.searchable}


SINGLE_SECTIONS = (
    SingleSection(
        rules.Section.CONTACT,
        "contact",
        ContactRequest,
        "Change the CV's contact details (e-mail, phone)",
        lambda body: rules.check_contact(body.email, body.phone),
        _apply_contact,
    ),
    SingleSection(
        rules.Section.JOB_WISHES,
        "job-wishes",
        JobWishesRequest,
        "Change the CV's job wishes: titles, area, full or part time",
        lambda body: rules.check_job_wishes(body.titles, body.area, body.work_time.value),
        _apply_job_wishes,
    ),
    SingleSection(
        rules.Section.DRIVING_LICENCES,
        "driving-licences",
        DrivingLicencesRequest,
        "Change the CV's driving licences",
        lambda body: rules.check_driving_licences([code.value for code in body.licences]),
        _apply_licences,
    ),
    SingleSection(
        rules.Section.PROFILE,
        "profile",
        ProfileRequest,
        "Change the CV's short profile text",
        lambda body: rules.check_profile(body.text),
        _apply_profile,
    ),
    SingleSection(
        rules.Section.VISIBILITY,
        "visibility",
        VisibilityRequest,
        "Change whether employers may find the CV",
        lambda body: [],
        _apply_visibility,
    ),
)


def _single_view(spec: SingleSection) -> Callable[[str], Response]:
    def view(person_id: str) -> Response:
        session = request_session()
        body = parse_body(spec.request)
        person = person_for_write(session, person_id, UPDATE)
        _refuse_if(session, UPDATE, person.id, spec.check(body))
        actor = current_actor()
        cv = cv_queries.ensure(session, person.id, actor)
        data = spec.apply(cv, body)
        cv_queries.touch(cv, actor)
        reference = getattr(body, "reference", None)
        cv_queries.add_version(
            session,
            cv,
            actor,
            section=spec.section,
            action="update",
            data=data,
            reference=reference,
        )
        record_access(session, UPDATE, person_id=person.id)
        return jsonify(_change_answer(session, cv, None))

    view.__name__ = view.__qualname__ = f"put_cv_{spec.section.value}"
    return view


for _spec in SINGLE_SECTIONS:
    api.route(
        "PUT",
        f"/persons/<person_id>/cv/{_spec.path}",
        summary=_spec.summary,
        description="Replaces the section. The CV is made on the first change.",
        tags=TAGS,
        path_params=PERSON_ID,
        request_body=_spec.request,
        responses={200: CHANGE_RESPONSE, 404: NOT_FOUND_RESPONSE, 422: RULE_RESPONSE},
        actor_headers=True,
        idempotent=True,
    )(_single_view(_spec))


# --- list sections ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ListSection:
    section: rules.Section
    request: type[BaseModel]
    noun: str
    # (body, the section's other entries, today) -> issues
    check: Callable[[Any, list[CvEntry], date], list[Issue]]

    @property
    def path(self) -> str:
        return self.section.value


def _others(entries: list[CvEntry], field: str) -> list[str]:
    return [str(entry.data.get(field) or "") for entry in entries]


LIST_SECTIONS = (
    ListSection(
        rules.Section.EXPERIENCE,
        ExperienceRequest,
        "work experience entry",
        lambda body, _others_, today: rules.check_experience(
            employer=body.employer,
            title=body.title,
            start_date=body.start_date,
            end_date=body.end_date,
            ongoing=body.ongoing,
            description=body.description,
            today=today,
        ),
    ),
    ListSection(
        rules.Section.EDUCATION,
        EducationRequest,
        "education entry",
        lambda body, _others_, today: rules.check_education(
            institution=body.institution,
            programme=body.programme,
            start_date=body.start_date,
            end_date=body.end_date,
            completed=body.completed,
            today=today,
        ),
    ),
    ListSection(
        rules.Section.COURSES,
        CourseRequest,
        "course or certificate",
        lambda body, _others_, today: rules.check_course(
            name=body.name, provider=body.provider, completed_on=body.completed_on, today=today
        ),
    ),
    ListSection(
        rules.Section.SKILLS,
        SkillRequest,
        "skill",
        lambda body, others, _today: rules.check_skill(
            name=body.name, others=_others(others, "name")
        ),
    ),
    ListSection(
        rules.Section.LANGUAGES,
        LanguageRequest,
        "language",
        lambda body, others, _today: rules.check_language(
            language=body.language, level=body.level.value, others=_others(others, "language")
        ),
    ),
)


def _section_entries(session: Session, person_id: str, section: str) -> list[CvEntry]:
    return [e for e in cv_queries.entries(session, person_id) if e.section == section]


def _entry_or_404(
    session: Session, person_id: str, spec: ListSection, entry_id: str, action: str
) -> CvEntry:
    entry = cv_queries.entry_of_person(session, person_id, spec.section.value, entry_id)
    if entry is None:
        refuse_not_found(session, action, person_id, f"The person has no such {spec.noun}")
    return entry


def _too_many(session: Session, person_id: str, spec: ListSection) -> None:
    if (
        len(_section_entries(session, person_id, spec.section.value))
        >= rules.MAX_ENTRIES_PER_SECTION
    ):
        _refuse_if(
            session,
            ENTRY_CREATE,
            person_id,
            [Issue("section", rules.FieldProblem.TOO_MANY)],
        )


def _add_view(spec: ListSection) -> Callable[[str], tuple[Response, int]]:
    def view(person_id: str) -> tuple[Response, int]:
        session = request_session()
        body = parse_body(spec.request)
        person = person_for_write(session, person_id, ENTRY_CREATE)
        others = _section_entries(session, person.id, spec.section.value)
        _refuse_if(session, ENTRY_CREATE, person.id, spec.check(body, others, clock.today()))
        _too_many(session, person.id, spec)
        actor = current_actor()
        cv = cv_queries.ensure(session, person.id, actor)
        reference = getattr(body, "reference", None)
        entry = CvEntry(
            cv_id=cv.id,
            person_id=person.id,
            section=spec.section.value,
            data=_data(body),
            source_reference=reference,
            version=1,
            **actor_queries.actor_columns("created_by", actor),
        )
        session.add(entry)
        session.flush()
        cv_queries.touch(cv, actor)
        cv_queries.add_version(
            session,
            cv,
            actor,
            section=spec.section,
            action="create",
            data=entry.data,
            reference=reference,
            entry_id=entry.id,
        )
        record_access(session, ENTRY_CREATE, person_id=person.id)
        return jsonify(_change_answer(session, cv, entry.id)), 201

    view.__name__ = view.__qualname__ = f"add_cv_{spec.section.value}"
    return view


def _edit_view(spec: ListSection) -> Callable[[str, str], Response]:
    def view(person_id: str, entry_id: str) -> Response:
        session = request_session()
        body = parse_body(spec.request)
        person = person_for_write(session, person_id, ENTRY_UPDATE)
        entry = _entry_or_404(session, person.id, spec, entry_id, ENTRY_UPDATE)
        others = [
            e for e in _section_entries(session, person.id, spec.section.value) if e.id != entry.id
        ]
        _refuse_if(session, ENTRY_UPDATE, person.id, spec.check(body, others, clock.today()))
        actor = current_actor()
        cv = cv_queries.ensure(session, person.id, actor)
        reference = getattr(body, "reference", None)
        entry.data = _data(body)
        entry.version += 1
        entry.updated_at = utcnow()
        entry.source_reference = reference or entry.source_reference
        for column, value in actor_queries.actor_columns("updated_by", actor).items():
            setattr(entry, column, value)
        cv_queries.touch(cv, actor)
        cv_queries.add_version(
            session,
            cv,
            actor,
            section=spec.section,
            action="update",
            data=entry.data,
            reference=reference,
            entry_id=entry.id,
        )
        record_access(session, ENTRY_UPDATE, person_id=person.id)
        return jsonify(_change_answer(session, cv, entry.id))

    view.__name__ = view.__qualname__ = f"edit_cv_{spec.section.value}"
    return view


def _remove_view(spec: ListSection) -> Callable[[str, str], Response]:
    def view(person_id: str, entry_id: str) -> Response:
        session = request_session()
        body = parse_body(RemovalRequest)
        person = person_for_write(session, person_id, ENTRY_DELETE)
        entry = _entry_or_404(session, person.id, spec, entry_id, ENTRY_DELETE)
        actor = current_actor()
        cv = cv_queries.ensure(session, person.id, actor)
        entry.deleted_at = utcnow()
        for column, value in actor_queries.actor_columns("deleted_by", actor).items():
            setattr(entry, column, value)
        cv_queries.touch(cv, actor)
        cv_queries.add_version(
            session,
            cv,
            actor,
            section=spec.section,
            action="delete",
            data=entry.data,
            reference=body.reference,
            entry_id=entry.id,
        )
        record_access(session, ENTRY_DELETE, person_id=person.id)
        return jsonify(_change_answer(session, cv, entry.id))

    view.__name__ = view.__qualname__ = f"remove_cv_{spec.section.value}"
    return view


for _list in LIST_SECTIONS:
    api.route(
        "POST",
        f"/persons/<person_id>/cv/{_list.path}",
        summary=f"Add a {_list.noun} to the CV",
        tags=TAGS,
        path_params=PERSON_ID,
        request_body=_list.request,
        responses={201: CHANGE_RESPONSE, 404: NOT_FOUND_RESPONSE, 422: RULE_RESPONSE},
        actor_headers=True,
        idempotent=True,
    )(_add_view(_list))
    api.route(
        "PUT",
        f"/persons/<person_id>/cv/{_list.path}/<entry_id>",
        summary=f"Change a {_list.noun} of the CV",
        tags=TAGS,
        path_params=ENTRY_ID,
        request_body=_list.request,
        responses={200: CHANGE_RESPONSE, 404: ENTRY_NOT_FOUND, 422: RULE_RESPONSE},
        actor_headers=True,
        idempotent=True,
    )(_edit_view(_list))
    api.route(
        "DELETE",
        f"/persons/<person_id>/cv/{_list.path}/<entry_id>",
        summary=f"Remove a {_list.noun} from the CV",
        description="The entry keeps its row with `deleted_at`; the body carries the reference.",
        tags=TAGS,
        path_params=ENTRY_ID,
        request_body=RemovalRequest,
        responses={200: CHANGE_RESPONSE, 404: ENTRY_NOT_FOUND},
        actor_headers=True,
        idempotent=True,
    )(_remove_view(_list))


# --- the job centre's approval ----------------------------------------------------------------


@api.route(
    "PUT",
    "/persons/<person_id>/cv/approval",
    summary="Set the job centre's CV approval status and date (caseworkers only)",
    description="A CV interview records the approval status (chapter 7). Only a caseworker "
    "may set it: 403 `caseworker_only` for anyone else. The date is not in the future.",
    tags=TAGS,
    path_params=PERSON_ID,
    request_body=ApprovalRequest,
    responses={
        200: CHANGE_RESPONSE,
        403: (
            "Only a caseworker of the person's job centre may set the approval (`caseworker_only`)",
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
    if jobcentre_of(session, actor, person) is None:
        error = FieldError(
            field="status",
            code=CASEWORKER_ONLY,
            message="Only a caseworker of the person's job centre may set the approval",
            rules="dfdg",
        )
        refuse(session, APPROVE, person.id, RuleViolation(CASEWORKER_ONLY, [error], status=403))
    _refuse_if(
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
    return jsonify(_change_answer(session, cv, None))
