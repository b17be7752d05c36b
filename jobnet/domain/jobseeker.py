"""Registration and deregistration as a jobseeker (§ 8)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from enum import StrEnum

DEREGISTRATION_MAX_DAYS_AHEAD = 90
MAX_JOB_TITLES = 5
MAX_JOB_TITLE_LENGTH = 100
MAX_WEEKLY_HOURS = 37
MAX_OTHER_REASON_LENGTH = 500


class RegistrationCategory(StrEnum):
    """How the person registers; decides the contact group DFDG opens."""

    UNEMPLOYMENT_BENEFIT = "unemployment_benefit"  # dagpenge through an a-kasse
    CASH_BENEFIT = "cash_benefit"  # applying for kontanthjælp
    WITHOUT_BENEFIT = "without_benefit"  # tilmeldt uden ydelse


CONTACT_GROUP_FOR_CATEGORY: dict[RegistrationCategory, int] = {
    RegistrationCategory.UNEMPLOYMENT_BENEFIT: 1,
    RegistrationCategory.CASH_BENEFIT: 2,
    RegistrationCategory.WITHOUT_BENEFIT: 8,
}
# A new cash-benefit recipient starts in match group 1 until the job centre's first interview.
INITIAL_MATCH_GROUP: dict[int, int] = {2: 1}


class UnemploymentDegree(StrEnum):
    FULL_TIME = "full_time"
    PART_TIME = "part_time"


class DeregistrationReason(StrEnum):
    JOB_AS_EMPLOYEE = "job_as_employee"
    OWN_BUSINESS = "own_business"
    EDUCATION = "education"
    MOVING_ABROAD = "moving_abroad"
    LEAVE = "leave"
    OTHER = "other"


class RegistrationProblem(StrEnum):
    ALREADY_REGISTERED = "already_registered"
    START_IN_THE_PAST = "start_in_the_past"
    START_TOO_FAR_AHEAD = "start_too_far_ahead"
    NO_JOB_TITLES = "no_job_titles"
    TOO_MANY_JOB_TITLES = "too_many_job_titles"
    JOB_TITLE_TOO_LONG = "job_title_too_long"
    HOURS_MISSING = "hours_missing"
    HOURS_OUT_OF_RANGE = "hours_out_of_range"
    NOT_REGISTERED = "not_registered"
    DATE_IN_THE_PAST = "date_in_the_past"
    DATE_TOO_FAR_AHEAD = "date_too_far_ahead"
    BEFORE_REGISTRATION = "before_registration"
    OTHER_REASON_MISSING = "other_reason_missing"
    OTHER_REASON_TOO_LONG = "other_reason_too_long"


# Registration may start today or within the same window as deregistration.
REGISTRATION_START_MAX_DAYS_AHEAD = 90


def check_registration_start(start: date, today: date) -> RegistrationProblem | None:
    if start < today:
        return RegistrationProblem.START_IN_THE_PAST
    if start > today + timedelta(days=REGISTRATION_START_MAX_DAYS_AHEAD):
        return RegistrationProblem.START_TOO_FAR_AHEAD
    return None


def clean_job_titles(titles: Sequence[str | None]) -> list[str]:
    """Trimmed, non-empty, without repeats (case-insensitive), in the order given."""
    seen: set[str] = set()
    cleaned: list[str] = []
    for title in titles:
        title = " ".join((title or "").split())
        if title and title.casefold() not in seen:
            seen.add(title.casefold())
            cleaned.append(title)
    return cleaned


def check_job_titles(titles: list[str]) -> RegistrationProblem | None:
    if not titles:
        return RegistrationProblem.NO_JOB_TITLES
    if len(titles) > MAX_JOB_TITLES:
        return RegistrationProblem.TOO_MANY_JOB_TITLES
    if any(len(t) > MAX_JOB_TITLE_LENGTH for t in titles):
        return RegistrationProblem.JOB_TITLE_TOO_LONG
    return None


def check_weekly_hours(degree: UnemploymentDegree, hours: int | None) -> RegistrationProblem | None:
    """Part-time jobseekers say how many hours a week they seek (1-36)."""
    if degree == UnemploymentDegree.FULL_TIME:
        return None
    if hours is None:
        return RegistrationProblem.HOURS_MISSING
    if not 1 <= hours < MAX_WEEKLY_HOURS:
        return RegistrationProblem.HOURS_OUT_OF_RANGE
    return None


def deregistration_window(today: date) -> tuple[date, date]:
    """The first and last allowed deregistration dates: today up to 90 days ahead."""
    return today, today + timedelta(days=DEREGISTRATION_MAX_DAYS_AHEAD)


def check_deregistration_date(
    when: date, today: date, registered_since: date | None
) -> RegistrationProblem | None:
    if registered_since is None:
        return RegistrationProblem.NOT_REGISTERED
    first, last = deregistration_window(today)
    if when < first:
        return RegistrationProblem.DATE_IN_THE_PAST
    if when > last:
        return RegistrationProblem.DATE_TOO_FAR_AHEAD
    if when < registered_since:
        return RegistrationProblem.BEFORE_REGISTRATION
    return None


def check_other_reason(
    reason: DeregistrationReason, text: str | None
) -> RegistrationProblem | None:
    if reason != DeregistrationReason.OTHER:
        return None
    if not text or not text.strip():
        return RegistrationProblem.OTHER_REASON_MISSING
    if len(text) > MAX_OTHER_REASON_LENGTH:
        return RegistrationProblem.OTHER_REASON_TOO_LONG
    return None
