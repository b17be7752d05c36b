"""Words for the summons' code lists, in the user's language."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext

from jobnet.domain.summons import InterviewForm, InterviewType, SummonsStatus

INTERVIEW_FORMS = {
    InterviewForm.IN_PERSON: _l("In person"),
    InterviewForm.PHONE: _l("By phone"),
    InterviewForm.VIDEO: _l("Video meeting"),
    InterviewForm.DIGITAL: _l("Digital interview"),
}

INTERVIEW_TYPES = {
    InterviewType.JOB_INTERVIEW: _l("Job interview"),
    InterviewType.CV_INTERVIEW: _l("CV interview"),
    InterviewType.FOLLOW_UP: _l("Follow-up interview"),
    InterviewType.AVAILABILITY: _l("Availability interview"),
    InterviewType.JOINT_WITH_AKASSE: _l("Joint interview with your unemployment insurance fund"),
    InterviewType.JOB_PLAN: _l("Interview about your plan"),
    InterviewType.OTHER: _l("Interview"),
}

SUMMONS_STATUSES = {
    SummonsStatus.ACTIVE: _l("Booked"),
    SummonsStatus.MOVED: _l("Moved"),
    # In Danish an interview is "aflyst", a holiday "annulleret": one English word, two contexts.
    SummonsStatus.CANCELLED: lazy_pgettext("interview status", "Cancelled"),
}


def _label(labels: dict, code_list: type, value: str) -> str:
    try:
        return str(labels[code_list(value)])
    except (ValueError, KeyError):
        return value


def interview_form_label(value: str) -> str:
    return _label(INTERVIEW_FORMS, InterviewForm, value)


def interview_type_label(value: str) -> str:
    return _label(INTERVIEW_TYPES, InterviewType, value)


def summons_status_label(value: str) -> str:
    return _label(SUMMONS_STATUSES, SummonsStatus, value)
