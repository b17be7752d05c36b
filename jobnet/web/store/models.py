"""Typed models of the web app's own store."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Index, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class WebSession(Base):
    """A server-side session. The cookie holds a random token; only its hash is stored here."""

    __tablename__ = "web_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    absolute_expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # The login at the OpenID provider this session came from, as hashes of (issuer, sid) and
    # (issuer, sub): what a back-channel logout token names, so the provider can end it.
    provider_sid: Mapped[str | None] = mapped_column(String(64))
    provider_sub: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_web_sessions_last_seen_at", "last_seen_at"),
        Index("ix_web_sessions_provider_sid", "provider_sid"),
        Index("ix_web_sessions_provider_sub", "provider_sub"),
    )


class RateLimitCounter(Base):
    """One abuse-limit counter (jobnet/rate_limit_storage.py): shared by every web worker."""

    __tablename__ = "rate_limit_counters"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    count: Mapped[int] = mapped_column(default=0)
    expires_at: Mapped[float] = mapped_column(Float, index=True)


class OutboxCommand(Base):
    """A command for DFDG, kept until DFDG has answered it for good.

    Written in the same transaction that creates the citizen's receipt, so nothing submitted is
    lost when DFDG is down; the idempotency key (made when the form was first shown) makes every
    retry, double click and second tab land once.
    """

    __tablename__ = "outbox_commands"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    idempotency_key: Mapped[str] = mapped_column(String(80), unique=True)
    person_id: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    method: Mapped[str] = mapped_column(String(10))
    path: Mapped[str] = mapped_column(String(200))
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON)
    actor: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16), default="received")
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(String(200))
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    rejection: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    registered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_outbox_commands_due", "status", "next_attempt_at"),)


class CalendarFeed(Base):
    """A citizen's subscription to their duties as an iCalendar feed (issue 22).

    The feed URL carries a random token and nothing about the person; only the token's hash is
    stored. Revoking sets `revoked_at`, after which the URL answers 404; a new feed revokes the
    one before it.
    """

    __tablename__ = "calendar_feeds"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # SHA-256 of the token
    person_id: Mapped[str] = mapped_column(String(64), index=True)
    language: Mapped[str] = mapped_column(String(5))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class KnownPerson(Base):
    """What the web app last knew of a person from DFDG, for when DFDG cannot be reached: who a
    MitID login is (the CPR number only as a keyed hash) and the person's last status answer."""

    __tablename__ = "known_persons"

    person_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    cpr_digest: Mapped[str | None] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    status_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class KnownAnswer(Base):
    """DFDG's last answer the web app got for one page's data, for while DFDG cannot be reached:
    `owner` is the person it is about (or PUBLIC for the public statistics), `kind` what it is
    ("plan", "joblog", "cv", or "statistics:<hash of the query>"). Only the owner's own pages
    read it; rows not renewed for KNOWN_ANSWERS_RETENTION_DAYS are purged."""

    __tablename__ = "known_answers"

    owner: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(80), primary_key=True)
    answer: Mapped[dict[str, Any]] = mapped_column(JSON)
    answered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class NotificationChoice(Base):
    """How a person wants to be told that something waits (issue 23): e-mail, SMS, both or
    neither, at addresses they confirmed with a code. A caseworker's row holds their daily
    e-mail of the inbox's unread messages. `subject`: "citizen:<DFDG person id>" or
    "caseworker:<professional id>"."""

    __tablename__ = "notification_choices"

    subject: Mapped[str] = mapped_column(String(120), primary_key=True)
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(20))
    by_email: Mapped[bool] = mapped_column(Boolean, default=False)
    by_sms: Mapped[bool] = mapped_column(Boolean, default=False)
    daily_digest: Mapped[bool] = mapped_column(Boolean, default=False)
    organisation_cvr: Mapped[str | None] = mapped_column(String(8))
    language: Mapped[str] = mapped_column(String(5))
    last_digest_on: Mapped[date | None] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ConfirmationCode(Base):
    """A six-digit code sent to an address to confirm it; only its keyed hash is kept."""

    __tablename__ = "notification_codes"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    subject: Mapped[str] = mapped_column(String(120), index=True)
    channel: Mapped[str] = mapped_column(String(10))
    address: Mapped[str] = mapped_column(String(254), index=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    attempts: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class OutgoingNotification(Base):
    """One e-mail or SMS to send, sent by the outbox worker. `key` makes each cause give one
    row (a notice and channel, a code, a day's digest); the row is claimed (status sending)
    before the send and marked sent after it, so two workers never send it twice."""

    __tablename__ = "outgoing_notifications"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(160), unique=True)
    subject: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(10))
    address: Mapped[str] = mapped_column(String(254))
    language: Mapped[str] = mapped_column(String(5))
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12), default="waiting")
    attempts: Mapped[int] = mapped_column(default=0)
    due_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        Index("ix_outgoing_notifications_due", "status", "due_at"),
        Index("ix_outgoing_notifications_subject_kind", "subject", "kind"),
    )


class LoginEvent(Base):
    """A login to Jobnet, the web app's own security log (leftovers 2): when, at which
    assurance level, and for a caseworker their organisation. `subject`: "citizen:<DFDG person
    id>" (or the provisional id while DFDG is away, moved when resolved) or
    "caseworker:<professional id>". No CPR number, no token, no address. Kept LOGINS_KEPT
    (`jobnet/web/platform/login_log.py`)."""

    __tablename__ = "login_events"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    subject: Mapped[str] = mapped_column(String(120))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    level: Mapped[str] = mapped_column(String(20))
    organisation_cvr: Mapped[str | None] = mapped_column(String(8))
    organisation_name: Mapped[str | None] = mapped_column(String(200))
    while_dfdg_away: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (Index("ix_login_events_subject_at", "subject", "at"),)
