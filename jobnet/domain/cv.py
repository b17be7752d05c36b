"""The CV (Mit CV): its sections, code lists and the rules every change must keep.

DFDG checks each change with these functions (422 naming the field and the code) and the web
forms check the same first. Dates: a job or an education cannot start in the future, nothing
ends before it starts, and what is completed or over has ended by today.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from enum import StrEnum

from jobnet.domain.fields import (
    FieldProblem,
    Issue,
    check_not_future,
    check_text,
    clean_text,
    issues,
)

# Longest text per field (characters) and most items per list.
LIMITS: dict[str, int] = {
    "email": 254,
    "phone": 20,
    "titles": 100,
    "area": 100,
    "employer": 200,
    "title": 200,
    "description": 2000,
    "institution": 200,
    "programme": 200,
    "name": 200,
    "provider": 200,
    "language": 100,
    "text": 2000,
}
MAX_JOB_WISHES = 5
MAX_ENTRIES_PER_SECTION = 100


class WorkTime(StrEnum):
    FULL_TIME = "full_time"
    PART_TIME = "part_time"
    BOTH = "both"


class LanguageLevel(StrEnum):
    BASIC = "basic"
    GOOD = "good"
    VERY_GOOD = "very_good"
    FLUENT = "fluent"
    NATIVE = "native"


class DrivingLicence(StrEnum):
    """Danish driving licence categories (kørekortkategorier)."""

    AM = "AM"
    A1 = "A1"
    A2 = "A2"
    A = "A"
    B = "B"
    BE = "BE"
    C1 = "C1"
    C1E = "C1E"
    C = "C"
    CE = "CE"
    D1 = "D1"
    D1E = "D1E"
    D = "D"
    DE = "DE"


class ApprovalStatus(StrEnum):
    """The job centre's assessment of the CV (chapter 7)."""

    NOT_ASSESSED = "not_assessed"
    APPROVED = "approved"
    NOT_APPROVED = "not_approved"


class Section(StrEnum):
    """The CV's sections; the list sections hold entries that are added and removed."""

    CONTACT = "contact"
    JOB_WISHES = "job_wishes"
    DRIVING_LICENCES = "driving_licences"
    PROFILE = "profile"
    VISIBILITY = "visibility"
    EXPERIENCE = "experience"
    EDUCATION = "education"
    COURSES = "courses"
    SKILLS = "skills"
    LANGUAGES = "languages"


LIST_SECTIONS = (
    Section.EXPERIENCE,
    Section.EDUCATION,
    Section.COURSES,
    Section.SKILLS,
    Section.LANGUAGES,
)

# The dates of a working life: at most 60 years back; an education may end up to 10 years ahead.
CV_DAYS_BACK = 60 * 365
EDUCATION_END_DAYS_AHEAD = 10 * 365
# The job centre records its assessment of a CV at most a year after it was made.
APPROVAL_DAYS_BACK = 365

_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")
_PHONE_SEPARATORS = re.compile(r"[\s\-.()]")
_PHONE_DIGITS = re.compile(r"[0-9]{8}", re.ASCII)


def _text(value: str | None, field: str, *, required: bool) -> FieldProblem | None:
    return check_text(value, LIMITS[field], required=required)


def normalise_phone(value: str | None) -> str | None:
    """A Danish phone number as its eight digits, or None when it is not one.

    Spaces, dashes, dots and brackets are ignored; +45 or 0045 in front is allowed. Danish
    numbers do not begin with 0 or 1.
    """
    digits = _PHONE_SEPARATORS.sub("", value or "")
    for prefix in ("+45", "0045"):
        if digits.startswith(prefix):
            digits = digits[len(prefix) :]
            break
    if _PHONE_DIGITS.fullmatch(digits) and digits[0] not in "01":
        return digits
    return None


def format_phone(digits: str | None) -> str:
    """Eight digits in pairs, as Danes write them: 20 30 40 50."""
    if not digits:
        return ""
    return " ".join(digits[i : i + 2] for i in range(0, len(digits), 2))


def check_email(value: str | None) -> FieldProblem | None:
    text = (value or "").strip()
    if not text:
        return None
    if len(text) > LIMITS["email"]:
        return FieldProblem.TOO_LONG
    return None if _EMAIL.fullmatch(text) else FieldProblem.INVALID_EMAIL


def check_phone(value: str | None) -> FieldProblem | None:
    if not (value or "").strip():
        return None
    return None if normalise_phone(value) else FieldProblem.INVALID_PHONE


def check_contact(email: str | None, phone: str | None) -> list[Issue]:
    return issues(("email", check_email(email)), ("phone", check_phone(phone)))


def clean_titles(titles: Sequence[str | None]) -> list[str]:
    """Trimmed, non-empty, without repeats (case-insensitive), in the order given."""
    seen: set[str] = set()
    cleaned: list[str] = []
    for title in titles:
        text = clean_text(title)
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            cleaned.append(text)
    return cleaned


