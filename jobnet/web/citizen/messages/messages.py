"""What each broken rule of a message means to the person."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from jobnet.domain.messages import (
    MAX_ATTACHMENTS,
    MAX_SUBJECT_LENGTH,
    MAX_TEXT_LENGTH,
    MessageProblem,
)
from jobnet.web.journeys.messages import PROBLEMS

PROBLEMS.declare(
    MessageProblem,
    {
        MessageProblem.SUBJECT_REQUIRED: _l("Write a subject."),
        MessageProblem.SUBJECT_TOO_LONG: _l(
            "The subject can be at most %(most)s characters.", most=MAX_SUBJECT_LENGTH
        ),
        MessageProblem.TEXT_REQUIRED: _l("Write your message."),
        MessageProblem.TEXT_TOO_LONG: _l(
            "The message can be at most %(most)s characters.", most=MAX_TEXT_LENGTH
        ),
        MessageProblem.TOO_MANY_ATTACHMENTS: _l(
            "You can attach at most %(most)s files to a message.", most=MAX_ATTACHMENTS
        ),
        MessageProblem.ATTACHMENT_TOO_BIG: _l("The file is larger than 10 MB."),
        MessageProblem.ATTACHMENT_KIND: _l("The file is not a PDF, JPEG or PNG file."),
        MessageProblem.ATTACHMENT_EMPTY: _l("The file is empty."),
    },
)
