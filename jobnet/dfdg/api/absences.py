"""Absences (chapter 4, Annex 1): sickness, recovery, holiday and its cancellation, history.

A citizen reports sickness and holiday; the other Annex 1 reasons only a caseworker registers.
The person's contact group (and match group) today decides which reasons apply. Nothing is
deleted: a recovery sets the sickness's last day, a cancelled holiday keeps its row.

Recovery: the person is fit again ON the fit day, so the sickness's last day is the day before
the fit day; when the person is fit on the first sick day itself, the sickness lasted that one
day (last day = first day).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, cast

from flask import Response, jsonify
from sqlalchemy import Table, insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from jobnet.dfdg import clock
from jobnet.dfdg.actor import current_actor
from jobnet.dfdg.api.blueprint import api, parse_body
from jobnet.dfdg.api.jobcentre_access import jobcentre_of
from jobnet.dfdg.api.records import (
    NOT_FOUND_RESPONSE,
    PERSON_ID,
    RULE_RESPONSE,
    absence_out,
    organisation_names,
    person_for_read,
    person_for_write,
)
from jobnet.dfdg.audit import record_access
from jobnet.dfdg.context import request_session
from jobnet.dfdg.models.base import new_id, utcnow
from jobnet.dfdg.models.persons import Person
from jobnet.dfdg.models.registrations import Absence
from jobnet.dfdg.queries import absences as absence_queries
from jobnet.dfdg.queries import actors as actor_queries
from jobnet.dfdg.queries import persons as person_queries
from jobnet.dfdg.queries import registrations as registration_queries
from jobnet.dfdg.rules import (
    ALREADY_CANCELLED,
    CASEWORKER_ONLY,
    LAST_DAY_MISSING,
    NO_LAST_DAY_FOR_SICKNESS,
    NOT_A_HOLIDAY,
    RuleViolation,
    broken,
    refuse,
    refuse_not_found,
    violation,
)
from jobnet.dfdg.schemas.base import Problem
from jobnet.dfdg.schemas.registrations import (
    AbsenceOut,
    AbsenceRequest,
    AbsencesResponse,
    CancellationRequest,
    RecoveryRequest,
)
from jobnet.domain.absences import (
    CITIZEN_REASONS,
    AbsenceProblem,
    AbsenceReason,
    Period,
    check_holiday,
    check_other_absence,
    check_recovery,
    check_sickness,
    holiday_can_be_cancelled,
)
from jobnet.domain.standing import CoverageProblem, check_absence_coverage, last_covered_day

TAGS = ("absences",)
CREATE = "absence.create"
RECOVER = "absence.recover"
CANCEL = "absence.cancel"
READ = "absences.read"

ABSENCE_ID = {**PERSON_ID, "absence_id": "The absence's id"}

# The body field each broken absence rule concerns.
_FIELD = {
    AbsenceProblem.IN_THE_FUTURE: "first_day",
    AbsenceProblem.BEFORE_REGISTRATION: "first_day",
    AbsenceProblem.HOLIDAY_STARTED: "first_day",
    AbsenceProblem.TOO_FAR_AHEAD: "first_day",
    AbsenceProblem.OVERLAPS: "first_day",
    AbsenceProblem.END_BEFORE_START: "last_day",
    AbsenceProblem.TOO_LONG: "last_day",
    AbsenceProblem.MATERNITY_TOO_LONG: "last_day",
    CoverageProblem.AFTER_REGISTRATION: "last_day",
    CoverageProblem.BEFORE_REGISTRATION: "first_day",
}


def _problem(problem: AbsenceProblem | CoverageProblem) -> RuleViolation:
    return violation([broken(_FIELD.get(problem, "reason"), problem)])


class _Situation:
    """What the rules need to know about the person today (three queries)."""

    def __init__(self, session: Session, person: Person, today: date) -> None:
        period = person_queries.current_period(session, person.id, today)
        registration = registration_queries.current(session, person.id, today)
        self.contact_group = period.contact_group if period else None
        self.match_group = period.match_group if period else None
        self.registered_since = (
            registration.start_date if registration else period.start_date if period else None
        )
        self.covered_until = last_covered_day(
            registration.end_date if registration else None, period.end_date if period else None
        )
        self.active = absence_queries.active(session, person.id)
        self.today = today

    @property
    def open_sickness(self) -> bool:
        return any(absence_queries.is_open_sickness(a, self.today) for a in self.active)

    def periods(self) -> list[Period]:
        return [Period(absence.first_day, absence.last_day) for absence in self.active]


def _check(
    body: AbsenceRequest, situation: _Situation, today: date
) -> AbsenceProblem | CoverageProblem | None:
    problem = _check_rules(body, situation, today)
    if problem is not None or body.reason == AbsenceReason.SICKNESS:
        return problem
    # Annex 1 reasons apply only while the person is registered and in their contact group.
    return check_absence_coverage(
        body.first_day,
        body.last_day,
        registered_since=situation.registered_since,
        covered_until=situation.covered_until,
    )


def _check_rules(body: AbsenceRequest, situation: _Situation, today: date) -> AbsenceProblem | None:
    groups = {"contact_group": situation.contact_group, "match_group": situation.match_group}
    if body.reason == AbsenceReason.SICKNESS:
        return check_sickness(
            body.first_day,
            today,
            **groups,
            registered_since=situation.registered_since,
            open_sickness=situation.open_sickness,
        )
    if body.reason == AbsenceReason.HOLIDAY:
        assert body.last_day is not None
        return check_holiday(
            body.first_day,
            body.last_day,
            today,
            **groups,
            registered_since=situation.registered_since,
            other_absences=situation.periods(),
        )
    return check_other_absence(
        body.reason, body.first_day, body.last_day, **groups, other_absences=situation.periods()
    )


def _shape_error(session: Session, person: Person, body: AbsenceRequest) -> RuleViolation | None:
    """What the reason says about the request's own shape, and who may send it (a reason
    only a job centre registers: a caseworker of the person's job centre)."""
    if body.reason not in CITIZEN_REASONS and (
        jobcentre_of(session, current_actor(), person) is None
    ):
        return violation([broken("reason", CASEWORKER_ONLY)], status=403)
    if body.reason == AbsenceReason.SICKNESS and body.last_day is not None:
        return violation([broken("last_day", NO_LAST_DAY_FOR_SICKNESS)])
    if body.reason == AbsenceReason.HOLIDAY and body.last_day is None:
        return violation([broken("last_day", LAST_DAY_MISSING)])
    return None


