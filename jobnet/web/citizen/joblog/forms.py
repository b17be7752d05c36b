"""The job log entry form, checked by the shared rules of `jobnet.domain.joblog`."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import MultipleFileField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired

from jobnet.domain.fields import Issue
from jobnet.domain.joblog import LIMITS, JoblogKind, JoblogStatus, check_entry
from jobnet.web.journeys.changes import Mandatory, RuleForm
from jobnet.web.platform.forms import DatePartsField

KIND_LABELS = {
    JoblogKind.ADVERTISED.value: _l("Advertised job"),
    JoblogKind.UNSOLICITED.value: _l("Unsolicited application"),
    JoblogKind.OTHER.value: _l("Other"),
}
STATUS_LABELS = {
    JoblogStatus.SENT.value: _l("Sent"),
    JoblogStatus.INTERVIEW.value: _l("Called to a job interview"),
    JoblogStatus.REJECTED.value: _l("Rejected"),
    JoblogStatus.OFFERED.value: _l("Offered the job"),
}


def _text(value: str | None) -> str | None:
    return (value or "").strip() or None


class EntryForm(RuleForm):
    limits = LIMITS
    today: date

    applied_on = DatePartsField(
        _l("When did you apply?"),
        description=_l("The day you sent the application. For example 18 11 2026."),
        window=_l("It can be at most one year back, and not in the future."),
        validators=[Mandatory(_l("Enter the day you sent the application"))],
    )
    # The employer applied to, not the person's own organisation: no autofill from the profile.
    employer = StringField(
        _l("Employer"),
        validators=[Mandatory(_l("Enter the name of the employer"))],
        render_kw={"autocomplete": "off"},
    )
    job_title = StringField(
        _l("Job title"), validators=[Mandatory(_l("Enter the job you applied for"))]
    )
    kind = RadioField(
        _l("What kind of application?"),
        choices=[SelectChoice(code, label) for code, label in KIND_LABELS.items()],
        validators=[InputRequired(_l("Choose what kind of application it is"))],
    )
    status = RadioField(
        _l("How far has it come?"),
        choices=[SelectChoice(code, label) for code, label in STATUS_LABELS.items()],
        validators=[InputRequired(_l("Choose how far the application has come"))],
        default=JoblogStatus.SENT.value,
    )
    link = StringField(
        _l("Link to the job ad"),
        description=_l("A web address starting with https://"),
        render_kw={"inputmode": "url", "spellcheck": "false"},
    )
    note = TextAreaField(_l("Note"), description=_l("At most 2000 characters."))
    copies = MultipleFileField(
        _l("Attach a copy of the application"),
        description=_l(
            "If your plan asks for copies of applications. PDF, JPEG or PNG files, at most "
            "10 MB each and 5 copies for an application. You can choose several at once."
        ),
    )

    def rule_issues(self) -> list[Issue]:
        return check_entry(
            applied_on=self.applied_on.data,
            employer=self.employer.data,
            job_title=self.job_title.data,
            kind=self.kind.data,
            status=self.status.data,
            link=self.link.data,
            note=self.note.data,
            today=self.today,
        )

    def body(self) -> dict[str, Any]:
        return {
            "applied_on": self.applied_on.data,
            "employer": _text(self.employer.data),
            "job_title": _text(self.job_title.data),
            "kind": self.kind.data,
            "status": self.status.data,
            "link": _text(self.link.data),
            "note": _text(self.note.data),
        }


class DeleteForm(RuleForm):
    """Are you sure? One button and the command's idempotency key."""
