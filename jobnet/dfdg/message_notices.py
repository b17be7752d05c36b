"""Telling a person that a message from the job centre is waiting (issue 23).

The notification itself (e-mail, SMS, quiet hours, at most one an hour) is the notices module's
(`jobnet.dfdg.notices.notice_waiting`); this is the one place messages call it from.
"""

from __future__ import annotations

import importlib
import logging

from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

MESSAGE = "message"


def tell_person_a_message_waits(session: Session, person_id: str) -> None:
    """Ask the notices module to tell the person, in the same transaction as the message."""
    try:
        notices = importlib.import_module("jobnet.dfdg.notices")
    except ModuleNotFoundError:  # not merged yet: nothing to tell with
        log.info("no notices module: person not told of a new message")
        return
    notices.notice_waiting(session, person_id, MESSAGE)
