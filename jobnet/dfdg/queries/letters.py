"""What the person's letters are made of: every change of their summons and every version of
their plan, one statement each whatever their number."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from jobnet.dfdg.models.booking import BookingRequest
from jobnet.dfdg.models.plans import JobPlan, JobPlanVersion
from jobnet.dfdg.models.summons import Summons, SummonsChange


def summons_changes(session: Session, person_id: str) -> Sequence[Row]:
    """Each change with its summons' id, type and job centre."""
    return session.execute(
        select(
            SummonsChange.number,
            SummonsChange.kind,
            SummonsChange.letter_sent_date,
            SummonsChange.at,
            SummonsChange.starts_at,
            Summons.id,
            Summons.type,
            Summons.organisation_cvr,
        )
        .join(Summons, SummonsChange.summons_id == Summons.id)
        .where(Summons.person_id == person_id)
    ).all()


def plan_versions(session: Session, person_id: str) -> Sequence[Row]:
    """Each version of the person's plan: its number, date, time recorded and job centre."""
    return session.execute(
        select(
            JobPlanVersion.number,
            JobPlanVersion.revision_date,
            JobPlanVersion.created_at,
            JobPlanVersion.organisation_cvr,
        )
        .join(JobPlan, JobPlanVersion.plan_id == JobPlan.id)
        .where(JobPlan.person_id == person_id)
    ).all()


def withdrawn_bookings(session: Session, person_id: str) -> Sequence[Row]:
    """Each booking request withdrawn before it was booked (no summons made): when, its
    interview type and job centre."""
    return session.execute(
        select(
            BookingRequest.id,
            BookingRequest.withdrawn_at,
            BookingRequest.type,
            BookingRequest.organisation_cvr,
        ).where(
            BookingRequest.person_id == person_id,
            BookingRequest.withdrawn_at.is_not(None),
            BookingRequest.summons_id.is_(None),
        )
    ).all()
