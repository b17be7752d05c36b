"""The events a fund's system has handled, by id: `funds follow` and `funds receive` both skip
an event they have handled before (a feed read again after a crash before the cursor was
written, a webhook pushed again after a crash before DFDG recorded the fund's answer)."""

from __future__ import annotations

import os
from pathlib import Path

from flask import current_app


class SeenEvents:
    """The ids of the events a fund has handled, one a line in a file (appended and flushed to
    disk before the event counts as handled)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._ids = set(path.read_text("utf-8").split())
        except FileNotFoundError:
            self._ids = set()

    def __contains__(self, event_id: object) -> bool:
        return event_id in self._ids

    def add(self, event_id: str) -> None:
        if event_id in self._ids:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as out:
            out.write(event_id + "\n")
            out.flush()
            os.fsync(out.fileno())
        self._ids.add(event_id)


def seen_path(fund: str, directory: str | None = None) -> Path:
    base = directory or current_app.config.get("FUND_SEEN_DIR") or "instance/fund-seen"
    return Path(base) / f"{fund}.ids"
