"""Requests for access, and the audit entries that tell how a record was changed."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from jobnet.dfdg.models.audit import AuditEntry
from jobnet.dfdg.models.insight import InsightRequest

# A record's change and the audit entry written with it share one transaction, so their
# timestamps lie within this window of each other.
SAME_CHANGE = timedelta(seconds=5)


def add_request(session: Session, request: InsightRequest) -> InsightRequest:
    session.add(request)
    return request


def reference_taken(session: Session, reference: str) -> bool:
    query = select(InsightRequest.id).where(InsightRequest.reference == reference)
    return session.scalar(query) is not None


def requests_for_person(session: Session, person_id: str) -> list[InsightRequest]:
    """The person's requests for access, newest first."""
    query = (
        select(InsightRequest)
        .where(InsightRequest.person_id == person_id)
        .order_by(InsightRequest.received_on.desc(), InsightRequest.created_at.desc())
    )
    return list(session.scalars(query))


def request_of_person(session: Session, person_id: str, request_id: str) -> InsightRequest | None:
    query = select(InsightRequest).where(
        InsightRequest.id == request_id, InsightRequest.person_id == person_id
    )
    return session.scalars(query).one_or_none()


def change_entries(
    session: Session, person_id: str, actions: Iterable[str], moments: Iterable[datetime]
) -> list[AuditEntry]:
    """The person's successful audit entries of `actions` written near any of `moments`."""
    times = [moment for moment in moments if moment is not None]
    if not times:
        return []
    query = (
        select(AuditEntry)
        .where(
            AuditEntry.person_id == person_id,
            AuditEntry.action.in_(list(actions)),
            AuditEntry.outcome == "ok",
            AuditEntry.at >= min(times) - SAME_CHANGE,
            AuditEntry.at <= max(times) + SAME_CHANGE,
        )
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    return list(session.scalars(query))
