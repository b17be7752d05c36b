"""Checks shared by the CV and the job log: required text, lengths, dates, web addresses.

Each check answers a `FieldProblem` (a stable code, the same in DFDG's 422 answers and in the
forms) or None. `Issue` names the field a problem concerns; the field names are those of DFDG's
request bodies and of the web forms alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from urllib.parse import urlsplit


class FieldProblem(StrEnum):
    REQUIRED = "required"
    TOO_LONG = "too_long"
    TOO_MANY = "too_many"
    IN_THE_FUTURE = "in_the_future"
    TOO_FAR_BACK = "too_far_back"
    TOO_FAR_AHEAD = "too_far_ahead"
    END_BEFORE_START = "end_before_start"
    END_MISSING = "end_missing"
    END_AND_ONGOING = "end_and_ongoing"
    INVALID_EMAIL = "invalid_email"
    INVALID_PHONE = "invalid_phone"
    INVALID_URL = "invalid_url"
    INVALID_CHOICE = "invalid_choice"
    DUPLICATE = "duplicate"


@dataclass(frozen=True)
class Issue:
    field: str
    code: FieldProblem


def clean_text(value: str | None) -> str:
    """Trimmed; runs of spaces and tabs inside a line become one space, line breaks stay."""
    lines = [" ".join(line.split()) for line in (value or "").strip().splitlines()]
    return "\n".join(lines).strip()


def check_text(value: str | None, limit: int, *, required: bool) -> FieldProblem | None:
    text = clean_text(value)
    if not text:
        return FieldProblem.REQUIRED if required else None
    if len(text) > limit:
        return FieldProblem.TOO_LONG
    return None


def check_not_future(
    day: date | None, today: date, *, required: bool, days_back: int
) -> FieldProblem | None:
    """A day in the window from `days_back` days before today up to today (every date a person
    types has a window: no job log entry of 1900)."""
    if day is None:
        return FieldProblem.REQUIRED if required else None
    if day > today:
        return FieldProblem.IN_THE_FUTURE
    if day < today - timedelta(days=days_back):
        return FieldProblem.TOO_FAR_BACK
    return None


def check_url(value: str | None, limit: int) -> FieldProblem | None:
    """An optional web address: http or https with a host, no spaces, at most `limit` long."""
    text = (value or "").strip()
    if not text:
        return None
    if len(text) > limit:
        return FieldProblem.TOO_LONG
    if any(char.isspace() for char in text):
        return FieldProblem.INVALID_URL
    try:
        parts = urlsplit(text)
    except ValueError:
        return FieldProblem.INVALID_URL
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return FieldProblem.INVALID_URL
    if "." not in parts.hostname and parts.hostname != "localhost":
        return FieldProblem.INVALID_URL
    return None


def issues(*pairs: tuple[str, FieldProblem | None]) -> list[Issue]:
    """The issues among (field, problem) pairs, in order, leaving out the fields without one."""
    return [Issue(field, problem) for field, problem in pairs if problem is not None]