# A Core insert built once: the answer is made from the values, so no ORM object needs flushing.
_INSERT_ABSENCE = insert(cast(Table, Absence.__table__))


def _insert_once(session: Session, person_id: str, values: dict[str, Any]) -> None:
    """Insert; a concurrent open sickness of the same person meets the one-open index."""
    try:
        with session.begin_nested():
            session.execute(_INSERT_ABSENCE, values)
    except IntegrityError:
        refuse(session, CREATE, person_id, _problem(AbsenceProblem.ALREADY_SICK))


def _answer(session: Session, absence: Absence) -> dict[str, object]:
    return absence_out(absence, organisation_names(session, [absence])).model_dump(mode="json")


def _end(absence: Absence, reference: str | None) -> None:
    absence.ended_at = utcnow()
    absence.end_reference = reference
    for column, value in actor_queries.actor_columns("ended_by", current_actor()).items():
        setattr(absence, column, value)


@api.route(
    "POST",
    "/persons/<person_id>/absences",
    summary="Report an absence: sickness, holiday or another Annex 1 reason",
    description="Sickness: the first day, not in the future, not before the registration, "
    "not for contact group 6; open until a recovery. Holiday: first and last day, starting "
    "after today, not overlapping another absence, for the contact (and match) groups Annex 1 "
    "allows. A holiday or another reason lies within the registration: not before it starts, "
    "not on or after the deregistration day, not after the contact group ends "
    "(`after_registration_ends`, `before_registration_starts`). Other reasons: caseworkers "
    "only (403 `caseworker_only` for others).",
    tags=TAGS,
    path_params=PERSON_ID,
    request_body=AbsenceRequest,
    responses={
        201: ("The absence", AbsenceOut),
        403: ("Only a caseworker may register this reason (`caseworker_only`)", Problem),
        404: NOT_FOUND_RESPONSE,
        422: RULE_RESPONSE,
    },
    actor_headers=True,
    idempotent=True,
)
def create_absence(person_id: str) -> tuple[Response, int]:
    session = request_session()
    body = parse_body(AbsenceRequest)
    person = person_for_write(session, person_id, CREATE)
    shape_error = _shape_error(session, person, body)
    if shape_error is not None:
        refuse(session, CREATE, person.id, shape_error)
    today = clock.today()
    problem = _check(body, _Situation(session, person, today), today)
    if problem is not None:
        refuse(session, CREATE, person.id, _problem(problem))
    values: dict[str, Any] = {
        "id": new_id(),
        "person_id": person.id,
        "reason": body.reason.value,
        "first_day": body.first_day,
        "last_day": body.last_day,
        "status": absence_queries.ACTIVE,
        "created_at": utcnow(),
        "source_reference": body.reference,
        **actor_queries.actor_columns("created_by", current_actor()),
    }
    _insert_once(session, person.id, values)
    record_access(session, CREATE, person_id=person.id)
    return jsonify(_answer(session, Absence(**values))), 201


