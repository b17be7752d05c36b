"""The funds' membership register: which fund a person belongs to on a day, and a fund's members."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from jobnet.dfdg.models.funds import FundMembership
from jobnet.dfdg.models.persons import Organisation


def _on(day: date) -> ColumnElement[bool]:
    return and_(
        FundMembership.start_date <= day,
        or_(FundMembership.end_date.is_(None), FundMembership.end_date >= day),
    )


def fund_of(session: Session, person_id: str, day: date) -> Organisation | None:
    """The fund the person belongs to on `day`, if any."""
    query = (
        select(Organisation)
        .join(FundMembership, FundMembership.organisation_id == Organisation.id)
        .where(FundMembership.person_id == person_id, _on(day))
    )
    return session.scalars(query).first()


def is_member(session: Session, organisation_id: str, person_id: str, day: date) -> bool:
    query = select(FundMembership.id).where(
        FundMembership.organisation_id == organisation_id,
        FundMembership.person_id == person_id,
        _on(day),
    )
    return session.scalars(query.limit(1)).first() is not None


def member_ids(session: Session, organisation_id: str, day: date) -> list[str]:
    """The ids of the fund's members on `day`."""
    query = select(FundMembership.person_id).where(
        FundMembership.organisation_id == organisation_id, _on(day)
    )
    return list(session.scalars(query))


def history(session: Session, person_id: str) -> list[FundMembership]:
    """The person's memberships, oldest first."""
    query = (
        select(FundMembership)
        .where(FundMembership.person_id == person_id)
        .order_by(FundMembership.start_date)
    )
    return list(session.scalars(query))


def join(session: Session, person_id: str, organisation_id: str, start: date) -> FundMembership:
    """Make the person a member of the fund from `start`, ending any other membership the day
    before. Joining the fund the person already belongs to changes nothing."""
    for membership in history(session, person_id):
        open_on_start = membership.end_date is None or membership.end_date >= start
        if not open_on_start:
            continue
        if membership.organisation_id == organisation_id and membership.start_date <= start:
            return membership
        if membership.start_date >= start:
            # A membership that had not begun by the new start is replaced by the new one.
            session.delete(membership)
        else:
            membership.end_date = start - timedelta(days=1)
    membership = FundMembership(
        person_id=person_id, organisation_id=organisation_id, start_date=start
    )
    session.add(membership)
    session.flush()
    return membership


def leave(session: Session, person_id: str, last_day: date) -> None:
    """End the person's membership with `last_day` as its last day."""
    for membership in history(session, person_id):
        if membership.end_date is None or membership.end_date > last_day:
            if membership.start_date > last_day:
                session.delete(membership)
            else:
                membership.end_date = last_day
    session.flush()
