"""Events for the unemployment insurance funds (chapter 11, §§ 59-63): the job centre records
them, DFDG addresses each to the member's fund of the day; the person and the fund read them.

- `POST /persons/{id}/fund-events`: a caseworker of the person's job centre reports an event;
  the deadlines of §§ 61-62 are checked (`jobnet.domain.fund_events`).
- `POST /persons/{id}/summons/{summons_id}/no-show`: the person did not attend the summons (the
  summons shows it); for a fund member the no-show event arises from it (once a summons).
- `GET /persons/{id}/fund-events`: every event about the person with the fund it went to and
  when the fund had it; a fund's employee sees only those sent to their own fund.
"""

from __future__ import annotations

from datetime import date, datetime

from flask import Response, current_app, jsonify
from sqlalchemy.orm import Session

from jobnet.dfdg import clock
from jobnet.dfdg.actor import current_actor
from jobnet.dfdg.api.blueprint import api, parse_body
from jobnet.dfdg.api.fund_access import acting_fund
from jobnet.dfdg.api.jobcentre_access import jobcentre_write, now, person_for_subject_read
from jobnet.dfdg.api.records import NOT_FOUND_RESPONSE, PERSON_ID, RULE_RESPONSE
from jobnet.dfdg.api.summons import not_attended_of
from jobnet.dfdg.audit import record_access
from jobnet.dfdg.context import request_session
from jobnet.dfdg.fund_webhooks import webhooks
from jobnet.dfdg.models.fund_events import FundEvent
from jobnet.dfdg.models.persons import Organisation, Person
from jobnet.dfdg.queries import actors as actor_queries
from jobnet.dfdg.queries import fund_events as event_queries
from jobnet.dfdg.queries import persons as person_queries
from jobnet.dfdg.queries import summons as summons_queries
from jobnet.dfdg.rules import MESSAGES, broken, refuse, refuse_not_found, violation
from jobnet.dfdg.schemas.base import ActorOut, Problem
from jobnet.dfdg.schemas.fund_events import (
    FundEventOut,
    FundEventRequest,
    FundEventsResponse,
    FundOut,
    NoShowOut,
    NoShowRequest,
    OfferOut,
)
from jobnet.domain.fund_events import (
    MAX_CAUSE_LENGTH,
    MAX_COMMENT_LENGTH,
    MAX_WEEKLY_HOURS,
    OFFER_TYPES,
    EventSource,
    FundEventProblem,
    FundEventType,
    Offer,
    OfferStatus,
    check_covered,
    check_fund_event,
    check_not_attended,
    check_texts,
    event_date_of,
)

TAGS = ("fund_events",)
CREATE = "fund_event.create"
NO_SHOW = "fund_event.no_show"
READ = "fund_events.read"
NO_SUMMONS = "The person has no summons with this id"

MESSAGES.update(
    {
        FundEventProblem.IN_THE_FUTURE: "The event cannot be in the future",
        FundEventProblem.REPORTED_TOO_LATE: "An event is reported on its day or the day after "
        "(§ 61)",
        FundEventProblem.REPORTED_BEFORE_GRANTED: "An offer's start is reported no earlier than "
        "the day it was granted (§ 62)",
        FundEventProblem.REPORTED_AFTER_START: "An offer's start is reported no later than the "
        "day it begins (§ 62)",
        FundEventProblem.GRANTED_AFTER_START: "The offer is granted after it begins",
        FundEventProblem.END_NOT_REPORTED_ON_END_DATE: "An offer's end is reported on its end "
        "date (§ 62)",
        FundEventProblem.END_BEFORE_START: "The end date is before the start date",
        FundEventProblem.OFFER_DETAILS_MISSING: "An offer needs the company, status, start and "
        "end dates and weekly hours (§ 63)",
        FundEventProblem.HOURS_OUT_OF_RANGE: f"Weekly hours must be above 0 and at most "
        f"{MAX_WEEKLY_HOURS}",
        FundEventProblem.COMPANY_INVALID: "A CVR number has eight digits",
        FundEventProblem.CAUSE_TOO_LONG: f"The cause has at most {MAX_CAUSE_LENGTH} characters",
        FundEventProblem.COMMENT_TOO_LONG: f"The comment has at most {MAX_COMMENT_LENGTH} "
        "characters",
        FundEventProblem.NOT_CONTACT_GROUP_1: "Events are reported for persons in contact "
        "group 1 (§ 60)",
        FundEventProblem.NOT_A_FUND_MEMBER: "The person is not a member of an unemployment "
        "insurance fund",
        FundEventProblem.NOT_ATTENDED_TWICE: "The summons is already marked not attended",
        FundEventProblem.INTERVIEW_NOT_HELD_YET: "The interview has not begun yet",
        FundEventProblem.ARISES_BY_ITSELF: "This event arises by itself from DFDG's records; "
        "it is not reported",
        FundEventProblem.SUMMONS_CANCELLED: "The summons is cancelled",
        FundEventProblem.INTERVIEW_RECORDED_HELD: "A held interview with the person is "
        "recorded on the interview's day",
    }
)


