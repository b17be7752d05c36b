"""Commands the web app sends to DFDG through its outbox: pure builders, JSON-ready bodies.

A `Command` says what to send (`method` to `path` under /api/v1 with `body`); the outbox stores
it with the receipt and `DfdgClient.send_command` delivers it with the command's idempotency
key. Dates in bodies are ISO strings; `reference` is the receipt's reference number, which DFDG
keeps as the record's source reference.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import quote, unquote

REGISTRATION = "registration"
DEREGISTRATION = "deregistration"
SICKNESS = "sickness"
RECOVERY = "recovery"
HOLIDAY = "holiday"
HOLIDAY_CANCELLATION = "holiday_cancellation"

KINDS = frozenset({REGISTRATION, DEREGISTRATION, SICKNESS, RECOVERY, HOLIDAY, HOLIDAY_CANCELLATION})


@dataclass(frozen=True)
class Command:
    kind: str
    method: str
    path: str  # relative to /api/v1, e.g. "/persons/<id>/absences"
    body: dict[str, Any] = field(default_factory=dict)


def _person_path(person_id: str, *parts: str) -> str:
    segments = [quote(person_id, safe=""), *(quote(part, safe="") for part in parts)]
    return "/persons/" + "/".join(segments)


def _with_reference(body: dict[str, Any], reference: str | None) -> dict[str, Any]:
    return {**body, "reference": reference} if reference else body


# For the other areas' command builders.
person_path = _person_path
with_reference = _with_reference


def register_command(
    person_id: str,
    *,
    category: str,
    start_date: date,
    degree: str,
    weekly_hours: int | None,
    job_titles: Sequence[str],
    reference: str | None,
) -> Command:
    body: dict[str, Any] = {
        "category": str(category),
        "start_date": start_date.isoformat(),
        "degree": str(degree),
        "job_titles": list(job_titles),
    }
    if weekly_hours is not None:
        body["weekly_hours"] = weekly_hours
    path = _person_path(person_id, "registrations")
    return Command(REGISTRATION, "POST", path, _with_reference(body, reference))


def deregister_command(
    person_id: str,
    *,
    when: date,
    reason: str,
    other_reason: str | None,
    reference: str | None,
) -> Command:
    body: dict[str, Any] = {"date": when.isoformat(), "reason": str(reason)}
    if other_reason:
        body["other_reason"] = other_reason
    path = _person_path(person_id, "deregistrations")
    return Command(DEREGISTRATION, "POST", path, _with_reference(body, reference))


def sickness_command(person_id: str, first_day: date, reference: str | None) -> Command:
    body = {"reason": "sickness", "first_day": first_day.isoformat()}
    path = _person_path(person_id, "absences")
    return Command(SICKNESS, "POST", path, _with_reference(body, reference))


def recovery_command(person_id: str, fit_day: date, reference: str | None) -> Command:
    body = {"fit_day": fit_day.isoformat()}
    path = _person_path(person_id, "recoveries")
    return Command(RECOVERY, "POST", path, _with_reference(body, reference))


def holiday_command(
    person_id: str, first_day: date, last_day: date, reference: str | None
) -> Command:
    body = {
        "reason": "holiday",
        "first_day": first_day.isoformat(),
        "last_day": last_day.isoformat(),
    }
    path = _person_path(person_id, "absences")
    return Command(HOLIDAY, "POST", path, _with_reference(body, reference))


def cancellation_path(person_id: str, absence_id: str) -> str:
    return _person_path(person_id, "absences", absence_id, "cancellation")


def cancel_holiday_command(person_id: str, absence_id: str, reference: str | None) -> Command:
    path = cancellation_path(person_id, absence_id)
    return Command(HOLIDAY_CANCELLATION, "POST", path, _with_reference({}, reference))


def cancelled_absence_id(path: str) -> str | None:
    """The absence a cancellation command's path names (…/absences/<id>/cancellation)."""
    parts = path.rstrip("/").split("/")
    if len(parts) >= 3 and parts[-1] == "cancellation" and parts[-3] == "absences":
        return unquote(parts[-2])
    return None


HELD_INTERVIEW = "held_interview"
JOBCENTRE_ABSENCE = "jobcentre_absence"


def held_interview_command(
    person_id: str,
    *,
    held_on: date,
    form: str,
    agreement: str,
    match_group: int | None,
    reference: str | None,
) -> Command:
    body: dict[str, Any] = {
        "held_on": held_on.isoformat(),
        "form": form,
        "agreement": agreement,
    }
    if match_group is not None:
        body["match_group"] = match_group
    path = _person_path(person_id, "interviews")
    return Command(HELD_INTERVIEW, "POST", path, _with_reference(body, reference))


def jobcentre_absence_command(
    person_id: str, *, reason: str, first_day: date, last_day: date | None, reference: str | None
) -> Command:
    """An absence only a job centre registers (civic duty, care of a sick relative, …)."""
    body: dict[str, Any] = {"reason": reason, "first_day": first_day.isoformat()}
    if last_day is not None:
        body["last_day"] = last_day.isoformat()
    path = _person_path(person_id, "absences")
    return Command(JOBCENTRE_ABSENCE, "POST", path, _with_reference(body, reference))
