"""Fund events: recording one for the member's fund of the day, a fund's feed, a person's list."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from jobnet.dfdg.models.fund_events import FundEvent
from jobnet.dfdg.models.interviews import HeldInterview
from jobnet.dfdg.models.persons import Organisation
from jobnet.dfdg.queries import fund_memberships
from jobnet.dfdg.queries import organisations as organisation_queries
from jobnet.dfdg.queries import persons as person_queries
from jobnet.domain.fund_events import check_covered

FEED = "feed"
WEBHOOK = "webhook"


def record(
    session: Session,
    *,
    person_id: str,
    fund: Organisation,
    fields: Mapping[str, Any],
    has_webhook: bool,
) -> FundEvent:
    """Add the event to `fund`'s sequence. The fund's row is locked until the transaction ends,
    so two events for one fund get their numbers in the order they commit: a feed reader that
    has seen number n never later finds a lower number appear."""
    session.execute(
        select(Organisation.id).where(Organisation.id == fund.id).with_for_update()
    ).first()
    last = session.scalar(
        select(func.max(FundEvent.fund_sequence)).where(FundEvent.fund_id == fund.id)
    )
    event = FundEvent(
        person_id=person_id,
        fund_id=fund.id,
        fund_sequence=(last or 0) + 1,
        webhook_state="pending" if has_webhook else "none",
        webhook_attempts=0,
        **fields,
    )
    session.add(event)
    session.flush()
    return event


def recipient(session: Session, person_id: str, today: date) -> Organisation | None:
    """The fund that gets an event recorded today: the person's fund of today."""
    return fund_memberships.fund_of(session, person_id, today)


def covered_fund(session: Session, person_id: str, today: date) -> Organisation | None:
    """The person's fund of today when events go to it (§ 60: a fund member in contact group
    1); None otherwise."""
    period = person_queries.current_period(session, person_id, today)
    fund = recipient(session, person_id, today)
    if check_covered(period.contact_group if period else None, fund is not None) is not None:
        return None
    return fund


def held_interview_on(session: Session, person_id: str, day: date) -> bool:
    """Whether the job centre recorded a held interview with the person on `day`."""
    query = select(HeldInterview.id).where(
        HeldInterview.person_id == person_id, HeldInterview.held_on == day
    )
    return session.scalars(query.limit(1)).first() is not None


def for_booking_request(session: Session, request_id: str) -> FundEvent | None:
    query = select(FundEvent).where(FundEvent.booking_request_id == request_id)
    return session.scalars(query).first()


def fund_by_cvr(session: Session, cvr: str) -> Organisation | None:
    organisation = organisation_queries.by_cvr(session, cvr)
    if organisation is None or organisation.kind != "akasse":
        return None
    return organisation


def feed(session: Session, fund_id: str, after: int, limit: int) -> list[FundEvent]:
    """The fund's events numbered after `after`, in order."""
    query = (
        select(FundEvent)
        .where(FundEvent.fund_id == fund_id, FundEvent.fund_sequence > after)
        .order_by(FundEvent.fund_sequence)
        .limit(limit)
    )
    return list(session.scalars(query))


def mark_delivered(
    session: Session, fund_id: str, up_to: int, via: str, at: datetime
) -> list[tuple[str, str]]:
    """Record that the fund has its events numbered up to `up_to` (the first time only);
    returns (event id, person id) of those newly marked."""
    rows = session.execute(
        select(FundEvent.id, FundEvent.person_id)
        .where(
            FundEvent.fund_id == fund_id,
            FundEvent.fund_sequence <= up_to,
            FundEvent.delivered_at.is_(None),
        )
        .order_by(FundEvent.fund_sequence)
    )
    newly = [(event_id, person_id) for event_id, person_id in rows]
    if newly:
        session.execute(
            update(FundEvent)
            .where(FundEvent.id.in_([event_id for event_id, _ in newly]))
            .values(delivered_at=at, delivered_via=via)
        )
    return newly


def of_person(session: Session, person_id: str, fund_id: str | None = None) -> list[FundEvent]:
    """The person's events, newest first (only those addressed to `fund_id` when given)."""
    query = select(FundEvent).where(FundEvent.person_id == person_id)
    if fund_id is not None:
        query = query.where(FundEvent.fund_id == fund_id)
    return list(session.scalars(query.order_by(FundEvent.created_at.desc())))


def for_summons(session: Session, summons_id: str) -> FundEvent | None:
    return session.scalars(select(FundEvent).where(FundEvent.summons_id == summons_id)).first()


def organisation_by_id(session: Session, organisation_ids: set[str]) -> dict[str, Organisation]:
    if not organisation_ids:
        return {}
    rows = session.scalars(select(Organisation).where(Organisation.id.in_(organisation_ids)))
    return {organisation.id: organisation for organisation in rows}
