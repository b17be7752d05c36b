"""Registration and deregistration as a jobseeker (§ 8), and the registration history.

A registration opens the contact-group period its category decides (and ends the person's other
open period the day before); a deregistration ends the registration and that period on its date.
Nothing is deleted: the history keeps every registration with who made and who ended it.
"""

from __future__ import annotations

from datetime import date, timedelta

from flask import Response, jsonify
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from jobnet.dfdg import clock
from jobnet.dfdg.actor import current_actor
from jobnet.dfdg.api.blueprint import api, parse_body
from jobnet.dfdg.api.records import (
    NOT_FOUND_RESPONSE,
    PERSON_ID,
    RULE_RESPONSE,
    organisation_names,
    person_for_read,
    person_for_write,
    registration_out,
)
from jobnet.dfdg.audit import record_access
from jobnet.dfdg.context import request_session
from jobnet.dfdg.models.base import utcnow
from jobnet.dfdg.models.persons import Person
from jobnet.dfdg.models.registrations import Registration
from jobnet.dfdg.queries import absences as absence_queries
from jobnet.dfdg.queries import actors as actor_queries
from jobnet.dfdg.queries import persons as person_queries
from jobnet.dfdg.queries import registrations as registration_queries
from jobnet.dfdg.rules import CONTACT_GROUP_CONFLICT, broken, refuse, violation
from jobnet.dfdg.schemas.base import FieldError
from jobnet.dfdg.schemas.registrations import (
    DeregistrationRequest,
    RegistrationOut,
    RegistrationRequest,
    RegistrationsResponse,
)
from jobnet.domain.jobseeker import (
    CONTACT_GROUP_FOR_CATEGORY,
    INITIAL_MATCH_GROUP,
    DeregistrationReason,
    RegistrationProblem,
    UnemploymentDegree,
    check_deregistration_date,
    check_job_titles,
    check_other_reason,
    check_registration_start,
    check_weekly_hours,
    clean_job_titles,
)
from jobnet.domain.standing import (
    AfterDeregistration,
    absence_after_deregistration,
    period_end_for_deregistration,
)

TAGS = ("registrations",)
CREATE = "registration.create"
DEREGISTER = "registration.deregister"
READ = "registrations.read"


def _registration_errors(body: RegistrationRequest, titles: list[str]) -> list[FieldError]:
    checks = [
        ("start_date", check_registration_start(body.start_date, clock.today())),
        ("job_titles", check_job_titles(titles)),
        ("weekly_hours", check_weekly_hours(body.degree, body.weekly_hours)),
    ]
    return [broken(field, problem) for field, problem in checks if problem is not None]


def _open_contact_group(session: Session, person: Person, body: RegistrationRequest) -> int:
    """Open the category's contact-group period from the start date; end the others the day
    before. Answers the new period's id."""
    start = body.start_date
    open_periods = registration_queries.periods_open_on_or_after(session, person.id, start)
    if any(period.start_date >= start for period in open_periods):
        refuse(
            session, CREATE, person.id, violation([broken("start_date", CONTACT_GROUP_CONFLICT)])
        )
    for period in open_periods:
        period.end_date = start - timedelta(days=1)
    group = CONTACT_GROUP_FOR_CATEGORY[body.category]
    period = person_queries.add_period(
        session, person, group, INITIAL_MATCH_GROUP.get(group), start
    )
    session.flush()
    return period.id


def _insert_once(session: Session, person_id: str, registration: Registration) -> None:
    """Insert; a concurrent registration of the same person meets the one-open index."""
    try:
        with session.begin_nested():
            session.add(registration)
    except IntegrityError:
        already = violation([broken("category", RegistrationProblem.ALREADY_REGISTERED)])
        refuse(session, CREATE, person_id, already)


def _registration_answer(session: Session, registration: Registration) -> dict[str, object]:
    names = organisation_names(session, [registration])
    return registration_out(registration, names).model_dump(mode="json")


@api.route(
    "POST",
    "/persons/<person_id>/registrations",
    summary="Register the person as a jobseeker",
    description="Opens the contact-group period of the category (1 unemployment benefit, 2 cash "
    "benefit with match group 1, 8 without benefit) from the start date and ends any other open "
    "period the day before. Rules: not already registered; start today up to 90 days ahead; "
    "one to five job titles; hours a week for part time.",
    tags=TAGS,
    path_params=PERSON_ID,
    request_body=RegistrationRequest,
    responses={
        201: ("The registration", RegistrationOut),
        404: NOT_FOUND_RESPONSE,
        422: RULE_RESPONSE,
    },
    actor_headers=True,
    idempotent=True,
)
def create_registration(person_id: str) -> tuple[Response, int]:
    session = request_session()
    body = parse_body(RegistrationRequest)
    person = person_for_write(session, person_id, CREATE)
    if registration_queries.current(session, person.id, clock.today()) is not None:
        already = violation([broken("category", RegistrationProblem.ALREADY_REGISTERED)])
        refuse(session, CREATE, person.id, already)
    titles = clean_job_titles(body.job_titles)
    errors = _registration_errors(body, titles)
    if errors:
        refuse(session, CREATE, person.id, violation(errors))
    registration = Registration(
        person_id=person.id,
        category=body.category.value,
        start_date=body.start_date,
        degree=body.degree.value,
        weekly_hours=body.weekly_hours if body.degree == UnemploymentDegree.PART_TIME else None,
        job_titles=titles,
        contact_group_period_id=_open_contact_group(session, person, body),
        source_reference=body.reference,
        **actor_queries.actor_columns("created_by", current_actor()),
    )
    _insert_once(session, person.id, registration)
    record_access(session, CREATE, person_id=person.id)
    return jsonify(_registration_answer(session, registration)), 201


