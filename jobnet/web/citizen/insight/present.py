"""How insight data reads on the pages and in the CSV file: words for categories, actions,
actors and fields, in the reader's language."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from jobnet.clients.dfdg_client.persons import AuditEntry
from jobnet.clients.dfdg_client.values import RecordedBy
from jobnet.domain.cv import format_phone
from jobnet.web.citizen.cv.texts import approval_label
from jobnet.web.citizen.insight.history_words import CV_PARTS, META_FIELDS, code_words, field_words
from jobnet.web.journeys.fund_event_labels import event_type_label
from jobnet.web.journeys.labels import (
    ABSENCE_REASONS,
    ACTOR_TYPES,
    DEREGISTRATION_REASONS,
    REGISTRATION_CATEGORIES,
    UNEMPLOYMENT_DEGREES,
    code_label,
)
from jobnet.web.journeys.viewer import citizen_actor, viewer_is_caseworker
from jobnet.web.platform.i18n import format_local_date

CATEGORY_TITLES = {
    "master_data": _l("Personal details"),
    "contact_groups": _l("Contact groups and match groups"),
    "registrations": _l("Registrations as a jobseeker"),
    "absences": _l("Absences"),
    "cv": _l("CV"),
    "joblog": _l("Joblog"),
    "plans": _l("My Plan"),
    "summons": _l("Summons to interviews"),
    "messages": _l("Messages with the job centre"),
    "interviews": _l("Interviews"),
    "audit_log": _l("Who has seen or changed your data"),
    "insight_requests": _l("Requests for access"),
    "cv_removed_entries": _l("Entries removed from your CV"),
    "fund_events": _l("Events sent to your unemployment insurance fund"),
}

# Record types of the history that belong to a category of My data: (title, category).
HISTORY_RECORDS = {
    "cv_section": (_l("CV"), "cv"),
    "cv_entry": (_l("CV"), "cv"),
    "plan": (_l("My Plan"), "plans"),
}

ACTIONS = {
    "fund_event.create": _l("Reported an event to your unemployment insurance fund"),
    "fund_event.no_show": _l(
        "Marked that you did not attend an interview (sent to your fund if you are a member)"
    ),
    "fund_event.booking_missed": _l(
        "Recorded that you did not book an interview by the deadline (sent to your fund)"
    ),
    "fund_events.read": _l("Read the events sent to your unemployment insurance fund"),
    "fund_events.feed": _l("Your unemployment insurance fund's system read events about you"),
    "fund_event.delivered": _l("Your unemployment insurance fund received an event about you"),
    "fund_event.sent": _l("An event about you was sent to your unemployment insurance fund"),
    "person.lookup": _l("Looked up your person record"),
    "person.create": _l("Created your person record"),
    "person.read": _l("Read your personal details"),
    "person.export": _l("Copied all your data"),
    "contact_groups.read": _l("Read your contact groups"),
    "status.read": _l("Read your status"),
    "registrations.read": _l("Read your registrations"),
    "registration.create": _l("Registered you as a jobseeker"),
    "registration.deregister": _l("Deregistered you as a jobseeker"),
    "absences.read": _l("Read your absences"),
    "absence.create": _l("Registered an absence"),
    "absence.recover": _l("Registered a recovery"),
    "absence.cancel": _l("Cancelled a holiday"),
    "audit_log.read": _l("Read the log of who has seen your data"),
    "record_history.read": _l("Read the history of a record"),
    "insight_request.create": _l("Registered a request for access"),
    "insight_requests.read": _l("Read your requests for access"),
    "person.access": _l("Tried to reach your data"),
    "front_page.read": _l("Read your status and coming interviews"),
    "duties.read": _l("Read your duties and deadlines"),
    "summons.cannot_come": _l("Registered that you cannot come to an interview"),
    "cv.read": _l("Read your CV"),
    "cv.update": _l("Changed your CV"),
    "cv.approve": _l("Assessed your CV"),
    "joblog.read": _l("Read your joblog"),
    "joblog.create": _l("Added an entry to your joblog"),
    "joblog.update": _l("Changed an entry in your joblog"),
    "joblog.delete": _l("Deleted an entry from your joblog"),
    "joblog.copy.add": _l("Attached a copy of an application to your joblog"),
    "joblog.copy.remove": _l("Removed a copy of an application from your joblog"),
    "joblog.copy.read": _l("Opened a copy of an application in your joblog"),
    "plan.read": _l("Read your plan"),
    "letters.list": _l("Read the list of your letters"),
    "plan.create": _l("Made your plan"),
    "plan.revise": _l("Revised your plan"),
    "messages.list": _l("Read the list of your messages"),
    "messages.read": _l("Read your messages with the job centre"),
    "messages.start": _l("Wrote a new message"),
    "messages.send": _l("Wrote a message"),
    "messages.take": _l("Took your message to answer it"),
    "messages.inbox": _l("Saw your message in the job centre's inbox"),
    "messages.attachment": _l("Opened an attachment to a message"),
    "summons.read": _l("Read your summons"),
    "summons.list": _l("Read your summons"),
    "summons.day_list": _l("Saw your interview on the job centre's list of the day"),
    "summons.create": _l("Summoned you to an interview"),
    "summons.move": _l("Moved your interview"),
    "summons.cancel": _l("Cancelled your interview"),
    "interviews.read": _l("Read your interviews"),
    "interview.create": _l("Registered a held interview"),
    "booking.open": _l("Asked you to book an interview"),
    "booking.list": _l("Read the interviews you are asked to book"),
    "booking.book": _l("Booked or moved your interview"),
    "booking.overview": _l("Saw you on the job centre's list of who has booked an interview"),
    "booking.withdraw": _l("Withdrew its request that you book an interview"),
}

OUTCOMES = {
    "not_found": _l("Not found"),
    "denied": _l("Refused"),
    "rejected": _l("Not registered"),
}

CHANGES = {
    "created": _l("Registered"),
    "deregistered": _l("Deregistered"),
    "recovered": _l("Ended by a recovery"),
    "cancelled": _l("Cancelled"),
    "ended": _l("Ended"),
    "updated": _l("Changed"),
    "deleted": _l("Deleted"),
    "removed": _l("Removed"),
    "assessed": _l("Assessed"),
    "revised": _l("Revised"),
    "ended_by_deregistration": _l("Ended by your deregistration as a jobseeker"),
    "delivered": _l("Received by the fund"),
}

FIELDS = {
    "category": _l("Type"),
    "start_date": _l("From"),
    "degree": _l("Working time sought"),
    "weekly_hours": _l("Hours a week"),
    "job_titles": _l("Job titles"),
    "end_date": _l("Deregistered from"),
    "deregistration_reason": _l("Reason for deregistration"),
    "deregistration_other_text": _l("The reason in your words"),
    "reason": _l("Reason"),
    "first_day": _l("First day"),
    "last_day": _l("Last day"),
    "fit_day": _l("Fit again from"),
    "end_cause": _l("Ended because"),
    "reported_last_day": _l("Last day as reported"),
    "status": _l("Status"),
    "received_on": _l("Received"),
    "deadline": _l("Answer by"),
    "note": _l("Your note"),
    "reference": _l("Reference number"),
}

# Codes of these fields are shown in words.
_CODES: dict[str, Mapping[Any, Any]] = {
    "category": REGISTRATION_CATEGORIES,
    "degree": UNEMPLOYMENT_DEGREES,
    "deregistration_reason": DEREGISTRATION_REASONS,
    "reason": ABSENCE_REASONS,
    "status": {"active": _l("Active"), "cancelled": _l("Cancelled")},
    "end_cause": {"deregistration": _l("You were deregistered as a jobseeker")},
}


# The titles that speak to the citizen, as a caseworker reads them.
CASEWORKER_TITLES = {
    "joblog": _l("Joblog"),
    "plans": _l("The citizen's plan"),
    "audit_log": _l("Who has seen or changed the citizen's data"),
    "cv_removed_entries": _l("Entries removed from the citizen's CV"),
    "fund_events": _l("Events sent to the citizen's unemployment insurance fund"),
}


def category_title(name: str) -> str:
    title = (CASEWORKER_TITLES.get(name) if viewer_is_caseworker() else None) or (
        CATEGORY_TITLES.get(name)
    )
    return str(title) if title else name.replace("_", " ").capitalize()


def action_label(action: str) -> str:
    label = ACTIONS.get(action)
    return str(label) if label else _("Other use of your data (%(action)s)", action=action)


def outcome_label(outcome: str) -> str:
    label = OUTCOMES.get(outcome)
    return str(label) if label else ""


def change_label(change: str) -> str:
    return str(CHANGES.get(change, change))


def field_label(name: str, record_type: str = "") -> str:
    label = field_words(record_type, name) or FIELDS.get(name)
    return str(label) if label else name.replace("_", " ").capitalize()


def history_title(record_type: str, record_id: str, versions: Any = ()) -> str:
    """What the history is of: "CV: Contact details", "CV: Work experience", "My Plan", …"""
    title, _category = HISTORY_RECORDS.get(record_type, (None, None))
    if title is None:
        return category_title(record_type)
    part = record_id if record_type == "cv_section" else None
    if record_type == "cv_entry" and versions:
        part = versions[0].values.get("section")
    if part in CV_PARTS:
        return _("%(title)s: %(part)s", title=title, part=CV_PARTS[part])
    return str(title)


def history_category(record_type: str) -> str:
    """The category of My data the record is shown in (the history page's way back)."""
    return HISTORY_RECORDS.get(record_type, (None, record_type))[1] or record_type


def cv_part(name: str) -> str:
    return str(CV_PARTS.get(name, name))


def as_date(value: str | None) -> date | None:
    """An ISO date of DFDG's JSON as a date, for the `date` filter."""
    return date.fromisoformat(value[:10]) if value else None


def as_datetime(value: str | None) -> datetime | None:
    """An ISO time of DFDG's JSON as a datetime, for the `datetime` filter."""
    return datetime.fromisoformat(value) if value else None


def cv_sections(cv: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(section, its content in one line) of the CV's single sections, in DFDG's JSON."""
    contact = cv.get("contact") or {}
    wishes = cv.get("job_wishes") or {}
    approval = cv.get("approval") or {}
    wish_parts = [
        ", ".join(wishes.get("titles") or []),
        wishes.get("area") or "",
        value_text("work_time", wishes.get("work_time"), "cv_section")
        if wishes.get("work_time")
        else "",
    ]
    assessor = (approval.get("by") or {}).get("organisation_name")
    assessed = approval_label(approval.get("status") or "not_assessed", assessor)
    if approval.get("date"):
        assessed = _(
            "%(status)s on %(date)s", status=assessed, date=value_text("date", approval["date"])
        )
    rows = [
        (
            "contact",
            "; ".join(
                part for part in (contact.get("email"), format_phone(contact.get("phone"))) if part
            ),
        ),
        ("job_wishes", "; ".join(part for part in wish_parts if part)),
        ("driving_licences", ", ".join(cv.get("driving_licences") or []) or _("None")),
        ("profile", cv.get("profile") or ""),
        (
            "visibility",
            _("Employers can find your CV")
            if cv.get("searchable")
            else _("Employers cannot find your CV"),
        ),
        ("approval", assessed),
    ]
    return [(name, text or "–") for name, text in rows]


def cv_entries(cv: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """(section, entry id, the entry in one line) of the CV's list entries."""
    return [
        (section, entry["id"], cv_entry_heading(section, entry))
        for section in ("experience", "education", "courses", "skills", "languages")
        for entry in cv.get(section) or []
    ]


def cv_entry_heading(section: str, data: Mapping[str, Any]) -> str:
    """An entry in one line: "Job title, employer", "Programme, institution", or its name."""
    if section == "experience":
        return _("%(title)s, %(employer)s", title=data.get("title"), employer=data.get("employer"))
    if section == "education":
        return _(
            "%(programme)s, %(institution)s",
            programme=data.get("programme"),
            institution=data.get("institution"),
        )
    return str(data.get("language") or data.get("name") or "")


def entry_actor(entry: AuditEntry) -> str:
    """Who: "You", the caseworker's name and job centre, or the system."""
    if entry.actor_type == "citizen":
        return citizen_actor(entry.actor_name)
    if entry.actor_type == "caseworker":
        parts = [entry.actor_name or entry.actor_id, entry.organisation_name or entry.organisation]
        return ", ".join(part for part in parts if part)
    return _("A system: %(name)s", name=entry.actor_name or entry.actor_id or entry.system)


def recorded_by(actor: RecordedBy | Mapping[str, Any] | None) -> str:
    if actor is None:
        return ""
    if isinstance(actor, Mapping):
        actor = RecordedBy(
            type=actor.get("type") or "",
            name=actor.get("name"),
            organisation=actor.get("organisation"),
            organisation_name=actor.get("organisation_name"),
        )
    if actor.type == "citizen":
        return citizen_actor(actor.name)
    if actor.type == "caseworker":
        parts = [actor.name, actor.organisation_name or actor.organisation]
        return ", ".join(part for part in parts if part)
    return str(ACTOR_TYPES["system"])


def value_text(name: str, value: Any, record_type: str = "") -> str:
    """A record's field value in words: codes named, dates formatted, lists joined."""
    if value is None or value == "" or value == []:
        return "–"
    codes = code_words(record_type, name) or _CODES.get(name)
    if codes is not None and not isinstance(value, list):
        return code_label(dict(codes), str(value))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list):
        return ", ".join(value_text(name, item, record_type) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{field_label(k)}: {value_text(k, v)}" for k, v in value.items())
    if name == "phone" and record_type == "cv_section":
        return format_phone(str(value))
    if isinstance(value, str) and _looks_like_date(value):
        return format_local_date(date.fromisoformat(value))
    return str(value)


def record_rows(values: Mapping[str, Any], record_type: str = "") -> list[tuple[str, str]]:
    """(label, value) of a record's own fields, without the who-and-when fields."""
    return [
        (field_label(name, record_type), value_text(name, value, record_type))
        for name, value in values.items()
        if name not in META_FIELDS
    ]


def _looks_like_date(value: str) -> bool:
    if len(value) != 10 or value[4] != "-" or value[7] != "-":
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


# Categories without their own template whose records have a history in DFDG.
HISTORY_TYPES = ("joblog",)

TEMPLATE_HELPERS = {
    "insight_history_types": HISTORY_TYPES,
    "insight_category_title": category_title,
    "insight_action": action_label,
    "insight_outcome": outcome_label,
    "insight_change": change_label,
    "insight_entry_actor": entry_actor,
    "insight_recorded_by": recorded_by,
    "insight_record_rows": record_rows,
    "insight_history_title": history_title,
    "insight_history_category": history_category,
    "insight_cv_part": cv_part,
    "insight_cv_sections": cv_sections,
    "insight_cv_entries": cv_entries,
    "insight_as_date": as_date,
    "insight_as_datetime": as_datetime,
    "insight_cv_entry_heading": cv_entry_heading,
    "insight_value": value_text,
    "insight_code": code_label,
    "absence_reasons": ABSENCE_REASONS,
    "registration_categories": REGISTRATION_CATEGORIES,
    "unemployment_degrees": UNEMPLOYMENT_DEGREES,
    "deregistration_reasons": DEREGISTRATION_REASONS,
    "fund_event_type": event_type_label,
}
