"""The words of a record's history: a label for every field of every record type DFDG keeps a
history of, and words for every coded value, in the reader's language.

A field or a code missing here would show as DFDG's own name ("Applied on", "advertised") on
the Danish page too; `unworded` names them, and a test walks every record type with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_babel import lazy_gettext as _l

from jobnet.domain.cv import LanguageLevel, WorkTime
from jobnet.domain.fund_events import FundEventType, OfferStatus
from jobnet.domain.joblog import JoblogKind, JoblogStatus
from jobnet.domain.plans import MeasureType
from jobnet.web.citizen.cv.forms import LEVEL_LABELS, WORK_TIME_LABELS
from jobnet.web.citizen.cv.texts import APPROVAL_LABELS
from jobnet.web.citizen.joblog.forms import KIND_LABELS, STATUS_LABELS
from jobnet.web.citizen.plan.labels import MEASURE_TYPES
from jobnet.web.journeys.fund_event_labels import EVENT_TYPES, OFFER_STATUSES
from jobnet.web.journeys.labels import (
    ABSENCE_REASONS,
    DEREGISTRATION_REASONS,
    REGISTRATION_CATEGORIES,
    UNEMPLOYMENT_DEGREES,
)

Words = Mapping[Any, Any]

CV_PARTS: Words = {
    "contact": _l("Contact details"),
    "job_wishes": _l("Job wishes"),
    "driving_licences": _l("Driving licences"),
    "profile": _l("Profile"),
    "visibility": _l("Visibility to employers"),
    "approval": _l("Assessment of the CV"),
    "experience": _l("Work experience"),
    "education": _l("Education"),
    "courses": _l("Courses and certificates"),
    "skills": _l("Skills"),
    "languages": _l("Languages"),
}

ABSENCE_STATUSES: Words = {"active": _l("Active"), "cancelled": _l("Cancelled")}

# Who-and-when fields: shown in the version's own columns, not among the record's values.
META_FIELDS = frozenset(
    {
        "id",
        "person_id",
        "created_at",
        "created_by",
        "registered_at",
        "deregistered_at",
        "deregistered_by",
        "ended_at",
        "ended_by",
        "cancelled_at",
        "source_reference",
        "end_reference",
        "deregistration_reference",
        "by",
    }
)

# Every field of every record type with a history, as DFDG names it in a version's values.
RECORD_FIELDS: dict[str, Words] = {
    "registrations": {
        "category": _l("Type"),
        "start_date": _l("From"),
        "degree": _l("Working time sought"),
        "weekly_hours": _l("Hours a week"),
        "job_titles": _l("Job titles"),
        "end_date": _l("Deregistered from"),
        "deregistration_reason": _l("Reason for deregistration"),
        "deregistration_other_text": _l("The reason in your words"),
    },
    "absences": {
        "reason": _l("Reason"),
        "first_day": _l("First day"),
        "last_day": _l("Last day"),
        "fit_day": _l("Fit again from"),
        "status": _l("Status"),
        "end_cause": _l("Ended by"),
        "reported_last_day": _l("Last day as reported"),
    },
    "insight_requests": {
        "reference": _l("Reference number"),
        "received_on": _l("Received"),
        "deadline": _l("Answer by"),
        "note": _l("Your note"),
    },
    "joblog": {
        "applied_on": _l("Date of application"),
        "employer": _l("Employer"),
        "job_title": _l("Job title"),
        "kind": _l("Kind of application"),
        "status": _l("How far it has come"),
        "link": _l("Link to the job ad"),
        "note": _l("Note"),
        "copies": _l("Copies of the application"),
    },
    "cv_section": {
        "email": _l("E-mail"),
        "phone": _l("Phone number"),
        "titles": _l("Jobs"),
        "area": _l("Area"),
        "work_time": _l("Full time or part time"),
        "licences": _l("Driving licences"),
        "text": _l("Profile text"),
        "searchable": _l("Employers can find your CV"),
        "status": _l("Assessment"),
        "date": _l("Date of the assessment"),
        "note": _l("Note with the assessment"),
    },
    "cv_entry": {
        "section": _l("Part of the CV"),
        "employer": _l("Employer"),
        "title": _l("Job title"),
        "start_date": _l("From"),
        "end_date": _l("To"),
        "ongoing": _l("I still work there"),
        "description": _l("Description"),
        "institution": _l("School or institution"),
        "programme": _l("Education or programme"),
        "completed": _l("Completed"),
        "name": _l("Name"),
        "provider": _l("Provider"),
        "completed_on": _l("Completed on"),
        "language": _l("Language"),
        "level": _l("Level"),
    },
    "messages": {
        "subject": _l("Subject"),
        "text": _l("Message"),
        "attachments": _l("Attachments"),
    },
    "fund_events": {
        "type": _l("Event"),
        "event_date": _l("Date of the event"),
        "cause": _l("Cause"),
        "comment": _l("Comment for the fund"),
        "fund": _l("Sent to"),
        "offer_company_cvr": _l("Offer: the company's CVR number"),
        "offer_company_name": _l("Offer: the company"),
        "offer_status": _l("Offer: status"),
        "offer_granted_on": _l("Offer: granted"),
        "offer_start_date": _l("Offer: start date"),
        "offer_end_date": _l("Offer: end date"),
        "offer_weekly_hours": _l("Offer: average hours a week"),
        "delivered_via": _l("Received through"),
    },
    "plan": {
        "revision_date": _l("Date of the version"),
        "targets": _l("Employment targets"),
        "applications_per_week": _l("Applications a week"),
        "copies_per_week": _l("Copies of applications a week"),
        "copies_per_month": _l("Copies of applications a calendar month"),
        "measure_count": _l("Number of activities and measures"),
        "measure_types": _l("Activities and measures"),
        "agreed_with": _l("Agreed with"),
    },
}

# Fields holding a code, with the words for each code.
RECORD_CODES: dict[str, dict[str, Words]] = {
    "registrations": {
        "category": REGISTRATION_CATEGORIES,
        "degree": UNEMPLOYMENT_DEGREES,
        "deregistration_reason": DEREGISTRATION_REASONS,
    },
    "absences": {
        "reason": ABSENCE_REASONS,
        "status": ABSENCE_STATUSES,
        "end_cause": {"deregistration": _l("Your deregistration as a jobseeker")},
    },
    "insight_requests": {},
    "messages": {},
    "joblog": {"kind": KIND_LABELS, "status": STATUS_LABELS},
    "cv_section": {"work_time": WORK_TIME_LABELS, "status": APPROVAL_LABELS},
    "cv_entry": {"section": CV_PARTS, "level": LEVEL_LABELS},
    "fund_events": {
        "type": EVENT_TYPES,
        "offer_status": OFFER_STATUSES,
        "delivered_via": {
            "feed": _l("The fund's system fetched it"),
            "webhook": _l("Sent to the fund's system"),
        },
    },
    "plan": {"measure_types": {kind.value: label for kind, label in MEASURE_TYPES.items()}},
}

# The domain's own lists of codes: each must have its words above.
DOMAIN_CODES: dict[tuple[str, str], list[str]] = {
    ("joblog", "kind"): [kind.value for kind in JoblogKind],
    ("joblog", "status"): [status.value for status in JoblogStatus],
    ("cv_section", "work_time"): [value.value for value in WorkTime],
    ("cv_entry", "level"): [level.value for level in LanguageLevel],
    ("plan", "measure_types"): [kind.value for kind in MeasureType],
    ("fund_events", "type"): [kind.value for kind in FundEventType],
    ("fund_events", "offer_status"): [status.value for status in OfferStatus],
}


def field_words(record_type: str, name: str) -> Any:
    return RECORD_FIELDS.get(record_type, {}).get(name)


def code_words(record_type: str, name: str) -> Words | None:
    return RECORD_CODES.get(record_type, {}).get(name)


def unworded(record_type: str, values: Mapping[str, Any]) -> list[str]:
    """The fields of `values` shown without words: no label, or a code without its words."""
    missing = []
    for name, value in values.items():
        if name in META_FIELDS:
            continue
        if field_words(record_type, name) is None:
            missing.append(name)
            continue
        codes = code_words(record_type, name)
        if codes is None or value is None:
            continue
        for code in value if isinstance(value, list) else [value]:
            if str(code) not in codes:
                missing.append(f"{name}={code}")
    return missing
