"""The person's status today, their registrations and absences, and sending a stored command."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from jobnet.clients.dfdg_client.calls import Calls
from jobnet.clients.dfdg_client.persons import ContactGroupPeriod, _period
from jobnet.clients.dfdg_client.values import (
    Actor,
    RecordedBy,
    created_by,
    optional_date,
    optional_datetime,
    recorded_by,
)


@dataclass(frozen=True)
class Registration:
    """A registration as a jobseeker; `end_date` is set by a deregistration."""

    id: str
    person_id: str
    category: str
    start_date: date
    degree: str
    weekly_hours: int | None
    job_titles: tuple[str, ...]
    registered_at: datetime
    created_by: RecordedBy
    source_reference: str | None
    end_date: date | None
    deregistration_reason: str | None
    deregistration_other_text: str | None
    deregistered_at: datetime | None
    deregistered_by: RecordedBy | None
    deregistration_reference: str | None


@dataclass(frozen=True)
class Absence:
    """An absence; an open sickness has no `last_day`, a cancelled holiday status "cancelled"."""

    id: str
    person_id: str
    reason: str
    first_day: date
    last_day: date | None
    fit_day: date | None
    status: str
    created_at: datetime
    created_by: RecordedBy
    source_reference: str | None
    ended_at: datetime | None
    cancelled_at: datetime | None
    ended_by: RecordedBy | None
    end_reference: str | None

    @property
    def is_cancelled(self) -> bool:
        return self.status == "cancelled"

    @property
    def is_open(self) -> bool:
        return self.status == "active" and self.last_day is None


@dataclass(frozen=True)
class StatusCounts:
    registrations: int
    absences: int
    upcoming_holidays: int


@dataclass(frozen=True)
class PersonStatus:
    """The citizen's status today in DFDG, for the front page (Min side)."""

    person_id: str
    given_name: str
    family_name: str
    today: date
    contact_group: ContactGroupPeriod | None
    registration: Registration | None
    sickness: Absence | None
    holidays: tuple[Absence, ...]
    counts: StatusCounts | None  # None unless asked for (`status(..., with_counts=True)`)
    # Every active absence not over before today, whatever its reason and whoever registered it
    # (the open sickness and the holidays among them): what a new holiday must not overlap.
    absences: tuple[Absence, ...] = ()

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def is_registered(self) -> bool:
        return self.registration is not None


def _registration(data: Mapping[str, Any]) -> Registration:
    return Registration(
        id=data["id"],
        person_id=data["person_id"],
        category=data["category"],
        start_date=date.fromisoformat(data["start_date"]),
        degree=data["degree"],
        weekly_hours=data.get("weekly_hours"),
        job_titles=tuple(data.get("job_titles") or ()),
        registered_at=datetime.fromisoformat(data["registered_at"]),
        created_by=created_by(data["created_by"]),
        source_reference=data.get("source_reference"),
        end_date=optional_date(data.get("end_date")),
        deregistration_reason=data.get("deregistration_reason"),
        deregistration_other_text=data.get("deregistration_other_text"),
        deregistered_at=optional_datetime(data.get("deregistered_at")),
        deregistered_by=recorded_by(data.get("deregistered_by")),
        deregistration_reference=data.get("deregistration_reference"),
    )


def _absence(data: Mapping[str, Any]) -> Absence:
    return Absence(
        id=data["id"],
        person_id=data["person_id"],
        reason=data["reason"],
        first_day=date.fromisoformat(data["first_day"]),
        last_day=optional_date(data.get("last_day")),
        fit_day=optional_date(data.get("fit_day")),
        status=data["status"],
        created_at=datetime.fromisoformat(data["created_at"]),
        created_by=created_by(data["created_by"]),
        source_reference=data.get("source_reference"),
        ended_at=optional_datetime(data.get("ended_at")),
        cancelled_at=optional_datetime(data.get("cancelled_at")),
        ended_by=recorded_by(data.get("ended_by")),
        end_reference=data.get("end_reference"),
    )


def parse_status(data: Mapping[str, Any]) -> PersonStatus:
    """A person's status from DFDG's JSON answer."""
    period = data.get("contact_group")
    registration = data.get("registration")
    sickness = data.get("sickness")
    counts = data.get("counts")
    return PersonStatus(
        person_id=data["person_id"],
        given_name=data["given_name"],
        family_name=data["family_name"],
        today=date.fromisoformat(data["today"]),
        contact_group=_period(period) if period else None,
        registration=_registration(registration) if registration else None,
        sickness=_absence(sickness) if sickness else None,
        holidays=tuple(_absence(holiday) for holiday in data.get("holidays") or ()),
        counts=StatusCounts(
            registrations=int(counts["registrations"]),
            absences=int(counts["absences"]),
            upcoming_holidays=int(counts["upcoming_holidays"]),
        )
        if counts
        else None,
        absences=tuple(_absence(absence) for absence in data.get("absences") or ()),
    )


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
        return [_registration(item) for item in data["registrations"]]

    def absences(self, person_id: str, actor: Actor) -> list[Absence]:
        """All the person's absences, cancelled ones included, newest first."""
        path = f"/persons/{quote(person_id, safe='')}/absences"
        data = self._request("GET", path, actor=actor)
        return [_absence(item) for item in data["absences"]]
