"""Bodies of the CV and job log endpoints."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import Field

from jobnet.dfdg.schemas.base import ActorOut, Reference, RequestBody, ResponseBody
from jobnet.dfdg.schemas.joblog_copies import COPIES_DESCRIPTION, CopyOut
from jobnet.dfdg.schemas.messages import AttachmentIn
from jobnet.domain.cv import ApprovalStatus, DrivingLicence, LanguageLevel, WorkTime
from jobnet.domain.joblog import JoblogKind, JoblogStatus

Text = Annotated[str, Field(max_length=5000)]


class ContactRequest(RequestBody):
    email: Text | None = Field(default=None, description="An e-mail address (at most 254)")
    phone: Text | None = Field(
        default=None, description="A Danish phone number: 8 digits, +45 or 0045 allowed"
    )
    reference: Reference | None = None


class JobWishesRequest(RequestBody):
    titles: list[Text] = Field(max_length=50, description="One to five job titles")
    area: Text | None = Field(default=None, description="Where the person wants to work")
    work_time: WorkTime
    reference: Reference | None = None


class DrivingLicencesRequest(RequestBody):
    licences: list[DrivingLicence] = Field(max_length=20, description="Categories held")
    reference: Reference | None = None


class ProfileRequest(RequestBody):
    text: Text | None = Field(default=None, description="A short profile (at most 2000)")
    reference: Reference | None = None


class VisibilityRequest(RequestBody):
    searchable: bool = Field(description="Whether employers may find the CV")
    reference: Reference | None = None


class ApprovalRequest(RequestBody):
    status: ApprovalStatus
    when: date | None = Field(
        default=None, alias="date", description="The day of the assessment; not in the future"
    )
    note: str | None = Field(default=None, max_length=1000, description="The job centre's note")
    reference: Reference | None = None


class ExperienceRequest(RequestBody):
    employer: Text
    title: Text
    start_date: date = Field(description="Not in the future")
    end_date: date | None = Field(default=None, description="None when ongoing")
    ongoing: bool = False
    description: Text | None = None
    reference: Reference | None = None


class EducationRequest(RequestBody):
    institution: Text
    programme: Text
    start_date: date = Field(description="Not in the future")
    end_date: date | None = Field(
        default=None, description="Required when completed; the expected end otherwise"
    )
    completed: bool
    reference: Reference | None = None


class CourseRequest(RequestBody):
    name: Text = Field(description="The course or certificate")
    provider: Text | None = None
    completed_on: date | None = Field(default=None, description="Not in the future")
    reference: Reference | None = None


class SkillRequest(RequestBody):
    name: Text
    reference: Reference | None = None


class LanguageRequest(RequestBody):
    language: Text
    level: LanguageLevel
    reference: Reference | None = None


class RemovalRequest(RequestBody):
    reference: Reference | None = None


class _EntryOut(ResponseBody):
    """What every CV list entry carries besides its own fields."""

    id: str
    created_by: ActorOut = Field(description="Who added the entry")


class ExperienceOut(_EntryOut):
    employer: str
    title: str
    start_date: date
    end_date: date | None
    ongoing: bool
    description: str | None


class EducationOut(_EntryOut):
    institution: str
    programme: str
    start_date: date
    end_date: date | None
    completed: bool


class CourseOut(_EntryOut):
    name: str
    provider: str | None
    completed_on: date | None


class SkillOut(_EntryOut):
    name: str


class LanguageOut(_EntryOut):
    language: str
    level: LanguageLevel


class ContactOut(ResponseBody):
    email: str | None
    phone: str | None = Field(description="Eight digits")


class JobWishesOut(ResponseBody):
    titles: list[str]
    area: str | None
    work_time: WorkTime | None


class ApprovalOut(ResponseBody):
    status: ApprovalStatus
    date: date | None
    note: str | None = None
    by: ActorOut | None


class CvHolderOut(ResponseBody):
    """Whose CV it is, from the CPR master data; a protected address only to the person."""

    given_name: str
    family_name: str
    street: str | None
    postcode: str | None
    city: str | None
    address_protected: bool


class CvOut(ResponseBody):
    """The person's CV; a person who has none yet gets an empty one (`exists` false)."""

    person_id: str
    today: date = Field(description="DFDG's today (Danish date) the rules are checked against")
    exists: bool
    version: int = Field(description="Raised by one with every change")
    contact: ContactOut
    job_wishes: JobWishesOut
    driving_licences: list[DrivingLicence]
    profile: str | None
    searchable: bool
    approval: ApprovalOut
    experience: list[ExperienceOut] = Field(description="Newest first")
    education: list[EducationOut] = Field(description="Newest first")
    courses: list[CourseOut] = Field(description="Newest first")
    skills: list[SkillOut] = Field(description="In the order added")
    languages: list[LanguageOut] = Field(description="In the order added")
    updated_at: datetime | None
    updated_by: ActorOut | None
    holder: CvHolderOut | None = Field(
        default=None, description="Name and address, on reading the whole CV"
    )


class CvChangeOut(ResponseBody):
    """The CV after a change, and the list entry the change concerned (if any)."""

    entry_id: str | None
    cv: CvOut


class JoblogEntryRequest(RequestBody):
    applied_on: date = Field(description="The day the application was sent; not in the future")
    employer: Text
    job_title: Text
    kind: JoblogKind
    status: JoblogStatus
    link: Text | None = Field(default=None, description="http or https address of the job")
    note: Text | None = None
    reference: Reference | None = None
    copies: list[AttachmentIn] = Field(
        default_factory=list, max_length=20, description=COPIES_DESCRIPTION
    )


class JoblogEntryOut(ResponseBody):
    id: str
    person_id: str
    applied_on: date
    employer: str
    job_title: str
    kind: JoblogKind
    status: JoblogStatus
    link: str | None
    note: str | None
    version: int
    created_at: datetime
    created_by: ActorOut
    updated_at: datetime | None
    updated_by: ActorOut | None
    deleted_at: datetime | None
    deleted_by: ActorOut | None
    source_reference: str | None
    copies: list[CopyOut] = Field(
        default_factory=list,
        description="The copies of the application, oldest first (removed ones only in the "
        "export, marked by removed_at)",
    )


class JobSearchRequirementOut(ResponseBody):
    from_date: date = Field(description="The day the plan version took effect")
    applications_per_week: int
    copies_per_week: int = Field(
        default=0, description="Of the applications a week, how many need a copy uploaded"
    )
    copies_per_month: int = Field(
        default=0,
        description="Where the plan agreed copies a calendar month instead: how many a month "
        "(the duties judge it; copies_per_week is then 0)",
    )


class JoblogResponse(ResponseBody):
    person_id: str
    today: date = Field(description="DFDG's today (Danish date) the rules are checked against")
    entries: list[JoblogEntryOut] = Field(description="Newest first; deleted ones left out")
    applications_per_week: int | None = Field(
        default=None,
        description="The job-search requirement of the person's current plan, if they have one",
    )
    requirements: list[JobSearchRequirementOut] = Field(
        default_factory=list,
        description="The job-search requirement of every version of the plan, from the day each "
        "took effect (its revision date), oldest first: each week is judged by the version in "
        "force then",
    )


class JoblogVersionOut(ResponseBody):
    version: int
    action: str = Field(description="create, update or delete")
    at: datetime
    by: ActorOut
    source_reference: str | None
    data: dict[str, object] = Field(description="The entry after the change (before a delete)")


class JoblogHistoryResponse(ResponseBody):
    entry_id: str
    versions: list[JoblogVersionOut] = Field(description="Oldest first")
