"""What the jobseeker endpoints share: finding the person, and records as API answers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Literal, cast

from sqlalchemy.orm import Session

from jobnet.dfdg.models.persons import Person
from jobnet.dfdg.models.registrations import Absence, Registration
from jobnet.dfdg.queries import actors as actor_queries
from jobnet.dfdg.queries import persons as person_queries
from jobnet.dfdg.queries import registrations as registration_queries
from jobnet.dfdg.rules import refuse_not_found
from jobnet.dfdg.schemas.base import ActorOut, Problem
from jobnet.dfdg.schemas.registrations import AbsenceOut, RegistrationOut
from jobnet.domain.absences import AbsenceReason
from jobnet.domain.jobseeker import DeregistrationReason, RegistrationCategory, UnemploymentDegree

AbsenceStatus = Literal["active", "cancelled"]

PERSON_ID = {"person_id": "DFDG's own id of the person (a UUID, never derived from the CPR)"}
NOT_FOUND_RESPONSE = ("No person has this id", Problem)
RULE_RESPONSE = (
    "A rule is broken: `code` names it (e.g. date_in_the_past, overlaps) and `errors` the field",
    Problem,
)
NO_PERSON = "No person has this id"


def person_for_read(session: Session, person_id: str, action: str) -> Person:
    person = person_queries.get(session, person_id)
    if person is None:
        refuse_not_found(session, action, None, NO_PERSON)
    return person


def person_today_for_read(
    session: Session, person_id: str, action: str, today: date, *, with_plan: bool = False
) -> person_queries.PersonToday:
    """The person with their contact-group period and registration today (and the unread plan
    version if `with_plan`), in one query; an audited 404 when unknown."""
    found = person_queries.today_of(session, person_id, today, with_plan=with_plan)
    if found is None:
        refuse_not_found(session, action, None, NO_PERSON)
    return found


def person_for_write(session: Session, person_id: str, action: str) -> Person:
    """The person, locked until the write commits; an audited 404 when unknown."""
    person = registration_queries.lock_person(session, person_id)
    if person is None:
        refuse_not_found(session, action, None, NO_PERSON)
    return person


def actor_out(
    type_: str, name: str | None, organisation: str | None, names: Mapping[str, str]
) -> ActorOut:
    """Who did it, as DFDG answers it; `names` has the organisations' names by CVR."""
    return ActorOut(
        type=type_,
        name=name,
        organisation=organisation,
        organisation_name=names.get(organisation) if organisation else None,
    )


def optional_actor_out(
    type_: str | None, name: str | None, organisation: str | None, names: Mapping[str, str]
) -> ActorOut | None:
    """Who did it, when anyone has (`type_` null: no one yet, e.g. not ended)."""
    return None if type_ is None else actor_out(type_, name, organisation, names)


def record_organisations(records: Iterable[Registration | Absence]) -> list[str | None]:
    """The CVR numbers of the organisations that created or ended `records`."""
    cvrs: list[str | None] = []
    for record in records:
        cvrs.append(record.created_by_organisation)
        if isinstance(record, Registration):
            cvrs.append(record.deregistered_by_organisation)
        else:
            cvrs.append(record.ended_by_organisation)
    return cvrs


def organisation_names(
    session: Session, records: Iterable[Registration | Absence]
) -> dict[str, str]:
    """Names of every organisation that created or ended one of `records` (one query)."""
    return actor_queries.organisation_names(session, record_organisations(records))


def _deregistration_reason(value: str | None) -> DeregistrationReason | None:
    return DeregistrationReason(value) if value else None


def registration_out(registration: Registration, names: Mapping[str, str]) -> RegistrationOut:
    created_by = actor_out(
        registration.created_by_type,
        registration.created_by_name,
        registration.created_by_organisation,
        names,
    )
    return RegistrationOut(
        id=registration.id,
        person_id=registration.person_id,
        category=RegistrationCategory(registration.category),
        start_date=registration.start_date,
        degree=UnemploymentDegree(registration.degree),
        weekly_hours=registration.weekly_hours,
        job_titles=list(registration.job_titles),
        registered_at=registration.registered_at,
        created_by=created_by,
        source_reference=registration.source_reference,
        end_date=registration.end_date,
        deregistration_reason=_deregistration_reason(registration.deregistration_reason),
        deregistration_other_text=registration.deregistration_other_text,
        deregistered_at=registration.deregistered_at,
        deregistered_by=optional_actor_out(
            registration.deregistered_by_type,
            registration.deregistered_by_name,
            registration.deregistered_by_organisation,
            names,
        ),
        deregistration_reference=registration.deregistration_reference,
    )


def absence_out(absence: Absence, names: Mapping[str, str]) -> AbsenceOut:
    created_by = actor_out(
        absence.created_by_type, absence.created_by_name, absence.created_by_organisation, names
    )
    return AbsenceOut(
        id=absence.id,
        person_id=absence.person_id,
        reason=AbsenceReason(absence.reason),
        first_day=absence.first_day,
        last_day=absence.last_day,
        fit_day=absence.fit_day,
        status=cast(AbsenceStatus, absence.status),
        created_at=absence.created_at,
        created_by=created_by,
        source_reference=absence.source_reference,
        ended_at=absence.ended_at,
        cancelled_at=absence.cancelled_at,
        ended_by=optional_actor_out(
            absence.ended_by_type, absence.ended_by_name, absence.ended_by_organisation, names
        ),
        end_reference=absence.end_reference,
        end_cause=absence.end_cause,
        reported_last_day=absence.reported_last_day,
    )
