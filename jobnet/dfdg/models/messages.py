"""Messages between a person and their job centre (issue 23): threads, messages, attachments.

They are the person's records: read through DFDG's audited API only, in the right-of-access
export, and deleted when the retention period (a setting) has passed since a thread's last
message."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobnet.dfdg.models.base import (
    ACTOR_ID,
    ACTOR_NAME,
    ACTOR_TYPE,
    Base,
    UtcDateTime,
    utcnow,
)
from jobnet.dfdg.models.columns import By, HasId, PersonRecord, SourceReference

ATTACHMENT_KINDS = "'pdf', 'jpeg', 'png'"


class MessageThread(PersonRecord, Base):
    """A conversation between the person and their job centre, under one subject."""

    __tablename__ = "message_threads"
    __table_args__ = (
        Index("ix_message_threads_person_id_last_message_at", "person_id", "last_message_at"),
    )

    # The job centre written to (the person's, when the thread began).
    organisation_cvr: Mapped[str] = mapped_column(String(8))
    subject: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    last_message_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    started_by_type: Mapped[str] = mapped_column(ACTOR_TYPE)
    # The job centre has not answered the person's last message yet.
    awaiting_answer: Mapped[bool] = mapped_column(Boolean, default=False)
    # The caseworker who has taken the thread, and when.
    taken_by_id: Mapped[str | None] = mapped_column(ACTOR_ID)
    taken_by_name: Mapped[str | None] = mapped_column(ACTOR_NAME)
    taken_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    messages: Mapped[list[Message]] = relationship(
        back_populates="thread", order_by="Message.number", cascade="all, delete-orphan"
    )


class Message(HasId, By, SourceReference, Base):
    """One message of a thread: by the person or by a caseworker, read by the other side when
    `read_at` is set."""

    __tablename__ = "messages"
    __table_args__ = (UniqueConstraint("thread_id", "number"),)

    thread_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("message_threads.id", ondelete="CASCADE")
    )
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    # When the other side first read it (the job centre for the person's, the person for an
    # answer), and for the job centre's reading, who.
    read_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    read_by_name: Mapped[str | None] = mapped_column(ACTOR_NAME)

    thread: Mapped[MessageThread] = relationship(back_populates="messages")
    attachments: Mapped[list[MessageAttachment]] = relationship(
        back_populates="message", order_by="MessageAttachment.number", cascade="all, delete-orphan"
    )


class MessageAttachment(HasId, Base):
    """A file sent with a message: PDF, JPEG or PNG by its content, at most 10 MB."""

    __tablename__ = "message_attachments"
    __table_args__ = (
        UniqueConstraint("message_id", "number"),
        CheckConstraint(f"kind IN ({ATTACHMENT_KINDS})", name="kind"),
    )

    message_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("messages.id", ondelete="CASCADE")
    )
    number: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)

    message: Mapped[Message] = relationship(back_populates="attachments")
