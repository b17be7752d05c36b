"""The access log on the page: repeated reads as one line.

A system or a caseworker often reads the same data several times in a minute (each page they
open reads it again). On the page, consecutive reads by the same actor of the same category,
with the same purpose and outcome, each within READ_WINDOW of the newest of them, are one line
that says how many there were and from when to when. The CSV file keeps every entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from jobnet.clients.dfdg_client.persons import AuditEntry

READ_WINDOW = timedelta(minutes=10)
_READ_SUFFIXES = (".read", ".list", ".lookup", ".day_list")


@dataclass(frozen=True)
class LogLine:
    """One line of the log: `entry` (the newest) and how many like it it stands for."""

    entry: AuditEntry
    count: int = 1
    earliest: datetime | None = None  # the oldest entry's time when count > 1


def is_read(entry: AuditEntry) -> bool:
    return entry.action.endswith(_READ_SUFFIXES)


def _same_read(newest: AuditEntry, entry: AuditEntry) -> bool:
    return (
        is_read(entry)
        and entry.action == newest.action
        and entry.outcome == newest.outcome
        and entry.actor_type == newest.actor_type
        and entry.actor_id == newest.actor_id
        and entry.actor_name == newest.actor_name
        and entry.organisation == newest.organisation
        and entry.system == newest.system
        and entry.on_behalf_of == newest.on_behalf_of
        and entry.purpose == newest.purpose
        and timedelta(0) <= newest.at - entry.at <= READ_WINDOW
    )


def group_reads(entries: Iterable[AuditEntry]) -> list[LogLine]:
    """`entries` (newest first) as lines: runs of the same read within the window joined."""
    lines: list[LogLine] = []
    run: list[AuditEntry] = []
    for entry in entries:
        if run and _same_read(run[0], entry):
            run.append(entry)
            continue
        if run:
            lines.append(_line(run))
        run = [entry] if is_read(entry) else []
        if not run:
            lines.append(LogLine(entry))
    if run:
        lines.append(_line(run))
    return lines


def _line(run: Sequence[AuditEntry]) -> LogLine:
    if len(run) == 1:
        return LogLine(run[0])
    return LogLine(run[0], len(run), run[-1].at)
