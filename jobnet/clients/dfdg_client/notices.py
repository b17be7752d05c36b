"""Notices: what waits for whom (only the kind), collected by the notifications worker acting as
the web app itself, and a job centre's count of unread threads for the daily e-mail."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import quote

from jobnet.clients.dfdg_client.calls import Calls
from jobnet.clients.dfdg_client.values import Value, parse


class WaitingNotice(Value):
    id: int
    person_id: str
    kind: str  # "message", "task" or "letter"
    created_at: datetime


class _Notices(Value):
    notices: tuple[WaitingNotice, ...]


class _Acknowledged(Value):
    acknowledged: int


class _Unread(Value):
    unread: int


class NoticeCalls(Calls):
    def waiting_notices(self, limit: int = 100) -> list[WaitingNotice]:
        """The notices not yet acknowledged, oldest first (no one acting: the system itself)."""
        data = self._request("GET", "/notices", params={"limit": str(limit)})
        return list(parse(_Notices, data).notices)

    def acknowledge_notices(self, ids: list[int]) -> int:
        """Tell DFDG these are taken; how many were still waiting. Repeating it is harmless."""
        data = self._request("POST", "/notices/acknowledge", json={"ids": ids}, reads_only=True)
        return parse(_Acknowledged, data).acknowledged

    def unread_message_count(self, cvr: str) -> int:
        """How many threads of the job centre's citizens have a message it has not read."""
        path = f"/organisations/{quote(cvr, safe='')}/unread-message-count"
        return parse(_Unread, self._request("GET", path)).unread
