"""The forms that write a message: a new thread (subject, text, files) and an answer in one."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import MultipleFileField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length

from jobnet.domain.messages import MAX_SUBJECT_LENGTH, MAX_TEXT_LENGTH, MessageProblem
from jobnet.web.journeys.messages import lazy_problem_message
from jobnet.web.platform.forms import KeyField

FILES_HINT = _l(
    "PDF, JPEG or PNG files, at most 10 MB each and 5 files. You can choose several at once."
)


def _text_field() -> TextAreaField:
    return TextAreaField(
        _l("Your message"),
        validators=[
            InputRequired(lazy_problem_message(MessageProblem.TEXT_REQUIRED)),
            Length(max=MAX_TEXT_LENGTH, message=lazy_problem_message(MessageProblem.TEXT_TOO_LONG)),
        ],
    )


def _files_field() -> MultipleFileField:
    return MultipleFileField(_l("Attach files"), description=FILES_HINT)


class NewMessageForm(FlaskForm):
    class Meta:
        locales = ("da", "en")

    key = KeyField()
    subject = StringField(
        _l("Subject"),
        validators=[
            InputRequired(lazy_problem_message(MessageProblem.SUBJECT_REQUIRED)),
            Length(
                max=MAX_SUBJECT_LENGTH,
                message=lazy_problem_message(MessageProblem.SUBJECT_TOO_LONG),
            ),
        ],
    )
    text = _text_field()
    attachments = _files_field()


class ReplyForm(FlaskForm):
    class Meta:
        locales = ("da", "en")

    key = KeyField()
    text = _text_field()
    attachments = _files_field()
