"""The CV's sections: single sections (contact, job wishes, driving licences, profile,
visibility) are put whole; list sections (experience, education, courses, skills, languages)
are added, changed and removed one entry at a time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask import Response, jsonify
from pydantic import BaseModel
from sqlalchemy.orm import Session

from jobnet.dfdg import clock
from jobnet.dfdg.actor import current_actor
from jobnet.dfdg.api.blueprint import api, parse_body
from jobnet.dfdg.api.cv import (
    CHANGE_RESPONSE,
    ENTRY_CREATE,
    ENTRY_DELETE,
    ENTRY_ID,
    ENTRY_NOT_FOUND,
    ENTRY_UPDATE,
    TAGS,
    UPDATE,
    body_data,
    change_answer,
    refuse_if,
)
from jobnet.dfdg.api.records import (
    NOT_FOUND_RESPONSE,
    PERSON_ID,
    RULE_RESPONSE,
    person_for_write,
)
from jobnet.dfdg.audit import record_access
from jobnet.dfdg.context import request_session
from jobnet.dfdg.models.base import utcnow
from jobnet.dfdg.models.cv import Cv, CvEntry
from jobnet.dfdg.queries import actors as actor_queries
from jobnet.dfdg.queries import cv as cv_queries
from jobnet.dfdg.rules import refuse_not_found
from jobnet.dfdg.schemas.cv import (
    ContactRequest,
    CourseRequest,
    DrivingLicencesRequest,
    EducationRequest,
    ExperienceRequest,
    JobWishesRequest,
    LanguageRequest,
    ProfileRequest,
    RemovalRequest,
    SkillRequest,
    VisibilityRequest,
)
from jobnet.domain import cv as rules
from jobnet.domain.fields import Issue, clean_text


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
        refuse_if(session, UPDATE, person.id, spec.check(body))
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
        return jsonify(change_answer(session, cv, None))

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
        refuse_if(
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
        refuse_if(session, ENTRY_CREATE, person.id, spec.check(body, others, clock.today()))
        _too_many(session, person.id, spec)
        actor = current_actor()
        cv = cv_queries.ensure(session, person.id, actor)
        reference = getattr(body, "reference", None)
        entry = CvEntry(
            cv_id=cv.id,
            person_id=person.id,
            section=spec.section.value,
            data=body_data(body),
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
        return jsonify(change_answer(session, cv, entry.id)), 201

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
        refuse_if(session, ENTRY_UPDATE, person.id, spec.check(body, others, clock.today()))
        actor = current_actor()
        cv = cv_queries.ensure(session, person.id, actor)
        reference = getattr(body, "reference", None)
        entry.data = body_data(body)
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
        return jsonify(change_answer(session, cv, entry.id))

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
        return jsonify(change_answer(session, cv, entry.id))

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