def _deregistration_errors(
    body: DeregistrationRequest, registration: Registration | None
) -> list[FieldError]:
    registered_since = registration.start_date if registration else None
    checks = [
        ("date", check_deregistration_date(body.when, clock.today(), registered_since)),
        ("other_reason", check_other_reason(body.reason, body.other_reason)),
    ]
    return [broken(field, problem) for field, problem in checks if problem is not None]


def _end_periods(session: Session, person: Person, deregistered_from: date) -> None:
    """End every contact-group period still open on the deregistration day: the day before it
    (§ 7(2): the last day covered), or withdrawn when it would begin on or after it."""
    for period in registration_queries.periods_open_on_or_after(
        session, person.id, deregistered_from
    ):
        period.end_date = period_end_for_deregistration(period.start_date, deregistered_from)
        period.withdrawn = period.start_date >= deregistered_from


def _end_absences(
    session: Session, person: Person, registration: Registration, reference: str | None
) -> None:
    """The law ends an absence with the registration: an absence that reaches the deregistration
    day is shortened to end the day before, or ended when it would begin on or after it. An open
    absence (a sickness with no last day) reaches every day, so it ends on the last registered
    day; until then it runs, and a recovery before that day ends it earlier (docs/domain.md)."""
    deregistered_from = registration.end_date
    assert deregistered_from is not None
    actor = actor_queries.actor_columns("ended_by", current_actor())
    for absence in absence_queries.active(session, person.id):
        if absence.first_day < registration.start_date and absence.last_day is not None:
            continue
        effect = absence_after_deregistration(
            absence.first_day, absence.last_day, deregistered_from
        )
        if effect == AfterDeregistration.KEEP:
            continue
        if effect == AfterDeregistration.END:
            absence.status = absence_queries.CANCELLED
            absence.cancelled_at = utcnow()
        else:
            absence.reported_last_day = absence.last_day  # None for an open one
            absence.last_day = deregistered_from - timedelta(days=1)
        absence.end_cause = absence_queries.ENDED_BY_DEREGISTRATION
        absence.ended_at = utcnow()
        absence.end_reference = reference
        for column, value in actor.items():
            setattr(absence, column, value)


@api.route(
    "POST",
    "/persons/<person_id>/deregistrations",
    summary="Deregister the person as a jobseeker",
    description="Deregisters the person FROM `date` (today up to 90 days ahead, never in the "
    "past): on that day they are no longer registered. Their contact-group period ends the day "
    "before (withdrawn when deregistered on the day it began); holidays and other absences "
    "reaching the day, an open sickness too, are shortened to end the day before, or ended "
    "(`end_cause` `deregistration`) when they would begin on or after it. A reason of `other` "
    "needs its text.",
    tags=TAGS,
    path_params=PERSON_ID,
    request_body=DeregistrationRequest,
    responses={
        201: ("The ended registration", RegistrationOut),
        404: NOT_FOUND_RESPONSE,
        422: RULE_RESPONSE,
    },
    actor_headers=True,
    idempotent=True,
)
def create_deregistration(person_id: str) -> tuple[Response, int]:
    session = request_session()
    body = parse_body(DeregistrationRequest)
    person = person_for_write(session, person_id, DEREGISTER)
    registration = registration_queries.without_end(session, person.id)
    errors = _deregistration_errors(body, registration)
    if errors or registration is None:
        refuse(session, DEREGISTER, person.id, violation(errors))
    registration.end_date = body.when
    registration.deregistration_reason = body.reason.value
    if body.reason == DeregistrationReason.OTHER and body.other_reason:
        registration.deregistration_other_text = body.other_reason.strip()
    registration.deregistered_at = utcnow()
    registration.deregistration_reference = body.reference
    for column, value in actor_queries.actor_columns("deregistered_by", current_actor()).items():
        setattr(registration, column, value)
    _end_periods(session, person, body.when)
    _end_absences(session, person, registration, body.reference)
    record_access(session, DEREGISTER, person_id=person.id)
    return jsonify(_registration_answer(session, registration)), 201


@api.route(
    "GET",
    "/persons/<person_id>/registrations",
    summary="The person's registrations as a jobseeker, newest first",
    tags=TAGS,
    path_params=PERSON_ID,
    responses={200: ("The registrations", RegistrationsResponse), 404: NOT_FOUND_RESPONSE},
    actor_headers=True,
)
def list_registrations(person_id: str) -> Response:
    session = request_session()
    person = person_for_read(session, person_id, READ)
    registrations = registration_queries.history(session, person.id)
    names = organisation_names(session, registrations)
    record_access(session, READ, person_id=person.id)
    body = RegistrationsResponse(
        person_id=person.id,
        registrations=[registration_out(item, names) for item in registrations],
    )
    return jsonify(body.model_dump(mode="json"))
