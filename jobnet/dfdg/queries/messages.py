"""Message threads, their messages and attachments (issue 23)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session, selectinload, undefer

from jobnet.dfdg.models.messages import Message, MessageAttachment, MessageThread
from jobnet.dfdg.models.persons import Organisation, Person
from jobnet.domain.codes import ActorType, OrganisationKind

INBOX_LIMIT = 200

_WITH_MESSAGES = selectinload(MessageThread.messages).selectinload(Message.attachments)


def for_person(session: Session, person_id: str) -> list[MessageThread]:
    """The person's threads with their messages, newest last message first."""
    query = (
        select(MessageThread)
        .where(MessageThread.person_id == person_id)
        .order_by(MessageThread.last_message_at.desc(), MessageThread.id)
        .options(_WITH_MESSAGES)
    )
    return list(session.scalars(query))


def of_person(session: Session, person_id: str, thread_id: str) -> MessageThread | None:
    """The thread with its messages, only when it is this person's."""
    query = (
        select(MessageThread)
        .where(MessageThread.id == thread_id, MessageThread.person_id == person_id)
        .options(_WITH_MESSAGES)
    )
    return session.scalars(query).one_or_none()


def with_person(session: Session, thread_id: str) -> tuple[MessageThread, Person] | None:
    """The thread with its messages and its person, whoever's it is (the caller decides who
    may see it)."""
    query = (
        select(MessageThread, Person)
        .join(Person, Person.id == MessageThread.person_id)
        .where(MessageThread.id == thread_id)
        .options(_WITH_MESSAGES)
    )
    row = session.execute(query).one_or_none()
    return (row[0], row[1]) if row else None


def unread_by_jobcentre() -> object:
    return exists().where(
        Message.thread_id == MessageThread.id,
        Message.by_type == ActorType.CITIZEN.value,
        Message.read_at.is_(None),
    )


def inbox(
    session: Session, municipality_code: str, show: str
) -> list[tuple[MessageThread, Person]]:
    """The threads of the persons living in the job centre's municipality, newest first:
    `unread` only those with a message of the person the job centre has not read,
    `unanswered` only those whose last message is the person's."""
    query = (
        select(MessageThread, Person)
        .join(Person, Person.id == MessageThread.person_id)
        .where(Person.municipality_code == municipality_code)
        .order_by(MessageThread.last_message_at.desc(), MessageThread.id)
        .limit(INBOX_LIMIT)
        .options(_WITH_MESSAGES)
    )
    if show == "unread":
        query = query.where(unread_by_jobcentre())  # type: ignore[arg-type]
    elif show == "unanswered":
        query = query.where(MessageThread.awaiting_answer.is_(True))
    return [(thread, person) for thread, person in session.execute(query)]


def attachment(session: Session, thread_id: str, attachment_id: str) -> MessageAttachment | None:
    """The attachment with its content, only when it belongs to a message of the thread."""
    query = (
        select(MessageAttachment)
        .join(Message, Message.id == MessageAttachment.message_id)
        .where(MessageAttachment.id == attachment_id, Message.thread_id == thread_id)
        .options(undefer(MessageAttachment.content))
    )
    return session.scalars(query).one_or_none()


def jobcentre_of_municipality(session: Session, municipality_code: str) -> Organisation | None:
    """The job centre of a municipality (the one a person writes to)."""
    query = (
        select(Organisation)
        .where(
            Organisation.kind == OrganisationKind.JOBCENTRE.value,
            Organisation.municipality_code == municipality_code,
        )
        .order_by(Organisation.cvr)
        .limit(1)
    )
    return session.scalars(query).first()


def purge_older_than(session: Session, before: datetime) -> int:
    """Delete the threads whose last message is older than `before` (the retention period
    has passed), with their messages and attachments; how many threads."""
    old = list(
        session.scalars(select(MessageThread.id).where(MessageThread.last_message_at < before))
    )
    if not old:
        return 0
    message_ids = select(Message.id).where(Message.thread_id.in_(old))
    session.execute(delete(MessageAttachment).where(MessageAttachment.message_id.in_(message_ids)))
    session.execute(delete(Message).where(Message.thread_id.in_(old)))
    session.execute(delete(MessageThread).where(MessageThread.id.in_(old)))
    return len(old)
