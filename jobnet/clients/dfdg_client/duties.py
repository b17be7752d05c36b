"""A person's duties as the web app sees them, parsed from DFDG's JSON, and the calls that read
them: the duties alone, or Min side's front page with them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from jobnet.clients.dfdg_client.calls import Calls
from jobnet.clients.dfdg_client.status import PersonStatus, parse_status
from jobnet.clients.dfdg_client.summons import SummonsOverview, overview_from_json
from jobnet.clients.dfdg_client.values import Actor

OVERDUE = "overdue"
TO_DO = "to_do"
DONE = "done"
NOT_REQUIRED = "not_required"
MISSED = "missed"  # an interview marked not attended: cannot be done any more


@dataclass(frozen=True)
class Duty:
    key: str
    kind: str  # jobnet.domain.duty_rules.DutyKind
    state: str  # jobnet.domain.duties.DutyState
    deadline: date | None
    due_at: datetime | None
    begins: date
    standing: bool
    action: str  # jobnet.domain.duty_rules.DutyAction
    consequence: str  # jobnet.domain.duty_rules.Consequence
    rule_id: str
    rule_source: str
    rule_days: int | None
    cv_problem: str | None
    awaiting_approval: bool
    week_year: int | None
    week_number: int | None
    required: int | None
    applications: int | None
    plan_version: int | None
    summons_id: str | None
    cannot_come: bool
    holiday_first_day: date | None
    booking_id: str | None = None
    copies_required: int | None = None  # job log: applications with a copy the plan requires
    copies: int | None = None  # job log: applications with a copy uploaded
    month: date | None = None  # job log, copies agreed a month: the month's first day
    fund_told: bool = False  # a missed interview: the no-show event went to the person's fund

    @property
    def is_open(self) -> bool:
        return self.state in (OVERDUE, TO_DO) and not self.standing

    @property
    def is_overdue(self) -> bool:
        return self.state == OVERDUE


@dataclass(frozen=True)
class Duties:
    today: date
    items: tuple[Duty, ...]
    next_begins: date | None

    @property
    def open(self) -> list[Duty]:
        """Overdue and to do, soonest first (DFDG's order)."""
        return [duty for duty in self.items if duty.is_open]

    @property
    def done(self) -> list[Duty]:
        return [duty for duty in self.items if duty.state == DONE]

    @property
    def standing(self) -> list[Duty]:
        return [duty for duty in self.items if duty.standing]

    @property
    def missed(self) -> list[Duty]:
        """Interviews the job centre marked not attended (history, not to do)."""
        return [duty for duty in self.items if duty.state == MISSED]

    @property
    def not_required(self) -> list[Duty]:
        return [duty for duty in self.items if duty.state == NOT_REQUIRED]

    @property
    def with_deadline(self) -> list[Duty]:
        """Every duty that has a date (for the calendar), standing ones left out."""
        return [duty for duty in self.items if duty.deadline is not None and not duty.standing]


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _duty(data: Mapping[str, Any]) -> Duty:
    rule = data["rule"]
    return Duty(
        key=data["key"],
        kind=data["kind"],
        state=data["state"],
        deadline=_date(data.get("deadline")),
        due_at=datetime.fromisoformat(data["due_at"]) if data.get("due_at") else None,
        begins=date.fromisoformat(data["begins"]),
        standing=bool(data.get("standing")),
        action=data["action"],
        consequence=data["consequence"],
        rule_id=rule["id"],
        rule_source=rule["source"],
        rule_days=rule.get("days"),
        cv_problem=data.get("cv_problem"),
        awaiting_approval=bool(data.get("awaiting_approval")),
        week_year=data.get("week_year"),
        week_number=data.get("week_number"),
        required=data.get("required"),
        applications=data.get("applications"),
        copies_required=data.get("copies_required"),
        copies=data.get("copies"),
        plan_version=data.get("plan_version"),
        summons_id=data.get("summons_id"),
        cannot_come=bool(data.get("cannot_come")),
        holiday_first_day=_date(data.get("holiday_first_day")),
        booking_id=data.get("booking_id"),
        fund_told=bool(data.get("fund_told")),
        month=_date(data.get("month")),
    )


def duties_from_json(data: Mapping[str, Any]) -> Duties:
    return Duties(
        today=date.fromisoformat(data["today"]),
        items=tuple(_duty(item) for item in data["duties"]),
        next_begins=_date(data.get("next_begins")),
    )


@dataclass(frozen=True)
class PersonDuties:
    """A citizen of the job centre and their duties that need attention."""

    person_id: str
    given_name: str
    family_name: str
    overdue: int
    duties: tuple[Duty, ...]

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"


@dataclass(frozen=True)
class DutyOverview:
    """The job centre's citizens with duties overdue or due by `until`."""

    today: date
    until: date
    kind: str | None
    total: int
    persons: tuple[PersonDuties, ...]


def duty_overview_from_json(data: Mapping[str, Any]) -> DutyOverview:
    return DutyOverview(
        today=date.fromisoformat(data["today"]),
        until=date.fromisoformat(data["until"]),
        kind=data.get("kind"),
        total=int(data["total"]),
        persons=tuple(
            PersonDuties(
                person_id=item["person_id"],
                given_name=item["given_name"],
                family_name=item["family_name"],
                overdue=int(item["overdue"]),
                duties=tuple(_duty(duty) for duty in item["duties"]),
            )
            for item in data["persons"]
        ),
    )


class DutyCalls(Calls):
    def jobcentre_duties(self, cvr: str, kind: str | None, actor: Actor) -> DutyOverview:
        """The job centre's citizens with duties overdue or due within a week (of `kind`)."""
        path = f"/organisations/{quote(cvr, safe='')}/duties"
        params = {"kind": kind} if kind else None
        return duty_overview_from_json(self._request("GET", path, actor=actor, params=params))

    def duties(self, person_id: str, actor: Actor) -> Duties:
        """The person's duties, past (the last twelve weeks) and coming."""
        path = f"/persons/{quote(person_id, safe='')}/duties"
        return duties_from_json(self._request("GET", path, actor=actor))

    def front_page_with_duties(
        self, person_id: str, actor: Actor
    ) -> tuple[PersonStatus, SummonsOverview, Duties]:
        """Min side in one call: the status, the upcoming interviews and the duties."""
        answer, interviews, duties = self.front_page_answer_with_duties(person_id, actor)
        return parse_status(answer), interviews, duties

    def front_page_answer_with_duties(
        self, person_id: str, actor: Actor
    ) -> tuple[dict[str, Any], SummonsOverview, Duties]:
        """`front_page_with_duties` with the status as DFDG's JSON, for keeping."""
        path = f"/persons/{quote(person_id, safe='')}/front-page"
        data = self._request("GET", path, actor=actor)
        return (
            dict(data["status"]),
            overview_from_json(data["interviews"]),
            duties_from_json(data["duties"]),
        )
