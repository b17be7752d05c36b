"""Messages with the job centre as the web app sees them (issue 23): the person's threads, a
job centre's inbox, attachments, and the commands that write, answer and take a thread."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from urllib.parse import quote

from jobnet.clients.dfdg_client.calls import Calls
from jobnet.clients.dfdg_client.commands import Command
from jobnet.clients.dfdg_client.values import Actor, RecordedBy, Value, parse

MESSAGE_START = "message_start"
MESSAGE_TO_PERSON = "message_to_person"  # a thread a caseworker starts with the person
MESSAGE_SEND = "message_send"
MESSAGE_ANSWER = "message_answer"
MESSAGE_TAKE = "message_take"


class AttachmentInfo(Value):
    id: str
    filename: str
    kind: str
    content_type: str
    size: int


class AttachmentFile(AttachmentInfo):
    content: str  # base64

    @property
    def data(self) -> bytes:
        return base64.b64decode(self.content)


class MessageItem(Value):
    id: str
    number: int
    text: str
    sent_at: datetime
    sent_by: RecordedBy
    reference: str | None = None
    read_at: datetime | None = None
    read_by_name: str | None = None
    attachments: tuple[AttachmentInfo, ...] = ()

    @property
    def by_person(self) -> bool:
        return self.sent_by.type == "citizen"


class ThreadSummary(Value):
    id: str
    person_id: str
    subject: str
    organisation_cvr: str
    organisation_name: str | None = None
    created_at: datetime
    last_message_at: datetime
    started_by_type: str
    awaiting_answer: bool
    unread: bool
    message_count: int
    taken_by_id: str | None = None
    taken_by_name: str | None = None
    taken_at: datetime | None = None


class Thread(ThreadSummary):
    messages: tuple[MessageItem, ...] = ()


class InboxThread(ThreadSummary):
    given_name: str
    family_name: str


class _Threads(Value):
    threads: tuple[ThreadSummary, ...]


class Inbox(Value):
    cvr: str
    show: str
    threads: tuple[InboxThread, ...] = ()


def _person_path(person_id: str, *parts: str) -> str:
    return "/".join(["/persons", quote(person_id, safe=""), *(quote(p, safe="") for p in parts)])


def _organisation_path(cvr: str, *parts: str) -> str:
    return "/".join(["/organisations", quote(cvr, safe=""), *(quote(p, safe="") for p in parts)])


def _files(attachments: Sequence[tuple[str, bytes]]) -> list[dict[str, str]]:
    return [
        {"filename": name, "content": base64.b64encode(data).decode("ascii")}
        for name, data in attachments
    ]


def _body(text: str, attachments: Sequence[tuple[str, bytes]], reference: str | None) -> dict:
    body: dict[str, Any] = {"text": text, "attachments": _files(attachments)}
    if reference:
        body["reference"] = reference
    return body


def start_thread_command(
    person_id: str,
    subject: str,
    text: str,
    attachments: Sequence[tuple[str, bytes]],
    reference: str | None,
    *,
    by_caseworker: bool = False,
) -> Command:
    """A new thread: the person to their job centre, or a caseworker to the person."""
    body = {"subject": subject, **_body(text, attachments, reference)}
    kind = MESSAGE_TO_PERSON if by_caseworker else MESSAGE_START
    return Command(kind, "POST", _person_path(person_id, "message-threads"), body)


def send_message_command(
    person_id: str,
    thread_id: str,
    text: str,
    attachments: Sequence[tuple[str, bytes]],
    reference: str | None,
) -> Command:
    """The person writes in one of their threads."""
    path = _person_path(person_id, "message-threads", thread_id, "messages")
    return Command(MESSAGE_SEND, "POST", path, _body(text, attachments, reference))


def answer_command(
    cvr: str,
    thread_id: str,
    text: str,
    attachments: Sequence[tuple[str, bytes]],
    reference: str | None,
) -> Command:
    """A caseworker of the job centre answers in a thread of its citizens."""
    path = _organisation_path(cvr, "message-threads", thread_id, "messages")
    return Command(MESSAGE_ANSWER, "POST", path, _body(text, attachments, reference))


def take_command(cvr: str, thread_id: str, *, release: bool = False) -> Command:
    path = _organisation_path(cvr, "message-threads", thread_id, "take")
    return Command(MESSAGE_TAKE, "POST", path, {"release": release})


def without_contents(body: dict[str, Any]) -> dict[str, Any]:
    """A message command's body with its attachments' contents left out (what is kept once
    DFDG has the message)."""
    files = [
        {key: value for key, value in item.items() if key != "content"}
        for item in body.get("attachments", [])
    ]
    return {**body, "attachments": files} if "attachments" in body else body


class MessageCalls(Calls):
    def message_threads(self, person_id: str, actor: Actor) -> list[ThreadSummary]:
        data = self._request("GET", _person_path(person_id, "message-threads"), actor=actor)
        return list(parse(_Threads, data).threads)

    def message_thread(self, person_id: str, thread_id: str, actor: Actor) -> Thread:
        """One of the person's threads; DfdgNotFound for anyone else's. The person reading it
        marks the job centre's messages read."""
        path = _person_path(person_id, "message-threads", thread_id)
        return parse(Thread, self._request("GET", path, actor=actor))

    def message_attachment(
        self, person_id: str, thread_id: str, attachment_id: str, actor: Actor
    ) -> AttachmentFile:
        path = _person_path(person_id, "message-threads", thread_id, "attachments", attachment_id)
        return parse(AttachmentFile, self._request("GET", path, actor=actor))

    def message_inbox(self, cvr: str, show: str, actor: Actor) -> Inbox:
        path = _organisation_path(cvr, "message-threads")
        data = self._request("GET", path, actor=actor, params={"show": show})
        return parse(Inbox, data)

    def jobcentre_thread(self, cvr: str, thread_id: str, actor: Actor) -> Thread:
        """A thread of the job centre's citizens (marks the person's messages read);
        DfdgNotFound for any other."""
        path = _organisation_path(cvr, "message-threads", thread_id)
        return parse(Thread, self._request("GET", path, actor=actor))

    def jobcentre_attachment(
        self, cvr: str, thread_id: str, attachment_id: str, actor: Actor
    ) -> AttachmentFile:
        path = _organisation_path(cvr, "message-threads", thread_id, "attachments", attachment_id)
        return parse(AttachmentFile, self._request("GET", path, actor=actor))
