"""The person's status today, their registrations and absences, and sending a stored command."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from jobnet.clients.dfdg_client.calls import Calls
from jobnet.clients.dfdg_client.persons import ContactGroupPeriod
from jobnet.clients.dfdg_client.values import (
    Actor,
    RecordedBy,
    Value,
    parse,
)


class Registration(Value):
    """A registration as a jobseeker; `end_date` is set by a deregistration."""

    id: str
    person_id: str
    category: str
    start_date: date
    degree: str
    weekly_hours: int | None = None
    job_titles: tuple[str, ...] = ()
    registered_at: datetime
    created_by: RecordedBy
    source_reference: str | None = None
    end_date: date | None = None
    deregistration_reason: str | None = None
    deregistration_other_text: str | None = None
    deregistered_at: datetime | None = None
    deregistered_by: RecordedBy | None = None
    deregistration_reference: str | None = None


class Absence(Value):
    """An absence; an open sickness has no `last_day`, a cancelled holiday status "cancelled"."""

    id: str
    person_id: str
    reason: str
    first_day: date
    last_day: date | None = None
    fit_day: date | None = None
    status: str
    created_at: datetime
    created_by: RecordedBy
    source_reference: str | None = None
    ended_at: datetime | None = None
    cancelled_at: datetime | None = None
    ended_by: RecordedBy | None = None
    end_reference: str | None = None
    # "deregistration" when the person's deregistration shortened or ended it.
    end_cause: str | None = None
    reported_last_day: date | None = None

    @property
    def is_cancelled(self) -> bool:
        return self.status == "cancelled"

    @property
    def ended_by_deregistration(self) -> bool:
        return self.end_cause == "deregistration"

    @property
    def is_open(self) -> bool:
        return self.status == "active" and self.last_day is None


class StatusCounts(Value):
    registrations: int
    absences: int
    upcoming_holidays: int


class PersonStatus(Value):
    """The citizen's status today in DFDG, for the front page (Min side)."""

    person_id: str
    given_name: str
    family_name: str
    today: date
    contact_group: ContactGroupPeriod | None = None
    registration: Registration | None = None
    sickness: Absence | None = None
    holidays: tuple[Absence, ...] = ()
    counts: StatusCounts | None = None  # None unless asked for (`status(..., with_counts=True)`)
    # Every active absence not over before today, whatever its reason and whoever registered it
    # (the open sickness and the holidays among them): what a new holiday must not overlap.
    absences: tuple[Absence, ...] = ()

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def is_registered(self) -> bool:
        return self.registration is not None


def parse_status(data: Mapping[str, Any]) -> PersonStatus:
    """A person's status from DFDG's JSON answer (or the copy a session keeps of it)."""
    return parse(PersonStatus, data)


class StatusCalls(Calls):
    """Status, registrations, absences and the outbox's commands."""

    def status(self, person_id: str, actor: Actor, *, with_counts: bool = False) -> PersonStatus:
        """The person's status today: contact group, registration, sickness, holidays; and how
        many records they have if `with_counts` (one more read, which no page needs)."""
        return parse_status(self._status_json(person_id, actor, with_counts=with_counts))

    def status_answer(self, person_id: str, actor: Actor) -> dict[str, Any]:
        """`status` without counts as DFDG's JSON, for keeping (in a session, say);
        `parse_status` reads it."""
        return self._status_json(person_id, actor, with_counts=False)

    def _status_json(self, person_id: str, actor: Actor, *, with_counts: bool) -> dict[str, Any]:
        path = f"/persons/{quote(person_id, safe='')}/status"
        params = None if with_counts else {"counts": "false"}
        return dict(self._request("GET", path, actor=actor, params=params))

    def registrations(self, person_id: str, actor: Actor) -> list[Registration]:
        """All the person's registrations as a jobseeker, newest first."""
        path = f"/persons/{quote(person_id, safe='')}/registrations"
        data = self._request("GET", path, actor=actor)
        return [parse(Registration, item) for item in data["registrations"]]

    def absences(self, person_id: str, actor: Actor) -> list[Absence]:
        """All the person's absences, cancelled ones included, newest first."""
        path = f"/persons/{quote(person_id, safe='')}/absences"
        data = self._request("GET", path, actor=actor)
        return [parse(Absence, item) for item in data["absences"]]