def _covered_fund(session: Session, person: Person, today: date, action: str) -> Organisation:
    """The person's fund of today; a refusal when they are not a member in contact group 1."""
    period = person_queries.current_period(session, person.id, today)
    fund = event_queries.recipient(session, person.id, today)
    problem = check_covered(period.contact_group if period else None, fund is not None)
    if problem is not None or fund is None:
        refuse(session, action, person.id, violation([broken("person_id", str(problem))]))
    return fund


def _record(
    session: Session, person: Person, fund: Organisation, fields: dict[str, object]
) -> FundEvent:
    actor = current_actor()
    return event_queries.record(
        session,
        person_id=person.id,
        fund=fund,
        fields={
            **fields,
            "municipality_code": person.municipality_code,
            **actor_queries.actor_columns("created_by", actor),
        },
        has_webhook=fund.cvr in webhooks(current_app.config),
    )


def event_out(
    event: FundEvent, funds: dict[str, Organisation], names: dict[str, str]
) -> FundEventOut:
    fund = funds[event.fund_id]
    offer = None
    if event.type in OFFER_TYPES:
        offer = OfferOut(
            company_cvr=event.company_cvr,
            company_name=event.company_name,
            status=OfferStatus(event.offer_status) if event.offer_status else None,
            granted_on=event.granted_on,
            start_date=event.start_date,
            end_date=event.end_date,
            weekly_hours=float(event.weekly_hours) if event.weekly_hours is not None else None,
        )
    return FundEventOut(
        id=event.id,
        person_id=event.person_id,
        type=FundEventType(event.type),
        source=EventSource(event.source),
        event_date=event.event_date,
        municipality_code=event.municipality_code,
        cause=event.cause,
        comment=event.comment,
        offer=offer,
        summons_id=event.summons_id,
        booking_request_id=event.booking_request_id,
        recorded_at=event.created_at,
        recorded_by=ActorOut(
            type=event.created_by_type,
            name=event.created_by_name,
            organisation=event.created_by_organisation,
            organisation_name=names.get(event.created_by_organisation or ""),
        ),
        fund=FundOut(cvr=fund.cvr, name=fund.name),
        delivered_at=event.delivered_at,
        delivered_via=event.delivered_via,
    )


def events_out(session: Session, events: list[FundEvent]) -> list[FundEventOut]:
    funds = event_queries.organisation_by_id(session, {event.fund_id for event in events})
    names = actor_queries.organisation_names(
        session, [event.created_by_organisation for event in events]
    )
    return [event_out(event, funds, names) for event in events]


@api.route(
    "POST",
    "/persons/<person_id>/fund-events",
    summary="Report an event to the person's unemployment insurance fund (job centre only)",
    description="For a fund member in contact group 1 (§ 60). An event is reported on its day "
    "or the day after (§ 61, `reported_too_late`); an offer's start no earlier than it was "
    "granted and no later than it begins, its end on the end date (§ 62). The event goes to "
    "the person's fund of today, in that fund's feed (`GET /funds/{fund}/events`).",
    tags=TAGS,
    path_params=PERSON_ID,
    request_body=FundEventRequest,
    responses={
        201: ("The event, as sent to the fund", FundEventOut),
        403: ("Only a caseworker of the person's job centre reports events", Problem),
        404: NOT_FOUND_RESPONSE,
        422: RULE_RESPONSE,
    },
    actor_headers=True,
    idempotent=True,
)
def create_fund_event(person_id: str) -> tuple[Response, int]:
    session = request_session()
    body = parse_body(FundEventRequest)
    person, _jobcentre = jobcentre_write(session, person_id, CREATE)
    today = clock.today()
    offer = Offer(
        company_cvr=body.company_cvr,
        company_name=body.company_name,
        status=body.status,
        granted_on=body.granted_on,
        start_date=body.start_date,
        end_date=body.end_date,
        weekly_hours=body.weekly_hours,
    )
    problem = check_fund_event(
        body.type, body.event_date, today, offer=offer, cause=body.cause, comment=body.comment
    )
    if problem is not None:
        refuse(session, CREATE, person.id, violation([broken(problem.field, problem.problem)]))
    fund = _covered_fund(session, person, today, CREATE)
    event_date = event_date_of(body.type, body.event_date, offer)
    assert event_date is not None
    is_offer = body.type in OFFER_TYPES
    event = _record(
        session,
        person,
        fund,
        {
            "type": body.type.value,
            "source": EventSource.CASEWORKER.value,
            "event_date": event_date,
            "cause": (body.cause or "").strip() or None,
            "comment": (body.comment or "").strip() or None,
            "company_cvr": (body.company_cvr or "").strip() or None if is_offer else None,
            "company_name": (body.company_name or "").strip() or None if is_offer else None,
            "offer_status": body.status.value if is_offer and body.status else None,
            "granted_on": body.granted_on if is_offer else None,
            "start_date": body.start_date if is_offer else None,
            "end_date": body.end_date if is_offer else None,
            "weekly_hours": body.weekly_hours if is_offer else None,
            "source_reference": body.reference,
        },
    )
    record_access(session, CREATE, person_id=person.id)
    [out] = events_out(session, [event])
    return jsonify(out.model_dump(mode="json")), 201


