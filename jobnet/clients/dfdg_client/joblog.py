"""The job log: entries and the commands that add, edit and delete them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from jobnet.clients.dfdg_client.calls import Calls
from jobnet.clients.dfdg_client.commands import Command
from jobnet.clients.dfdg_client.cv import ChangedBy, _changed_by
from jobnet.clients.dfdg_client.values import (
    Actor,
    json_ready,
    optional_datetime,
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


def parse_joblog(data: Mapping[str, Any]) -> Joblog:
    return Joblog(
        person_id=data["person_id"],
        today=date.fromisoformat(data["today"]),
        entries=tuple(parse_joblog_entry(item) for item in data["entries"]),
        applications_per_week=data.get("applications_per_week"),
        requirements=tuple(
            Requirement(date.fromisoformat(item["from_date"]), int(item["applications_per_week"]))
            for item in data.get("requirements") or ()
        ),
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
    )


def joblog_add_command(person_id: str, body: Mapping[str, Any], reference: str | None) -> Command:
    return Command(
        JOBLOG_ADD, "POST", person_path(person_id, "joblog"), json_ready(body, reference)
    )


def joblog_edit_command(
    person_id: str, entry_id: str, body: Mapping[str, Any], reference: str | None
) -> Command:
    path = person_path(person_id, "joblog", entry_id)
    return Command(JOBLOG_EDIT, "PUT", path, json_ready(body, reference))


def joblog_delete_command(person_id: str, entry_id: str, reference: str | None) -> Command:
    path = person_path(person_id, "joblog", entry_id)
    return Command(JOBLOG_DELETE, "DELETE", path, json_ready({}, reference))


JOBLOG_ADD = "joblog_add"


JOBLOG_EDIT = "joblog_edit"


JOBLOG_DELETE = "joblog_delete"


JOBLOG_KINDS = frozenset({JOBLOG_ADD, JOBLOG_EDIT, JOBLOG_DELETE})


class JoblogCalls(Calls):
    """The person's job log."""

    def joblog(self, person_id: str, actor: Actor) -> Joblog:
        """The person's job log (entries newest first) and DFDG's today."""
        return parse_joblog(self.joblog_answer(person_id, actor))

    def joblog_answer(self, person_id: str, actor: Actor) -> dict[str, Any]:
        """`joblog` as DFDG's JSON, for keeping; `parse_joblog` reads it."""
        path = f"/persons/{quote(person_id, safe='')}/joblog"
        return dict(self._request("GET", path, actor=actor))
