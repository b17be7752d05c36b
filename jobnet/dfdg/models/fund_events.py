"""Events the job centre reports to a member's unemployment insurance fund (chapter 11).

Each event is addressed, when it is recorded, to the fund the person belongs to that day
(`fund_id`), and numbered in that fund's own sequence (`fund_sequence`, 1, 2, 3 …): the fund's
feed is read in that order with the last number as its cursor, so each event is delivered once
and a person's events in the order they were recorded. A change of fund addresses the events
recorded after it to the new fund; those already addressed stay with the old one.

A fund with a webhook (DFDG_FUND_WEBHOOKS) also gets each event pushed to it: `webhook_state`
is `pending` until it is delivered (`delivered`), retried with back-off (`webhook_next_at`).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from jobnet.dfdg.models.base import (
    Base,
    UtcDateTime,
)
from jobnet.dfdg.models.columns import Created, PersonRecord, SourceReference

EVENT_TYPES = (
    "'no_show', 'job_refused', 'offer_refused', 'offer_absence', 'availability_doubt', "
    "'offer_start', 'offer_end', 'offer_change', 'booking_deadline_missed'"
)
WEBHOOK_STATES = "'none', 'pending', 'delivered', 'failed'"


class FundEvent(PersonRecord, Created, SourceReference, Base):
    __tablename__ = "fund_events"
    __table_args__ = (
        UniqueConstraint("fund_id", "fund_sequence"),
        UniqueConstraint("summons_id"),
        # A booking request not booked by its deadline gives one event, however often the
        # worker that finds it runs (jobnet.dfdg.booking_deadlines).
        UniqueConstraint("booking_request_id"),
        CheckConstraint(f"type IN ({EVENT_TYPES})", name="type"),
        CheckConstraint(f"webhook_state IN ({WEBHOOK_STATES})", name="webhook_state"),
        Index("ix_fund_events_person_id", "person_id", "fund_sequence"),
        Index("ix_fund_events_webhook_state", "webhook_state", "webhook_next_at"),
    )

    fund_id: Mapped[str] = mapped_column(String(36), ForeignKey("organisations.id"))
    fund_sequence: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(30))
    source: Mapped[str] = mapped_column(String(20))
    event_date: Mapped[date] = mapped_column(Date)
    municipality_code: Mapped[str | None] = mapped_column(String(4))
    cause: Mapped[str | None] = mapped_column(String(200))
    comment: Mapped[str | None] = mapped_column(Text)
    # § 63(3): an offer's company, current status, dates and average weekly hours.
    company_cvr: Mapped[str | None] = mapped_column(String(8))
    company_name: Mapped[str | None] = mapped_column(String(200))
    offer_status: Mapped[str | None] = mapped_column(String(20))
    granted_on: Mapped[date | None] = mapped_column(Date)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    weekly_hours: Mapped[Decimal | None] = mapped_column(Numeric(4, 1))
    summons_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("summons.id", ondelete="SET NULL")
    )
    booking_request_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("booking_requests.id", ondelete="SET NULL")
    )
    # The first time the fund's system had it (read from the feed, or pushed), and how.
    delivered_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    delivered_via: Mapped[str | None] = mapped_column(String(20))
    webhook_state: Mapped[str] = mapped_column(String(20), default="none")
    webhook_attempts: Mapped[int] = mapped_column(Integer, default=0)
    webhook_next_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    webhook_last_error: Mapped[str | None] = mapped_column(String(200))