def _interview_day(starts_at: datetime) -> date:
    return starts_at.astimezone(clock.DANISH_TIME).date()


@api.route(
    "POST",
    "/persons/<person_id>/summons/<summons_id>/no-show",
    summary="Mark a summons not attended; for a fund member the no-show goes to the fund",
    description="Once the interview has begun, a caseworker of the person's job centre marks "
    "that the person did not attend, on the interview's day or the day after (§ 61), once. "
    "The summons shows it (`not_attended`). For a fund member in contact group 1 (§ 60) the "
    "event `no_show` arises from it in the same transaction and goes to the fund.",
    tags=TAGS,
    path_params={**PERSON_ID, "summons_id": "The summons' id"},
    request_body=NoShowRequest,
    responses={
        201: ("The summons marked, and the fund's event if one arose", NoShowOut),
        403: ("Only a caseworker of the person's job centre marks a no-show", Problem),
        404: ("No person, or the person has no summons with this id", Problem),
        422: RULE_RESPONSE,
    },
    actor_headers=True,
    idempotent=True,
)
def mark_no_show(person_id: str, summons_id: str) -> tuple[Response, int]:
    session = request_session()
    body = parse_body(NoShowRequest)
    person, _jobcentre = jobcentre_write(session, person_id, NO_SHOW)
    summons = summons_queries.of_person(session, person.id, summons_id)
    if summons is None:
        refuse_not_found(session, NO_SHOW, person.id, NO_SUMMONS)
    today, moment = clock.today(), now()
    day = _interview_day(summons.starts_at)
    problem = check_not_attended(
        starts_at=summons.starts_at,
        interview_day=day,
        now=moment,
        today=today,
        cancelled=summons.status == "cancelled",
        already_marked=summons.not_attended_at is not None
        or event_queries.for_summons(session, summons.id) is not None,
        held_that_day=event_queries.held_interview_on(session, person.id, day),
    )
    if problem is not None:
        refuse(session, NO_SHOW, person.id, violation([broken("summons_id", problem)]))
    texts = check_texts(None, body.comment)
    if texts is not None:
        refuse(session, NO_SHOW, person.id, violation([broken(texts.field, texts.problem)]))
    actor = current_actor()
    summons.not_attended_at = moment
    for name, value in actor_queries.actor_columns("not_attended_by", actor).items():
        setattr(summons, name, value)
    fund = event_queries.covered_fund(session, person.id, today)
    events: list[FundEvent] = []
    if fund is not None:
        fields = {
            "type": FundEventType.NO_SHOW.value,
            "source": EventSource.AUTOMATIC.value,
            "event_date": day,
            "summons_id": summons.id,
            "comment": (body.comment or "").strip() or None,
            "source_reference": body.reference,
        }
        events.append(_record(session, person, fund, fields))
    record_access(session, NO_SHOW, person_id=person.id)
    session.flush()
    names = actor_queries.organisation_names(session, [summons.not_attended_by_organisation])
    marked = not_attended_of(summons, names)
    assert marked is not None
    out = NoShowOut(
        summons_id=summons.id,
        not_attended=marked,
        fund_event=events_out(session, events)[0] if events else None,
    )
    return jsonify(out.model_dump(mode="json")), 201


@api.route(
    "GET",
    "/persons/<person_id>/fund-events",
    summary="The events sent to the person's fund about them, newest first",
    description="Each with the fund it went to and when that fund's system had it. A fund's "
    "employee sees only the events sent to their own fund.",
    tags=TAGS,
    path_params=PERSON_ID,
    responses={200: ("The events", FundEventsResponse), 404: NOT_FOUND_RESPONSE},
    actor_headers=True,
)
def list_fund_events(person_id: str) -> Response:
    session = request_session()
    person = person_for_subject_read(session, person_id, READ)
    fund = acting_fund(session, current_actor())
    events = event_queries.of_person(session, person.id, fund.id if fund else None)
    record_access(session, READ, person_id=person.id)
    body = FundEventsResponse(events=events_out(session, events))
    return jsonify(body.model_dump(mode="json"))