def last_sick_day(first_day: date, fit_day: date) -> date:
    """The sickness's last day when the person is fit again on `fit_day`."""
    return fit_day - timedelta(days=1) if fit_day > first_day else first_day


@api.route(
    "POST",
    "/persons/<person_id>/recoveries",
    summary="Report the person fit again: ends the open sickness",
    description="The fit day is on or after the first sick day and not in the future. The "
    "person is fit ON the fit day: the sickness's last day becomes the day before (or the first "
    "sick day, when fit on it). A sickness a coming deregistration ends on the last registered "
    "day (`end_cause` `deregistration`) is still running until then, and a recovery ends it "
    "earlier.",
    tags=TAGS,
    path_params=PERSON_ID,
    request_body=RecoveryRequest,
    responses={
        201: ("The ended sickness", AbsenceOut),
        404: NOT_FOUND_RESPONSE,
        422: RULE_RESPONSE,
    },
    actor_headers=True,
    idempotent=True,
)
def create_recovery(person_id: str) -> tuple[Response, int]:
    session = request_session()
    body = parse_body(RecoveryRequest)
    person = person_for_write(session, person_id, RECOVER)
    today = clock.today()
    sickness = absence_queries.open_sickness(session, person.id, today)
    sick_since = sickness.first_day if sickness else None
    problem = check_recovery(body.fit_day, today, sick_since=sick_since)
    if problem is not None or sickness is None:
        code = problem or AbsenceProblem.NOT_SICK
        refuse(session, RECOVER, person.id, violation([broken("fit_day", code)]))
    sickness.last_day = last_sick_day(sickness.first_day, body.fit_day)
    sickness.fit_day = body.fit_day
    # Fit before a coming deregistration would have ended it: the recovery ends it now.
    sickness.end_cause = None
    _end(sickness, body.reference)
    record_access(session, RECOVER, person_id=person.id)
    return jsonify(_answer(session, sickness)), 201


def _cancellation_problem(absence: Absence) -> str | None:
    if absence.reason != AbsenceReason.HOLIDAY:
        return NOT_A_HOLIDAY
    if absence.status == absence_queries.CANCELLED:
        return ALREADY_CANCELLED
    if not holiday_can_be_cancelled(absence.first_day, clock.today()):
        return AbsenceProblem.HOLIDAY_STARTED
    return None


@api.route(
    "POST",
    "/persons/<person_id>/absences/<absence_id>/cancellation",
    summary="Cancel a holiday that has not started",
    description="The holiday keeps its row with status `cancelled`. Another person's absence "
    "id is not found (404).",
    tags=TAGS,
    path_params=ABSENCE_ID,
    request_body=CancellationRequest,
    responses={
        200: ("The cancelled holiday", AbsenceOut),
        404: ("No such person, or no such absence of this person", Problem),
        422: RULE_RESPONSE,
    },
    actor_headers=True,
    idempotent=True,
)
def cancel_absence(person_id: str, absence_id: str) -> Response:
    session = request_session()
    body = parse_body(CancellationRequest)
    person = person_for_write(session, person_id, CANCEL)
    absence = absence_queries.of_person(session, person.id, absence_id)
    if absence is None:
        refuse_not_found(session, CANCEL, person.id, "The person has no absence with this id")
    problem = _cancellation_problem(absence)
    if problem is not None:
        refuse(session, CANCEL, person.id, violation([broken("absence_id", problem)]))
    absence.status = absence_queries.CANCELLED
    absence.cancelled_at = utcnow()
    _end(absence, body.reference)
    record_access(session, CANCEL, person_id=person.id)
    return jsonify(_answer(session, absence))


@api.route(
    "GET",
    "/persons/<person_id>/absences",
    summary="The person's absences, cancelled ones included, newest first",
    tags=TAGS,
    path_params=PERSON_ID,
    responses={200: ("The absences", AbsencesResponse), 404: NOT_FOUND_RESPONSE},
    actor_headers=True,
)
def list_absences(person_id: str) -> Response:
    session = request_session()
    person = person_for_read(session, person_id, READ)
    absences = absence_queries.history(session, person.id)
    names = organisation_names(session, absences)
    record_access(session, READ, person_id=person.id)
    body = AbsencesResponse(
        person_id=person.id, absences=[absence_out(item, names) for item in absences]
    )
    return jsonify(body.model_dump(mode="json"))
