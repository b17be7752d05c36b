"""How insight data reads on the pages and in the CSV file: words for categories, actions,
actors and fields, in the reader's language."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from jobnet.clients.dfdg import AuditEntry, RecordedBy
from jobnet.i18n import format_local_date
from jobnet.labels import (
    ABSENCE_REASONS,
    ACTOR_TYPES,
    DEREGISTRATION_REASONS,
    REGISTRATION_CATEGORIES,
    UNEMPLOYMENT_DEGREES,
    code_label,
)

CATEGORY_TITLES = {
    "master_data": _l("Personal details"),
    "contact_groups": _l("Contact groups and match groups"),
    "registrations": _l("Registrations as a jobseeker"),
    "absences": _l("Absences"),
    "cv": _l("CV"),
    "joblog": _l("Joblog"),
    "plans": _l("My Plan"),
    "summons": _l("Summons to interviews"),
    "interviews": _l("Interviews"),
    "audit_log": _l("Who has seen or changed your data"),
    "insight_requests": _l("Requests for access"),
}

ACTIONS = {
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
    "status": _l("Status"),
    "received_on": _l("Received"),
    "deadline": _l("Answer by"),
    "note": _l("Your note"),
    "reference": _l("Reference number"),
}

# Codes of these fields are shown in words.
_CODES: dict[str, Mapping[str, Any]] = {
    "category": REGISTRATION_CATEGORIES,
    "degree": UNEMPLOYMENT_DEGREES,
    "deregistration_reason": DEREGISTRATION_REASONS,
    "reason": ABSENCE_REASONS,
    "status": {"active": _l("Active"), "cancelled": _l("Cancelled")},
}

# Who-and-when fields: shown in the version's own columns, not among the record's values.
_META_FIELDS = {
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
}


def category_title(name: str) -> str:
    title = CATEGORY_TITLES.get(name)
    return str(title) if title else name.replace("_", " ").capitalize()


def action_label(action: str) -> str:
    label = ACTIONS.get(action)
    return str(label) if label else _("Other use of your data (%(action)s)", action=action)


def outcome_label(outcome: str) -> str:
    label = OUTCOMES.get(outcome)
    return str(label) if label else ""


def change_label(change: str) -> str:
    return str(CHANGES.get(change, change))


def field_label(name: str) -> str:
    label = FIELDS.get(name)
    return str(label) if label else name.replace("_", " ").capitalize()


def entry_actor(entry: AuditEntry) -> str:
    """Who: "You", the caseworker's name and job centre, or the system."""
    if entry.actor_type == "citizen":
        return str(ACTOR_TYPES["citizen"])
    if entry.actor_type == "caseworker":
        parts = [entry.actor_name or entry.actor_id, entry.organisation_name or entry.organisation]
        return ", ".join(part for part in parts if part)
    return _("A system: %(name)s", name=entry.actor_name or entry.actor_id or entry.system)


def recorded_by(actor: RecordedBy | None) -> str:
    if actor is None:
        return ""
    if actor.type == "citizen":
        return str(ACTOR_TYPES["citizen"])
    if actor.type == "caseworker":
        parts = [actor.name, actor.organisation_name or actor.organisation]
        return ", ".join(part for part in parts if part)
    return str(ACTOR_TYPES["system"])


def value_text(name: str, value: Any) -> str:
    """A record's field value in words: codes named, dates formatted, lists joined."""
    if value is None or value == "" or value == []:
        return "–"
    if name in _CODES:
        return code_label(dict(_CODES[name]), str(value))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list):
        return ", ".join(value_text(name, item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{field_label(k)}: {value_text(k, v)}" for k, v in value.items())
    if isinstance(value, str) and _looks_like_date(value):
        return format_local_date(date.fromisoformat(value))
    return str(value)


def record_rows(values: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(label, value) of a record's own fields, without the who-and-when fields."""
    return [
        (field_label(name), value_text(name, value))
        for name, value in values.items()
        if name not in _META_FIELDS
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
    "insight_code": code_label,
    "absence_reasons": ABSENCE_REASONS,
    "registration_categories": REGISTRATION_CATEGORIES,
    "unemployment_degrees": UNEMPLOYMENT_DEGREES,
    "deregistration_reasons": DEREGISTRATION_REASONS,
}
