"""Telling a person that a message from the job centre is waiting (issue 23).

The notification itself (e-mail, SMS, quiet hours, at most one an hour) is the notices module's
(`jobnet.dfdg.notices.notice_waiting`); this is the one place messages call it from, in the
same transaction as the message.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from jobnet.dfdg import notices


def tell_person_a_message_waits(session: Session, person_id: str) -> None:
    notices.notice_waiting(session, person_id, notices.MESSAGE)
