"""The CV: its sections and entries, its approval, and the commands that change it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from pydantic import AliasPath, ConfigDict, Field, model_validator

from jobnet.clients.dfdg_client.calls import Calls
from jobnet.clients.dfdg_client.commands import Command
from jobnet.clients.dfdg_client.values import (
    Actor,
    Renamed,
    Value,
    json_object,
    json_ready,
    parse,
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


class ChangedBy(Value):
    type: str  # "citizen", "caseworker" or "system"
    name: str | None = None
    organisation_name: str | None = None


class CvEntry(Value):
    """One list entry: its id, its section and its fields (dates as `date`), each field DFDG
    sends kept (`fields`) whatever its section."""

    model_config = ConfigDict(frozen=True, extra="allow")

    id: str
    section: str
    start_date: date | None = None
    end_date: date | None = None
    completed_on: date | None = None

    @property
    def fields(self) -> dict[str, Any]:
        """The entry's fields as DFDG sent them (dates as `date`), without its id and section."""
        return self.model_dump(exclude={"id", "section"}, exclude_unset=True)

    def __getitem__(self, name: str) -> Any:
        return getattr(self, name, None)


class CvHolder(Value):
    """Whose CV it is: name and (unless protected from this reader) address."""

    given_name: str
    family_name: str
    street: str | None = None
    postcode: str | None = None
    city: str | None = None
    address_protected: bool

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"


_LIST_SECTIONS = ("experience", "education", "courses", "skills", "languages")


class Cv(Renamed):
    """DFDG's CV answer, its contact, job wishes and approval read into fields of their own."""

    person_id: str
    today: date  # DFDG's today
    exists: bool
    version: int
    email: str | None = Field(default=None, validation_alias=AliasPath("contact", "email"))
    phone: str | None = Field(default=None, validation_alias=AliasPath("contact", "phone"))
    job_titles: tuple[str, ...] = Field(
        default=(), validation_alias=AliasPath("job_wishes", "titles")
    )
    job_area: str | None = Field(default=None, validation_alias=AliasPath("job_wishes", "area"))
    work_time: str | None = Field(
        default=None, validation_alias=AliasPath("job_wishes", "work_time")
    )
    driving_licences: tuple[str, ...] = ()
    profile: str | None = None
    searchable: bool
    approval_status: str = Field(validation_alias=AliasPath("approval", "status"))
    approval_date: date | None = Field(default=None, validation_alias=AliasPath("approval", "date"))
    approval_note: str | None = Field(default=None, validation_alias=AliasPath("approval", "note"))
    approved_by: ChangedBy | None = Field(
        default=None, validation_alias=AliasPath("approval", "by")
    )
    experience: tuple[CvEntry, ...] = ()
    education: tuple[CvEntry, ...] = ()
    courses: tuple[CvEntry, ...] = ()
    skills: tuple[CvEntry, ...] = ()
    languages: tuple[CvEntry, ...] = ()
    updated_at: datetime | None = None
    updated_by: ChangedBy | None = None
    holder: CvHolder | None = None

    @model_validator(mode="before")
    @classmethod
    def _entries_know_their_section(cls, data: Any) -> Any:
        """Each list entry is told its section (DFDG lists them by section)."""
        if not isinstance(data, Mapping):
            return data
        sections = {
            name: [
                {**item, "section": name} if isinstance(item, Mapping) else item
                for item in data.get(name) or ()
            ]
            for name in _LIST_SECTIONS
            if isinstance(data.get(name) or (), list | tuple)
        }
        return {**data, **sections}

    def entries(self, section: str) -> tuple[CvEntry, ...]:
        entries: tuple[CvEntry, ...] = getattr(self, section)
        return entries

    def entry(self, section: str, entry_id: str) -> CvEntry | None:
        return next((e for e in self.entries(section) if e.id == entry_id), None)


def parse_cv(data: Mapping[str, Any]) -> Cv:
    """The CV from DFDG's answer (or the copy kept of it)."""
    return parse(Cv, data)


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
        return json_object(self._request("GET", path, actor=actor))
