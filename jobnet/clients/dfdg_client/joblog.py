"""The job log: entries with their copies of the application, and the commands that add, edit
and delete them and remove a copy (a copy is attached with the add or edit command)."""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from jobnet.clients.dfdg_client.calls import Calls
from jobnet.clients.dfdg_client.commands import Command
from jobnet.clients.dfdg_client.cv import ChangedBy, _changed_by
from jobnet.clients.dfdg_client.messages import AttachmentFile
from jobnet.clients.dfdg_client.values import (
    Actor,
    json_ready,
    optional_datetime,
    parse,
    person_path,
)
from jobnet.domain.joblog import Requirement


@dataclass(frozen=True)
class Joblog:
    person_id: str
    today: date  # DFDG's today
    entries: tuple[JoblogEntry, ...]  # newest first
    applications_per_week: int | None = None  # the current plan's job-search requirement
    # Every plan version's requirement from the day it took effect, oldest first.
    requirements: tuple[Requirement, ...] = ()
    copies_per_week: int = 0  # of the current plan's applications, how many need a copy
    copies_per_month: int = 0  # the same, where the plan agreed them by the calendar month

    def copy(self, entry_id: str, copy_id: str) -> JoblogCopy | None:
        entry = self.entry(entry_id)
        return next((c for c in entry.copies if c.id == copy_id), None) if entry else None

    def entry(self, entry_id: str) -> JoblogEntry | None:
        return next((e for e in self.entries if e.id == entry_id), None)


@dataclass(frozen=True)
class JoblogEntry:
    id: str
    person_id: str
    applied_on: date
    employer: str
    job_title: str
    kind: str
    status: str
    link: str | None
    note: str | None
    version: int
    created_at: datetime
    created_by: ChangedBy
    updated_at: datetime | None
    copies: tuple[JoblogCopy, ...] = ()


@dataclass(frozen=True)
class JoblogCopy:
    """A copy of the application, uploaded to an entry."""

    id: str
    filename: str
    kind: str
    size: int
    created_at: datetime


def _copy(data: Mapping[str, Any]) -> JoblogCopy:
    return JoblogCopy(
        id=data["id"],
        filename=data["filename"],
        kind=data["kind"],
        size=int(data["size"]),
        created_at=datetime.fromisoformat(data["created_at"]),
    )


def _copies_per_week(data: Mapping[str, Any]) -> int:
    """The current plan version's copies a week (its requirement the newest)."""
    found = data.get("requirements") or ()
    return int(found[-1].get("copies_per_week") or 0) if found else 0


def _copies_per_month(data: Mapping[str, Any]) -> int:
    """The current plan version's copies a calendar month, where it agreed them so."""
    found = data.get("requirements") or ()
    return int(found[-1].get("copies_per_month") or 0) if found else 0


def parse_joblog(data: Mapping[str, Any]) -> Joblog:
    return Joblog(
        person_id=data["person_id"],
        today=date.fromisoformat(data["today"]),
        entries=tuple(parse_joblog_entry(item) for item in data["entries"]),
        applications_per_week=data.get("applications_per_week"),
        requirements=tuple(
            Requirement(
                date.fromisoformat(item["from_date"]),
                int(item["applications_per_week"]),
                int(item.get("copies_per_week") or 0),
            )
            for item in data.get("requirements") or ()
        ),
        copies_per_week=_copies_per_week(data),
        copies_per_month=_copies_per_month(data),
    )


def parse_joblog_entry(data: Mapping[str, Any]) -> JoblogEntry:
    created_by = _changed_by(data["created_by"])
    assert created_by is not None
    return JoblogEntry(
        id=data["id"],
        person_id=data["person_id"],
        applied_on=date.fromisoformat(data["applied_on"]),
        employer=data["employer"],
        job_title=data["job_title"],
        kind=data["kind"],
        status=data["status"],
        link=data.get("link"),
        note=data.get("note"),
        version=int(data["version"]),
        created_at=datetime.fromisoformat(data["created_at"]),
        created_by=created_by,
        updated_at=optional_datetime(data.get("updated_at")),
        copies=tuple(_copy(item) for item in data.get("copies") or ()),
    )


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
        return dict(self._request("GET", path, actor=actor))

    def joblog_copy(
        self, person_id: str, entry_id: str, copy_id: str, actor: Actor
    ) -> AttachmentFile:
        """A copy of an application with its content (for a download; audited by DFDG)."""
        path = person_path(person_id, "joblog", entry_id, "copies", copy_id)
        return parse(AttachmentFile, self._request("GET", path, actor=actor))
