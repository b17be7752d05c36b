"""How CV values read to a person: section rows on the overview, entries as a heading and
details, and the values kept on a receipt (formatted when the receipt is shown)."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from jobnet.clients.dfdg_client.cv import Cv, CvEntry
from jobnet.domain.cv import format_phone
from jobnet.web.citizen.cv.forms import LEVEL_LABELS, WORK_TIME_LABELS
from jobnet.web.platform.i18n import format_local_date

# The assessment alone; `approval_label` names who made it (a job centre, or a member's fund).
APPROVAL_LABELS = {
    "not_assessed": _l("Not assessed yet"),
    "approved": _l("Approved"),
    "not_approved": _l("Not approved"),
}


def approval_label(status: str, organisation: str | None) -> str:
    """The CV's assessment with the organisation that made it: "Approved by Jobcenter
    København", "Approved by Demo A-kasse for Lønmodtagere" (a fund approves its members' CVs
    too, so never "by the job centre" when it was not)."""
    if organisation and status == "approved":
        return _("Approved by %(organisation)s", organisation=organisation)
    if organisation and status == "not_approved":
        return _("Not approved by %(organisation)s", organisation=organisation)
    return str(APPROVAL_LABELS.get(status, status))


def summary_values(values: dict[str, Any]) -> dict[str, Any]:
    """JSON-ready values for a receipt summary (dates as ISO strings)."""
    return {
        name: value.isoformat() if isinstance(value, date) else value
        for name, value in values.items()
    }


def _date_text(value: Any) -> str:
    if isinstance(value, str) and value:
        value = date.fromisoformat(value)
    return format_local_date(value) if isinstance(value, date) else ""


def value_text(name: str, value: Any) -> str:
    """One saved value as the person reads it."""
    if value is None or value == "" or value == []:
        return ""
    if name in ("start_date", "end_date", "completed_on"):
        return _date_text(value)
    if name == "phone":
        return format_phone(str(value))
    if name == "work_time":
        return str(WORK_TIME_LABELS.get(value, value))
    if name == "level":
        return str(LEVEL_LABELS.get(value, value))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if name == "completed" or name == "searchable":
        return _("Yes") if value in (True, "yes") else _("No")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def section_rows(section: str, cv: Cv) -> list[tuple[str, str]]:
    """A single section's rows on the overview: (label, value), "Not filled in" when empty."""
    empty = _("Not filled in")
    if section == "contact":
        return [
            (_("E-mail"), cv.email or empty),
            (_("Phone number"), format_phone(cv.phone) or empty),
        ]
    if section == "job_wishes":
        return [
            (_("Jobs"), ", ".join(cv.job_titles) or empty),
            (_("Area"), cv.job_area or empty),
            (_("Full time or part time"), value_text("work_time", cv.work_time) or empty),
        ]
    if section == "driving_licences":
        return [(_("Categories"), ", ".join(cv.driving_licences) or _("None"))]
    if section == "profile":
        return [(_("Profile text"), cv.profile or empty)]
    return [
        (
            _("Employers can find your CV"),
            _("Yes") if cv.searchable else _("No"),
        )
    ]


def _period(entry: CvEntry, *, ongoing_text: str) -> str:
    start, end = entry["start_date"], entry["end_date"]
    if end is None:
        return _("%(start)s – %(end)s", start=format_local_date(start), end=ongoing_text)
    return _("%(start)s – %(end)s", start=format_local_date(start), end=format_local_date(end))


def describe_entry(entry: CvEntry) -> tuple[str, list[str]]:
    """An entry's heading and its lines of detail."""
    if entry.section == "experience":
        details = [_period(entry, ongoing_text=_("now"))]
        if entry["description"]:
            details.append(entry["description"])
        return _(
            "%(title)s, %(employer)s", title=entry["title"], employer=entry["employer"]
        ), details
    if entry.section == "education":
        status = _("Completed") if entry["completed"] else _("Not completed")
        heading = _(
            "%(programme)s, %(institution)s",
            programme=entry["programme"],
            institution=entry["institution"],
        )
        return heading, [_period(entry, ongoing_text=_("not completed")), status]
    if entry.section == "courses":
        details = [text for text in (entry["provider"], _date_text(entry["completed_on"])) if text]
        return entry["name"], details
    if entry.section == "languages":
        return entry["language"], [value_text("level", entry["level"])]
    return entry["name"], []
