"""The job log: entries with their copies of the application, and the commands that add, edit
and delete them and remove a copy (a copy is attached with the add or edit command)."""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from jobnet.clients.dfdg_client.calls import Calls
from jobnet.clients.dfdg_client.commands import Command
from jobnet.clients.dfdg_client.cv import ChangedBy
from jobnet.clients.dfdg_client.messages import AttachmentFile
from jobnet.clients.dfdg_client.values import (
    Actor,
    Value,
    json_object,
    json_ready,
    parse,
    person_path,
)
from jobnet.domain.joblog import Requirement


class JoblogCopy(Value):
    """A copy of the application, uploaded to an entry."""

    id: str
    filename: str
    kind: str
    size: int
    created_at: datetime


class JoblogEntry(Value):
    id: str
    person_id: str
    applied_on: date
    employer: str
    job_title: str
    kind: str
    status: str
    link: str | None = None
    note: str | None = None
    version: int
    created_at: datetime
    created_by: ChangedBy
    updated_at: datetime | None = None
    copies: tuple[JoblogCopy, ...] = ()


class Joblog(Value):
    person_id: str
    today: date  # DFDG's today
    entries: tuple[JoblogEntry, ...]  # newest first
    applications_per_week: int | None = None  # the current plan's job-search requirement
    # Every plan version's requirement from the day it took effect, oldest first.
    requirements: tuple[Requirement, ...] = ()

    @property
    def copies_per_week(self) -> int:
        """Of the current plan's applications, how many need a copy (its requirement the
        newest)."""
        return self.requirements[-1].copies_per_week if self.requirements else 0

    @property
    def copies_per_month(self) -> int:
        """The same, where the current plan agreed the copies by the calendar month."""
        return self.requirements[-1].copies_per_month if self.requirements else 0

    # Not pydantic's deprecated `copy` (nothing of pydantic's calls it): the pages' name.
    def copy(self, entry_id: str, copy_id: str) -> JoblogCopy | None:  # type: ignore[override]
        entry = self.entry(entry_id)
        return next((c for c in entry.copies if c.id == copy_id), None) if entry else None

    def entry(self, entry_id: str) -> JoblogEntry | None:
        return next((e for e in self.entries if e.id == entry_id), None)


def parse_joblog(data: Mapping[str, Any]) -> Joblog:
    """The job log from DFDG's answer (or the copy kept of it)."""
    return parse(Joblog, data)


def copies_body(files: Sequence[tuple[str, bytes]]) -> list[dict[str, str]]:
    """Files to attach as copies: their names and contents (base64), as DFDG takes them."""
    return [
        {"filename": name, "content": base64.b64encode(data).decode("ascii")}
        for name, data in files
    ]


def _with_copies(
    body: Mapping[str, Any], reference: str | None, files: Sequence[tuple[str, bytes]]
) -> dict[str, Any]:
    ready = json_ready(body, reference)
    if files:
        ready["copies"] = copies_body(files)
    return ready


def joblog_add_command(
    person_id: str,
    body: Mapping[str, Any],
    reference: str | None,
    copies: Sequence[tuple[str, bytes]] = (),
) -> Command:
    path = person_path(person_id, "joblog")
    return Command(JOBLOG_ADD, "POST", path, _with_copies(body, reference, copies))


def joblog_edit_command(
    person_id: str,
    entry_id: str,
    body: Mapping[str, Any],
    reference: str | None,
    copies: Sequence[tuple[str, bytes]] = (),
) -> Command:
    path = person_path(person_id, "joblog", entry_id)
    return Command(JOBLOG_EDIT, "PUT", path, _with_copies(body, reference, copies))


def joblog_copy_remove_command(
    person_id: str, entry_id: str, copy_id: str, reference: str | None
) -> Command:
    path = person_path(person_id, "joblog", entry_id, "copies", copy_id)
    return Command(JOBLOG_COPY_REMOVE, "DELETE", path, json_ready({}, reference))


def joblog_delete_command(person_id: str, entry_id: str, reference: str | None) -> Command:
    path = person_path(person_id, "joblog", entry_id)
    return Command(JOBLOG_DELETE, "DELETE", path, json_ready({}, reference))


JOBLOG_ADD = "joblog_add"


JOBLOG_EDIT = "joblog_edit"


JOBLOG_DELETE = "joblog_delete"


JOBLOG_COPY_REMOVE = "joblog_copy_remove"


JOBLOG_KINDS = frozenset({JOBLOG_ADD, JOBLOG_EDIT, JOBLOG_DELETE, JOBLOG_COPY_REMOVE})


class JoblogCalls(Calls):
    """The person's job log."""

    def joblog(self, person_id: str, actor: Actor) -> Joblog:
        """The person's job log (entries newest first) and DFDG's today."""
        return parse_joblog(self.joblog_answer(person_id, actor))

    def joblog_answer(self, person_id: str, actor: Actor) -> dict[str, Any]:
        """`joblog` as DFDG's JSON, for keeping; `parse_joblog` reads it."""
        path = f"/persons/{quote(person_id, safe='')}/joblog"
        return json_object(self._request("GET", path, actor=actor))

    def joblog_copy(
        self, person_id: str, entry_id: str, copy_id: str, actor: Actor
    ) -> AttachmentFile:
        """A copy of an application with its content (for a download; audited by DFDG)."""
        path = person_path(person_id, "joblog", entry_id, "copies", copy_id)
        return parse(AttachmentFile, self._request("GET", path, actor=actor))
