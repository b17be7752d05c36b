"""Recording that something new waits for a person, for the notifications (issue 23).

Call `notice_waiting` in the same transaction as the cause (a new message, summons, plan
version, booking): the notice is committed or rolled back with it. The web app's notices
worker collects the notices (GET /notices) and tells the person by e-mail or SMS as they chose.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from jobnet.dfdg.models.notices import NOTICE_KINDS, Notice

MESSAGE = "message"
TASK = "task"
LETTER = "letter"


def notice_waiting(session: Session, person_id: str, kind: str) -> None:
    """Record that something of `kind` ("message", "task" or "letter") waits for the person
    (DFDG's person id). Nothing about what it is: the notification says only the kind."""
    if kind not in NOTICE_KINDS:
        raise ValueError(f"unknown notice kind {kind!r}; one of {', '.join(NOTICE_KINDS)}")
    session.add(Notice(person_id=person_id, kind=kind))
