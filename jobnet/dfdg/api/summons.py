"""Summons to interviews (indkaldelser, § 27; chapters 3 and 5).

A caseworker of the person's job centre creates, moves and cancels summons, each recorded the
day its letter is sent. Nothing is overwritten: every change is kept as a version (moved from →
to, cancelled; when and by whom), and the summons' `sequence` counts them for calendars.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta

from flask import Response, jsonify
from sqlalchemy.orm import Session

from jobnet.dfdg import clock
from jobnet.dfdg.actor import current_actor
from jobnet.dfdg.api.blueprint import api, parse_body
from jobnet.dfdg.api.jobcentre_access import (
    actor_out,
    jobcentre_write,
    now,
    rule_violation,
)
from jobnet.dfdg.api.records import PERSON_ID, RULE_RESPONSE
from jobnet.dfdg.audit import record_access
from jobnet.dfdg.context import request_session
from jobnet.dfdg.models.base import utcnow
from jobnet.dfdg.models.summons import Summons, SummonsChange
from jobnet.dfdg.notices import LETTER, notice_waiting
from jobnet.dfdg.queries import actors as actor_queries
from jobnet.dfdg.queries import summons as summons_queries
from jobnet.dfdg.rules import refuse, refuse_not_found
from jobnet.dfdg.schemas.base import Problem
from jobnet.dfdg.schemas.plans import OrganisationRef
from jobnet.dfdg.schemas.summons import (
    NotAttendedOut,
    SummonsCancellationRequest,
    SummonsChangeOut,
    SummonsMoveRequest,
    SummonsOut,
    SummonsRequest,
    cannot_come_of,
)
from jobnet.domain.codes import ActorType
from jobnet.domain.summons import (
    Appointment,
    ChangeKind,
    InterviewForm,
    InterviewType,
    SummonsStatus,
    check_change,
    check_move,
    check_new_summons,
    has_ended,
)

TAGS = ("summons",)
LIST = "summons.list"
READ = "summons.read"
CREATE = "summons.create"
MOVE = "summons.move"
CANCEL = "summons.cancel"
DAY_LIST = "summons.day_list"

SUMMONS_ID = {**PERSON_ID, "summons_id": "The summons' id"}
NO_SUMMONS = "The person has no summons with this id"
WRITE_RESPONSES = {
    403: (
        "Not a caseworker (`caseworker_only`), not of the person's job centre "
        "(`outside_organisation`), or of an unemployment insurance fund (`jobcentre_only`)",
        Problem,
    ),
    404: ("No such person, or no such summons of this person", Problem),
    422: RULE_RESPONSE,
}


# --- answers ----------------------------------------------------------------------------------


def summons_names(session: Session, items: Iterable[Summons]) -> dict[str, str]:
    cvrs: list[str | None] = []
    for summons in items:
        cvrs += [summons.organisation_cvr, summons.created_by_organisation]
        cvrs.append(summons.not_attended_by_organisation)
        cvrs += [change.by_organisation for change in summons.changes]
    return actor_queries.organisation_names(session, cvrs)


def _utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


def _change_out(change: SummonsChange, names: Mapping[str, str]) -> SummonsChangeOut:
    return SummonsChangeOut(
        number=change.number,
        kind=ChangeKind(change.kind),
        at=change.at,
        letter_sent_date=change.letter_sent_date,
        starts_at=_utc(change.starts_at),
        previous_starts_at=_utc(change.previous_starts_at) if change.previous_starts_at else None,
        duration_minutes=change.duration_minutes,
        form=InterviewForm(change.form),
        place=change.place,
        join_details=change.join_details,
        reason=change.reason,
        made_by=actor_out(change.by_type, change.by_name, change.by_organisation, names),
    )


def summons_out(
    summons: Summons, names: Mapping[str, str], *, with_changes: bool = True
) -> SummonsOut:
    """The summons as DFDG answers it; `with_changes=False` leaves out (and does not load) its
    change history."""
    return SummonsOut(
        id=summons.id,
        person_id=summons.person_id,
        status=SummonsStatus(summons.status),
        sequence=summons.sequence,
        starts_at=_utc(summons.starts_at),
        ends_at=_utc(summons.starts_at) + timedelta(minutes=summons.duration_minutes),
        duration_minutes=summons.duration_minutes,
        form=InterviewForm(summons.form),
        type=InterviewType(summons.type),
        place=summons.place,
        join_details=summons.join_details,
        contact_options=summons.contact_options,
        bring=summons.bring,
        letter_sent_date=summons.letter_sent_date,
        organisation=OrganisationRef(
            cvr=summons.organisation_cvr, name=names.get(summons.organisation_cvr)
        ),
        created_at=summons.created_at,
        created_by=actor_out(
            summons.created_by_type,
            summons.created_by_name,
            summons.created_by_organisation,
            names,
        ),
        changes=[_change_out(change, names) for change in summons.changes] if with_changes else [],
        is_new=summons.seen_sequence is None or summons.seen_sequence < summons.sequence,
        seen_at=summons.seen_at,
        ended=has_ended(_utc(summons.starts_at), summons.duration_minutes, now()),
        cannot_come=cannot_come_of(summons),
        not_attended=not_attended_of(summons, names),
    )


def not_attended_of(summons: Summons, names: Mapping[str, str]) -> NotAttendedOut | None:
    if summons.not_attended_at is None:
        return None
    return NotAttendedOut(
        at=summons.not_attended_at,
        by=actor_out(
            summons.not_attended_by_type or ActorType.CASEWORKER,
            summons.not_attended_by_name,
            summons.not_attended_by_organisation,
            names,
        ),
    )


def mark_seen_by_person(summons: Summons) -> None:
    """The person themself has read the summons as it stands: it is no longer new to them.
    Only the person's own read marks it (a caseworker's read never does); a read of what they
    have already seen writes nothing."""
    if current_actor().type != ActorType.CITIZEN:
        return
    if summons.seen_sequence is None or summons.seen_sequence < summons.sequence:
        summons.seen_sequence = summons.sequence
        summons.seen_at = utcnow()


def _answer(session: Session, summons: Summons) -> dict[str, object]:
    session.flush()
    return summons_out(summons, summons_names(session, [summons])).model_dump(mode="json")


# --- writes -----------------------------------------------------------------------------------


def _appointment(summons: Summons) -> Appointment:
    return Appointment(
        starts_at=summons.starts_at,
        form=InterviewForm(summons.form),
        duration_minutes=summons.duration_minutes,
        place=summons.place,
        join_details=summons.join_details,
    )


def record_change(
    summons: Summons,
    kind: ChangeKind,
    letter_sent: date,
    *,
    previous: datetime | None = None,
    reason: str | None = None,
    reference: str | None = None,
) -> SummonsChange:
    change = SummonsChange(
        number=len(summons.changes) + 1,
        kind=kind.value,
        at=utcnow(),
        letter_sent_date=letter_sent,
        starts_at=summons.starts_at,
        previous_starts_at=previous,
        duration_minutes=summons.duration_minutes,
        form=summons.form,
        place=summons.place,
        join_details=summons.join_details,
        reason=reason,
        source_reference=reference,
        **actor_queries.actor_columns("by", current_actor()),
    )
    summons.changes.append(change)
    return change


def _text(value: str | None) -> str | None:
    return value.strip() or None if value else None


@api.route(
    "POST",
    "/persons/<person_id>/summons",
    summary="Summon the person to an interview (caseworker of the person's job centre)",
    description="Date and time (with its UTC offset; stored in UTC) in the future and at most "
    "a year ahead, interview form and type, the place (in person) or how to join (video, "
    "digital), the person's contact options (required, § 27), what to bring, and the day the "
    "letter is sent: the day it is recorded or the day before (§ 27(2)).",
    tags=TAGS,
    path_params=PERSON_ID,
    request_body=SummonsRequest,
    responses={201: ("The summons", SummonsOut), **WRITE_RESPONSES},
    actor_headers=True,
    idempotent=True,
)
def create_summons(person_id: str) -> tuple[Response, int]:
    session = request_session()
    body = parse_body(SummonsRequest)
    person, organisation = jobcentre_write(session, person_id, CREATE)
    appointment = Appointment(
        starts_at=body.starts_at,
        form=body.form,
        duration_minutes=body.duration_minutes,
        place=_text(body.place),
        join_details=_text(body.join_details),
    )
    problems = check_new_summons(
        appointment,
        body.letter_sent_date,
        contact_options=body.contact_options,
        now=now(),
        today=clock.today(),
    )
    if problems:
        refuse(session, CREATE, person.id, rule_violation(problems))
    summons = Summons(
        person_id=person.id,
        organisation_cvr=organisation.cvr,
        status=SummonsStatus.ACTIVE.value,
        sequence=0,
        starts_at=appointment.starts_at,
        duration_minutes=appointment.duration_minutes,
        form=appointment.form.value,
        type=body.type.value,
        place=appointment.place,
        join_details=appointment.join_details,
        contact_options=_text(body.contact_options),
        bring=_text(body.bring),
        letter_sent_date=body.letter_sent_date,
        source_reference=body.reference,
        **actor_queries.actor_columns("created_by", current_actor()),
    )
    summons.changes = []
    record_change(summons, ChangeKind.CREATED, body.letter_sent_date, reference=body.reference)
    summons_queries.add(session, summons)
    notice_waiting(session, person.id, LETTER)
    record_access(session, CREATE, person_id=person.id)
    return jsonify(_answer(session, summons)), 201


def _summons_for_write(session: Session, person_id: str, summons_id: str, action: str) -> Summons:
    summons = summons_queries.of_person(session, person_id, summons_id)
    if summons is None:
        refuse_not_found(session, action, person_id, NO_SUMMONS)
    return summons


@api.route(
    "POST",
    "/persons/<person_id>/summons/<summons_id>/move",
    summary="Move a summons to a new time (and place or form)",
    description="Only a summons not cancelled whose time has not come. The earlier time is "
    "kept in the change history; `sequence` goes up by one; status becomes `moved`.",
    tags=TAGS,
    path_params=SUMMONS_ID,
    request_body=SummonsMoveRequest,
    responses={200: ("The moved summons", SummonsOut), **WRITE_RESPONSES},
    actor_headers=True,
    idempotent=True,
)
def move_summons(person_id: str, summons_id: str) -> Response:
    session = request_session()
    body = parse_body(SummonsMoveRequest)
    person, _ = jobcentre_write(session, person_id, MOVE)
    summons = _summons_for_write(session, person.id, summons_id, MOVE)
    current = _appointment(summons)
    moved = Appointment(
        starts_at=body.starts_at,
        form=body.form or current.form,
        duration_minutes=body.duration_minutes or current.duration_minutes,
        place=_text(body.place) if body.place is not None else current.place,
        join_details=(
            _text(body.join_details) if body.join_details is not None else current.join_details
        ),
    )
    problems = check_move(
        SummonsStatus(summons.status),
        current,
        moved,
        body.letter_sent_date,
        summons.changes[0].letter_sent_date,
        now=now(),
        today=clock.today(),
    )
    if problems:
        refuse(session, MOVE, person.id, rule_violation(problems))
    previous = summons.starts_at
    summons.starts_at = moved.starts_at
    summons.duration_minutes = moved.duration_minutes
    summons.form = moved.form.value
    summons.place = moved.place
    summons.join_details = moved.join_details
    summons.status = SummonsStatus.MOVED.value
    summons.sequence += 1
    summons.letter_sent_date = body.letter_sent_date
    record_change(
        summons,
        ChangeKind.MOVED,
        body.letter_sent_date,
        previous=previous,
        reason=_text(body.reason),
        reference=body.reference,
    )
    notice_waiting(session, person.id, LETTER)
    record_access(session, MOVE, person_id=person.id)
    return jsonify(_answer(session, summons))


@api.route(
    "POST",
    "/persons/<person_id>/summons/<summons_id>/cancellation",
    summary="Cancel a summons whose time has not come",
    description="The summons keeps its row with status `cancelled`; `sequence` goes up by one.",
    tags=TAGS,
    path_params=SUMMONS_ID,
    request_body=SummonsCancellationRequest,
    responses={200: ("The cancelled summons", SummonsOut), **WRITE_RESPONSES},
    actor_headers=True,
    idempotent=True,
)
def cancel_summons(person_id: str, summons_id: str) -> Response:
    session = request_session()
    body = parse_body(SummonsCancellationRequest)
    person, _ = jobcentre_write(session, person_id, CANCEL)
    summons = _summons_for_write(session, person.id, summons_id, CANCEL)
    problems = check_change(
        SummonsStatus(summons.status),
        summons.starts_at,
        body.letter_sent_date,
        summons.changes[0].letter_sent_date,
        now=now(),
        today=clock.today(),
    )
    if problems:
        refuse(session, CANCEL, person.id, rule_violation(problems))
    summons.status = SummonsStatus.CANCELLED.value
    summons.sequence += 1
    summons.letter_sent_date = body.letter_sent_date
    record_change(
        summons,
        ChangeKind.CANCELLED,
        body.letter_sent_date,
        reason=_text(body.reason),
        reference=body.reference,
    )
    notice_waiting(session, person.id, LETTER)
    record_access(session, CANCEL, person_id=person.id)
    return jsonify(_answer(session, summons))
