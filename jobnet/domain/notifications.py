"""The rules of telling a person that something waits (issue 23), pure Python.

- A notification names only the kind (a message, a task, a letter) and the login link: no name,
  CPR number or content, as Danish public authorities do (Digitaliseringsstyrelsen's guidance
  on notifications from public self-service; the GDPR's data minimisation, art. 5(1)(c)).
- At most one notification per person per kind per hour; more in that hour wait for its end
  and are told as one.
- None in the quiet hours (22:00-07:00 Danish time unless the setting says otherwise): they are
  deferred to the end of the quiet hours, never dropped.
- An address or number is used only after the person confirmed it with a six-digit code sent
  to it: the code expires, allows a few attempts, and only a few codes go to one address a day.
- A failed send is retried with growing pauses.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

DANISH_TIME = ZoneInfo("Europe/Copenhagen")
KINDS = ("message", "task", "letter")
CHANNELS = ("email", "sms")

PER_KIND_INTERVAL = timedelta(hours=1)

CODE_DIGITS = 6
CODE_LIFETIME = timedelta(minutes=15)
CODE_ATTEMPTS = 5
CODES_PER_ADDRESS_PER_DAY = 5

MAX_SEND_ATTEMPTS = 8
FIRST_RETRY = timedelta(seconds=30)
LONGEST_RETRY = timedelta(hours=1)

MAX_EMAIL_LENGTH = 254
_EMAIL = re.compile(r"^[^@\s<>\"',;]+@[^@\s<>\"',;]+\.[^@\s<>\"',;.]{2,}$")
_DANISH_MOBILE = re.compile(r"^(?:\+45|0045)?([2-9]\d{7})$")


@dataclass(frozen=True)
class QuietHours:
    start: time
    end: time

    def contains(self, moment: datetime) -> bool:
        local = moment.astimezone(DANISH_TIME).time()
        if self.start <= self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end

    def end_after(self, moment: datetime) -> datetime:
        """The first moment at or after `moment` outside the quiet hours (UTC)."""
        if not self.contains(moment):
            return moment
        local = moment.astimezone(DANISH_TIME)
        day = local.date() if local.time() < self.end else local.date() + timedelta(days=1)
        return datetime.combine(day, self.end, tzinfo=DANISH_TIME).astimezone(UTC)


class InvalidSetting(ValueError):
    pass


def parse_quiet_hours(text: str) -> QuietHours | None:
    """ "22:00-07:00" (Danish time); empty or "none": no quiet hours."""
    value = text.strip().lower()
    if value in {"", "none", "off"}:
        return None
    found = re.fullmatch(r"(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})", value)
    if not found:
        raise InvalidSetting(f"quiet hours must be HH:MM-HH:MM, not {text!r}")
    h1, m1, h2, m2 = (int(part) for part in found.groups())
    if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
        raise InvalidSetting(f"quiet hours must be HH:MM-HH:MM, not {text!r}")
    return QuietHours(time(h1, m1), time(h2, m2))


def earliest_send(
    now: datetime, last_of_kind: datetime | None, quiet: QuietHours | None
) -> datetime:
    """When a new notification of a kind may go: an hour after the last of the same kind to
    the same person at the earliest, and not in the quiet hours."""
    moment = now
    if last_of_kind is not None and last_of_kind + PER_KIND_INTERVAL > moment:
        moment = last_of_kind + PER_KIND_INTERVAL
    return quiet.end_after(moment) if quiet is not None else moment


def retry_after(attempts: int) -> timedelta:
    """The pause after the `attempts`-th failed send: 30 s, 1 min, 2 min, ... at most an hour."""
    pause = FIRST_RETRY * (2 ** max(attempts - 1, 0))
    return min(pause, LONGEST_RETRY)


def new_code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def looks_like_code(text: str) -> bool:
    return bool(re.fullmatch(rf"\d{{{CODE_DIGITS}}}", text))


def normalise_email(text: str) -> str | None:
    """The address in lower case, or None when it is not an e-mail address."""
    value = text.strip()
    if len(value) > MAX_EMAIL_LENGTH or not _EMAIL.match(value):
        return None
    local, _, domain = value.rpartition("@")
    return f"{local}@{domain.lower()}"


def normalise_mobile(text: str) -> str | None:
    """A Danish mobile number as +45 and eight digits, or None."""
    compact = re.sub(r"[\s\-().]", "", text.strip())
    found = _DANISH_MOBILE.match(compact)
    return f"+45{found.group(1)}" if found else None