def check_job_wishes(titles: Sequence[str], area: str | None, work_time: str | None) -> list[Issue]:
    cleaned = clean_titles(titles)
    titles_problem = None
    if not cleaned:
        titles_problem = FieldProblem.REQUIRED
    elif len(cleaned) > MAX_JOB_WISHES:
        titles_problem = FieldProblem.TOO_MANY
    elif any(len(title) > LIMITS["titles"] for title in cleaned):
        titles_problem = FieldProblem.TOO_LONG
    return issues(
        ("titles", titles_problem),
        ("area", _text(area, "area", required=False)),
        ("work_time", _choice(work_time, WorkTime, required=True)),
    )


def _choice(value: str | None, codes: type[StrEnum], *, required: bool) -> FieldProblem | None:
    if not value:
        return FieldProblem.REQUIRED if required else None
    return None if value in {member.value for member in codes} else FieldProblem.INVALID_CHOICE


def check_driving_licences(codes: Sequence[str]) -> list[Issue]:
    known = {member.value for member in DrivingLicence}
    problem = FieldProblem.INVALID_CHOICE if any(code not in known for code in codes) else None
    if problem is None and len(set(codes)) != len(codes):
        problem = FieldProblem.DUPLICATE
    return issues(("licences", problem))


def check_profile(text: str | None) -> list[Issue]:
    return issues(("text", _text(text, "text", required=False)))


def check_period(
    start: date | None,
    end: date | None,
    today: date,
    *,
    ongoing: bool,
    end_may_be_future: bool = False,
) -> list[Issue]:
    """`start_date` given and not in the future; `end_date` given unless ongoing (and then not
    given), not before the start, and not in the future unless `end_may_be_future`."""
    found = issues(
        ("start_date", check_not_future(start, today, required=True, days_back=CV_DAYS_BACK))
    )
    if ongoing:
        if end is not None:
            found.append(Issue("end_date", FieldProblem.END_AND_ONGOING))
        return found
    if end is None:
        found.append(Issue("end_date", FieldProblem.END_MISSING))
    elif start is not None and end < start:
        found.append(Issue("end_date", FieldProblem.END_BEFORE_START))
    elif end > today and not end_may_be_future:
        found.append(Issue("end_date", FieldProblem.IN_THE_FUTURE))
    elif end > today + timedelta(days=EDUCATION_END_DAYS_AHEAD):
        found.append(Issue("end_date", FieldProblem.TOO_FAR_AHEAD))
    return found


def check_experience(
    *,
    employer: str | None,
    title: str | None,
    start_date: date | None,
    end_date: date | None,
    ongoing: bool,
    description: str | None,
    today: date,
) -> list[Issue]:
    return [
        *issues(
            ("employer", _text(employer, "employer", required=True)),
            ("title", _text(title, "title", required=True)),
        ),
        *check_period(start_date, end_date, today, ongoing=ongoing),
        *issues(("description", _text(description, "description", required=False))),
    ]


def check_education(
    *,
    institution: str | None,
    programme: str | None,
    start_date: date | None,
    end_date: date | None,
    completed: bool,
    today: date,
) -> list[Issue]:
    """A completed education has ended by today; one still going may give its expected end."""
    found = issues(
        ("institution", _text(institution, "institution", required=True)),
        ("programme", _text(programme, "programme", required=True)),
    )
    if completed:
        return found + check_period(start_date, end_date, today, ongoing=False)
    period = check_period(start_date, None, today, ongoing=True)
    if end_date is not None and start_date is not None and end_date < start_date:
        period.append(Issue("end_date", FieldProblem.END_BEFORE_START))
    elif end_date is not None and end_date > today + timedelta(days=EDUCATION_END_DAYS_AHEAD):
        period.append(Issue("end_date", FieldProblem.TOO_FAR_AHEAD))
    return found + period


def check_course(
    *, name: str | None, provider: str | None, completed_on: date | None, today: date
) -> list[Issue]:
    return issues(
        ("name", _text(name, "name", required=True)),
        ("provider", _text(provider, "provider", required=False)),
        (
            "completed_on",
            check_not_future(completed_on, today, required=False, days_back=CV_DAYS_BACK),
        ),
    )


def check_skill(*, name: str | None, others: Sequence[str] = ()) -> list[Issue]:
    """A skill; `others` are the names already on the CV (a repeat is refused)."""
    problem = _text(name, "name", required=True)
    if problem is None and _repeats(name, others):
        problem = FieldProblem.DUPLICATE
    return issues(("name", problem))


def check_language(
    *, language: str | None, level: str | None, others: Sequence[str] = ()
) -> list[Issue]:
    problem = _text(language, "language", required=True)
    if problem is None and _repeats(language, others):
        problem = FieldProblem.DUPLICATE
    return issues(("language", problem), ("level", _choice(level, LanguageLevel, required=True)))


def _repeats(value: str | None, others: Sequence[str]) -> bool:
    wanted = clean_text(value).casefold()
    return any(clean_text(other).casefold() == wanted for other in others)


def check_approval(status: str | None, day: date | None, today: date) -> list[Issue]:
    return issues(
        ("status", _choice(status, ApprovalStatus, required=True)),
        (
            "date",
            check_not_future(
                day,
                today,
                required=status != ApprovalStatus.NOT_ASSESSED,
                days_back=APPROVAL_DAYS_BACK,
            ),
        ),
    )
