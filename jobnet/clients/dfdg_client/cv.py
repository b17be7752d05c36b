"""The CV: its sections and entries, its approval, and the commands that change it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from jobnet.clients.dfdg_client.calls import Calls
from jobnet.clients.dfdg_client.commands import Command
from jobnet.clients.dfdg_client.values import (
    Actor,
    json_ready,
    optional_date,
    optional_datetime,
    person_path,
)

CV_APPROVAL = "cv_approval"


CV_SECTION = "cv_section"


CV_ENTRY_ADD = "cv_entry_add"


CV_ENTRY_EDIT = "cv_entry_edit"


CV_ENTRY_REMOVE = "cv_entry_remove"


CV_KINDS = frozenset({CV_SECTION, CV_ENTRY_ADD, CV_ENTRY_EDIT, CV_ENTRY_REMOVE})


# The API path of each CV section (single sections are PUT whole, list entries one by one).
SECTION_PATHS = {
    "contact": "contact",
    "job_wishes": "job-wishes",
    "driving_licences": "driving-licences",
    "profile": "profile",
    "visibility": "visibility",
    "experience": "experience",
    "education": "education",
    "courses": "courses",
    "skills": "skills",
    "languages": "languages",
}


@dataclass(frozen=True)
class ChangedBy:
    type: str  # "citizen", "caseworker" or "system"
    name: str | None
    organisation_name: str | None


@dataclass(frozen=True)
class CvEntry:
    """One list entry: its id, its section and its fields (dates as `date`)."""

    id: str
    section: str
    fields: Mapping[str, Any]

    def __getitem__(self, name: str) -> Any:
        return self.fields.get(name)


@dataclass(frozen=True)
class CvHolder:
    """Whose CV it is: name and (unless protected from this reader) address."""

    given_name: str
    family_name: str
    street: str | None
    postcode: str | None
    city: str | None
    address_protected: bool

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"


@dataclass(frozen=True)
class Cv:
    person_id: str
    today: date  # DFDG's today
    exists: bool
    version: int
    email: str | None
    phone: str | None
    job_titles: tuple[str, ...]
    job_area: str | None
    work_time: str | None
    driving_licences: tuple[str, ...]
    profile: str | None
    searchable: bool
    approval_status: str
    approval_date: date | None
    approval_note: str | None
    approved_by: ChangedBy | None
    experience: tuple[CvEntry, ...]
    education: tuple[CvEntry, ...]
    courses: tuple[CvEntry, ...]
    skills: tuple[CvEntry, ...]
    languages: tuple[CvEntry, ...]
    updated_at: datetime | None
    updated_by: ChangedBy | None
    holder: CvHolder | None = None

    def entries(self, section: str) -> tuple[CvEntry, ...]:
        entries: tuple[CvEntry, ...] = getattr(self, section)
        return entries

    def entry(self, section: str, entry_id: str) -> CvEntry | None:
        return next((e for e in self.entries(section) if e.id == entry_id), None)


_DATE_FIELDS = {"start_date", "end_date", "completed_on"}


def _changed_by(data: Mapping[str, Any] | None) -> ChangedBy | None:
    if not data:
        return None
    return ChangedBy(
        type=data["type"], name=data.get("name"), organisation_name=data.get("organisation_name")
    )


def _entry(section: str, data: Mapping[str, Any]) -> CvEntry:
    fields = {
        name: date.fromisoformat(value) if name in _DATE_FIELDS and value else value
        for name, value in data.items()
        if name != "id"
    }
    return CvEntry(id=data["id"], section=section, fields=fields)


def parse_cv(data: Mapping[str, Any]) -> Cv:
    wishes = data["job_wishes"]
    approval = data["approval"]
    sections = {
        section: tuple(_entry(section, item) for item in data.get(section) or ())
        for section in ("experience", "education", "courses", "skills", "languages")
    }
    return Cv(
        person_id=data["person_id"],
        today=date.fromisoformat(data["today"]),
        exists=bool(data["exists"]),
        version=int(data["version"]),
        email=data["contact"].get("email"),
        phone=data["contact"].get("phone"),
        job_titles=tuple(wishes.get("titles") or ()),
        job_area=wishes.get("area"),
        work_time=wishes.get("work_time"),
        driving_licences=tuple(data.get("driving_licences") or ()),
        profile=data.get("profile"),
        searchable=bool(data["searchable"]),
        approval_status=approval["status"],
        approval_date=optional_date(approval.get("date")),
        approval_note=approval.get("note"),
        approved_by=_changed_by(approval.get("by")),
        updated_at=optional_datetime(data.get("updated_at")),
        updated_by=_changed_by(data.get("updated_by")),
        holder=CvHolder(**data["holder"]) if data.get("holder") else None,
        **sections,
    )


def cv_section_command(
    person_id: str, section: str, body: Mapping[str, Any], reference: str | None
) -> Command:
    """Replace a single section (contact, job_wishes, driving_licences, profile, visibility)."""
    path = person_path(person_id, "cv", SECTION_PATHS[section])
    return Command(CV_SECTION, "PUT", path, json_ready(body, reference))


def cv_entry_add_command(
    person_id: str, section: str, body: Mapping[str, Any], reference: str | None
) -> Command:
    path = person_path(person_id, "cv", SECTION_PATHS[section])
    return Command(CV_ENTRY_ADD, "POST", path, json_ready(body, reference))


def cv_entry_edit_command(
    person_id: str, section: str, entry_id: str, body: Mapping[str, Any], reference: str | None
) -> Command:
    path = person_path(person_id, "cv", SECTION_PATHS[section], entry_id)
    return Command(CV_ENTRY_EDIT, "PUT", path, json_ready(body, reference))


def cv_entry_remove_command(
    person_id: str, section: str, entry_id: str, reference: str | None
) -> Command:
    path = person_path(person_id, "cv", SECTION_PATHS[section], entry_id)
    return Command(CV_ENTRY_REMOVE, "DELETE", path, json_ready({}, reference))


def cv_approval_command(
    person_id: str,
    status: str,
    when: date | None,
    reference: str | None,
    note: str | None = None,
) -> Command:
    """The job centre's approval status, date and note (DFDG accepts it from caseworkers only)."""
    path = person_path(person_id, "cv", "approval")
    body = {"status": status, "date": when, "note": note}
    return Command(CV_APPROVAL, "PUT", path, json_ready(body, reference))


class CvCalls(Calls):
    """The person's CV."""

    def cv(self, person_id: str, actor: Actor) -> Cv:
        """The person's CV; an empty one (`exists` False) when they have none yet."""
        return parse_cv(self.cv_answer(person_id, actor))

    def cv_answer(self, person_id: str, actor: Actor) -> dict[str, Any]:
        """`cv` as DFDG's JSON, for keeping; `parse_cv` reads it."""
        path = f"/persons/{quote(person_id, safe='')}/cv"
        return dict(self._request("GET", path, actor=actor))
