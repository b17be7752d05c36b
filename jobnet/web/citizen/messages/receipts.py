"""How a message reads on its receipt."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from jobnet.clients.dfdg_client.messages import (
    MESSAGE_ANSWER,
    MESSAGE_SEND,
    MESSAGE_START,
    MESSAGE_TO_PERSON,
)
from jobnet.web.journeys.receipts.summaries import next_steps, summary_formatter


def _rows(summary: dict[str, Any]) -> list[tuple[str, str]]:
    rows = [
        (_("Subject"), str(summary.get("subject") or "")),
        (_("Message"), str(summary.get("text") or "")),
    ]
    files = summary.get("attachments") or []
    rows.append((_("Attachments"), ", ".join(str(name) for name in files) or _("None")))
    return rows


summary_formatter(MESSAGE_START, _l("Message to the job centre"))(_rows)
summary_formatter(MESSAGE_SEND, _l("Message to the job centre"))(_rows)
summary_formatter(MESSAGE_ANSWER, _l("Answer to a citizen's message"))(_rows)
summary_formatter(MESSAGE_TO_PERSON, _l("Message to the citizen"))(_rows)


@next_steps(MESSAGE_TO_PERSON)
def _told(summary: dict[str, Any]) -> list[str]:
    return [
        _(
            "The citizen reads it in Messages on Jobnet and is told that something new is "
            "waiting, without its content."
        )
    ]


@next_steps(MESSAGE_START)
@next_steps(MESSAGE_SEND)
def _after(summary: dict[str, Any]) -> list[str]:
    return [
        _(
            "The job centre answers in Messages on Jobnet. "
            "You will see there when they have read it."
        )
    ]
