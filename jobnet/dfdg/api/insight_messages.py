"""The export's category of messages with the job centre (issue 23), and a thread's history.

The export holds every thread with its messages and the attachments' names, kinds and sizes
(each attachment's content is read on its own, audited). A thread's history has a version for
each message: who wrote it, when, and what it said.
"""

from __future__ import annotations

from pydantic import BaseModel

from jobnet.dfdg.api.jobcentre_access import actor_out, jobcentre_of
from jobnet.dfdg.api.message_records import reader_of, thread_names, thread_out
from jobnet.dfdg.insight import ExportContext, register_category
from jobnet.dfdg.queries import messages as message_queries
from jobnet.dfdg.schemas.insight import RecordVersion
from jobnet.dfdg.schemas.messages import ThreadOut
from jobnet.domain.codes import ActorType


def _may_read(context: ExportContext) -> bool:
    """The person themself or their job centre: an unemployment fund that may copy its
    member's other data gets no messages with the job centre."""
    if context.actor.type == ActorType.CITIZEN:
        return True
    return jobcentre_of(context.session, context.actor, context.person) is not None


def _threads(context: ExportContext) -> list[BaseModel]:
    if not _may_read(context):
        return []
    reader = reader_of(context.actor)
    threads = message_queries.for_person(context.session, context.person.id)
    return [thread_out(context.session, thread, reader) for thread in threads]


def _thread_history(context: ExportContext, record_id: str) -> list[RecordVersion] | None:
    thread = message_queries.of_person(context.session, context.person.id, record_id)
    if thread is None or not _may_read(context):
        return None
    names = thread_names(context.session, [thread])
    return [
        RecordVersion(
            version=message.number,
            change="created" if message.number == 1 else "updated",
            at=message.sent_at,
            by=actor_out(message.by_type, message.by_name, message.by_organisation, names),
            reference=message.source_reference,
            channel=None,
            system=None,
            purpose=None,
            values={
                "subject": thread.subject,
                "text": message.text,
                "attachments": [item.filename for item in message.attachments],
            },
        )
        for message in thread.messages
    ]


register_category(
    "messages",
    _threads,
    _thread_history,
    model=ThreadOut,
    title="Messages with the job centre: threads, newest first, with their messages and the "
    "names of their attachments",
)
