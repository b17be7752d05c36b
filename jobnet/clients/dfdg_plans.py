"""Job plans and summons as the web app sees them: frozen dataclasses parsed from DFDG's JSON,
and the request bodies a caseworker's commands send. Used by the thin `DfdgClient` methods."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from jobnet.clients.dfdg import RecordedBy
from jobnet.clients.dfdg_commands import Command

# --- job plans --------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgreedWith:
    cvr: str
    name: str | None


@dataclass(frozen=True)
class Measure:
    key: str
    type: str  # jobnet.domain.plans.MeasureType
    start_date: date
    end_date: date
    weekly_hours: float
    provider_cvr: str | None
    provider_p_number: str | None
    provider_name: str | None
    occupation: str | None


@dataclass(frozen=True)
class PlanVersion:
    """One version of a plan: number 1 is the plan as created."""

    plan_id: str
    person_id: str
    number: int
    is_current: bool
    revision_date: date
    targets: tuple[str, ...]
    applications_per_week: int
    agreed_with: AgreedWith
    made_by: RecordedBy
    created_at: datetime
    measures: tuple[Measure, ...]


@dataclass(frozen=True)
class PlanRevision:
    number: int
    revision_date: date
    created_at: datetime
    made_by: RecordedBy


@dataclass(frozen=True)
class JobPlan:
    """The current plan (its newest version) and the list of every version, newest first."""

    id: str
    person_id: str
    created_date: date
    revision_date: date
    current: PlanVersion
    revisions: tuple[PlanRevision, ...]
    is_new: bool = False  # the person has not read the current version themself yet

    @property
    def applications_per_week(self) -> int:
        """The job-search requirement: applications a week."""
        return self.current.applications_per_week

    @property
    def earlier_revisions(self) -> tuple[PlanRevision, ...]:
        return tuple(item for item in self.revisions if item.number != self.current.number)


@dataclass(frozen=True)
class MeasureInput:
    type: str
    start_date: date
    end_date: date
    weekly_hours: float
    provider_cvr: str | None = None
    provider_p_number: str | None = None
    provider_name: str | None = None
    occupation: str | None = None
    key: str | None = None


@dataclass(frozen=True)
class PlanInput:
    """A plan, or its revision, as a caseworker agrees it."""

    targets: tuple[str, ...]
    applications_per_week: int
    measures: tuple[MeasureInput, ...] = ()
    reference: str | None = None


# --- summons ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SummonsChange:
    number: int
    kind: str  # created, moved, cancelled
    at: datetime
    letter_sent_date: date
    starts_at: datetime
    previous_starts_at: datetime | None
    duration_minutes: int
    form: str
    place: str | None
    join_details: str | None
    reason: str | None
    made_by: RecordedBy


@dataclass(frozen=True)
class Summons:
    id: str
    person_id: str
    status: str  # active, moved, cancelled
    sequence: int
    starts_at: datetime  # aware, UTC
    ends_at: datetime
    duration_minutes: int
    form: str  # jobnet.domain.summons.InterviewForm
    type: str  # jobnet.domain.summons.InterviewType
    place: str | None
    join_details: str | None
    contact_options: str | None
    bring: str | None
    letter_sent_date: date
    organisation: AgreedWith
    created_at: datetime
    created_by: RecordedBy
    changes: tuple[SummonsChange, ...]
    is_new: bool = False  # created, moved or cancelled since the person last read it
    seen_at: datetime | None = None

    @property
    def is_cancelled(self) -> bool:
        return self.status == "cancelled"

    @property
    def is_moved(self) -> bool:
        return self.status == "moved"

    @property
    def later_changes(self) -> tuple[SummonsChange, ...]:
        """The moves and the cancellation, oldest first (not the creation)."""
        return tuple(change for change in self.changes if change.kind != "created")


@dataclass(frozen=True)
class SummonsOverview:
    person_id: str
    now: datetime
    upcoming: tuple[Summons, ...]  # soonest first
    past: tuple[Summons, ...]  # newest first
    unseen_plan_version: int | None = None  # the plan's current version, when new to them

    @property
    def new_summons(self) -> tuple[Summons, ...]:
        """Upcoming summons created, moved or cancelled since the person last read them."""
        return tuple(item for item in self.upcoming if item.is_new)

    @property
    def next_interview(self) -> Summons | None:
        """The soonest upcoming summons that is not cancelled."""
        return next((item for item in self.upcoming if not item.is_cancelled), None)


@dataclass(frozen=True)
class DaySummons:
    given_name: str
    family_name: str
    summons: Summons

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"


@dataclass(frozen=True)
class SummonsInput:
    starts_at: datetime  # aware
    form: str
    type: str
    letter_sent_date: date
    duration_minutes: int = 60
    place: str | None = None
    join_details: str | None = None
    contact_options: str | None = None
    bring: str | None = None
    reference: str | None = None


@dataclass(frozen=True)
class SummonsMoveInput:
    starts_at: datetime  # aware
    letter_sent_date: date
    duration_minutes: int | None = None
    form: str | None = None
    place: str | None = None
    join_details: str | None = None
    reason: str | None = None
    reference: str | None = None


@dataclass(frozen=True)
class SummonsCancellationInput:
    letter_sent_date: date
    reason: str | None = None
    reference: str | None = None


# --- parsing ----------------------------------------------------------------------------------


def _recorded_by(data: Mapping[str, Any]) -> RecordedBy:
    return RecordedBy(
        type=data["type"],
        name=data.get("name"),
        organisation=data.get("organisation"),
        organisation_name=data.get("organisation_name"),
    )


def _agreed_with(data: Mapping[str, Any]) -> AgreedWith:
    return AgreedWith(cvr=data["cvr"], name=data.get("name"))


def _instant(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _optional_instant(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _measure(data: Mapping[str, Any]) -> Measure:
    return Measure(
        key=data["key"],
        type=data["type"],
        start_date=date.fromisoformat(data["start_date"]),
        end_date=date.fromisoformat(data["end_date"]),
        weekly_hours=float(data["weekly_hours"]),
        provider_cvr=data.get("provider_cvr"),
        provider_p_number=data.get("provider_p_number"),
        provider_name=data.get("provider_name"),
        occupation=data.get("occupation"),
    )


def plan_version_from_json(data: Mapping[str, Any]) -> PlanVersion:
    return PlanVersion(
        plan_id=data["plan_id"],
        person_id=data["person_id"],
        number=int(data["number"]),
        is_current=bool(data["is_current"]),
        revision_date=date.fromisoformat(data["revision_date"]),
        targets=tuple(data["targets"]),
        applications_per_week=int(data["applications_per_week"]),
        agreed_with=_agreed_with(data["agreed_with"]),
        made_by=_recorded_by(data["made_by"]),
        created_at=_instant(data["created_at"]),
        measures=tuple(_measure(item) for item in data["measures"]),
    )


def plan_from_json(data: Mapping[str, Any]) -> JobPlan:
    return JobPlan(
        id=data["id"],
        person_id=data["person_id"],
        created_date=date.fromisoformat(data["created_date"]),
        revision_date=date.fromisoformat(data["revision_date"]),
        current=plan_version_from_json(data["current"]),
        revisions=tuple(
            PlanRevision(
                number=int(item["number"]),
                revision_date=date.fromisoformat(item["revision_date"]),
                created_at=_instant(item["created_at"]),
                made_by=_recorded_by(item["made_by"]),
            )
            for item in data["revisions"]
        ),
        is_new=bool(data.get("is_new", False)),
    )


def _change(data: Mapping[str, Any]) -> SummonsChange:
    return SummonsChange(
        number=int(data["number"]),
        kind=data["kind"],
        at=_instant(data["at"]),
        letter_sent_date=date.fromisoformat(data["letter_sent_date"]),
        starts_at=_instant(data["starts_at"]),
        previous_starts_at=_optional_instant(data.get("previous_starts_at")),
        duration_minutes=int(data["duration_minutes"]),
        form=data["form"],
        place=data.get("place"),
        join_details=data.get("join_details"),
        reason=data.get("reason"),
        made_by=_recorded_by(data["made_by"]),
    )


def summons_from_json(data: Mapping[str, Any]) -> Summons:
    return Summons(
        id=data["id"],
        person_id=data["person_id"],
        status=data["status"],
        sequence=int(data["sequence"]),
        starts_at=_instant(data["starts_at"]),
        ends_at=_instant(data["ends_at"]),
        duration_minutes=int(data["duration_minutes"]),
        form=data["form"],
        type=data["type"],
        place=data.get("place"),
        join_details=data.get("join_details"),
        contact_options=data.get("contact_options"),
        bring=data.get("bring"),
        letter_sent_date=date.fromisoformat(data["letter_sent_date"]),
        organisation=_agreed_with(data["organisation"]),
        created_at=_instant(data["created_at"]),
        created_by=_recorded_by(data["created_by"]),
        changes=tuple(_change(item) for item in data["changes"]),
        is_new=bool(data.get("is_new", False)),
        seen_at=_optional_instant(data.get("seen_at")),
    )


def overview_from_json(data: Mapping[str, Any]) -> SummonsOverview:
    return SummonsOverview(
        person_id=data["person_id"],
        now=_instant(data["now"]),
        upcoming=tuple(summons_from_json(item) for item in data["upcoming"]),
        past=tuple(summons_from_json(item) for item in data["past"]),
        unseen_plan_version=data.get("unseen_plan_version"),
    )


def day_summons_from_json(data: Mapping[str, Any]) -> list[DaySummons]:
    return [
        DaySummons(
            given_name=item["given_name"],
            family_name=item["family_name"],
            summons=summons_from_json(item["summons"]),
        )
        for item in data["summons"]
    ]


# --- request bodies ---------------------------------------------------------------------------


def _without_none(values: Mapping[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in values.items() if value is not None}


def plan_body(plan: PlanInput) -> dict[str, Any]:
    measures = [
        _without_none(
            {
                "key": item.key,
                "type": item.type,
                "start_date": item.start_date.isoformat(),
                "end_date": item.end_date.isoformat(),
                "weekly_hours": item.weekly_hours,
                "provider_cvr": item.provider_cvr,
                "provider_p_number": item.provider_p_number,
                "provider_name": item.provider_name,
                "occupation": item.occupation,
            }
        )
        for item in plan.measures
    ]
    return _without_none(
        {
            "targets": list(plan.targets),
            "applications_per_week": plan.applications_per_week,
            "measures": measures,
            "reference": plan.reference,
        }
    )


def _aware(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("a summons time must be timezone-aware")
    return value.isoformat()


def summons_body(summons: SummonsInput) -> dict[str, Any]:
    return _without_none(
        {
            "starts_at": _aware(summons.starts_at),
            "duration_minutes": summons.duration_minutes,
            "form": summons.form,
            "type": summons.type,
            "place": summons.place,
            "join_details": summons.join_details,
            "contact_options": summons.contact_options,
            "bring": summons.bring,
            "letter_sent_date": summons.letter_sent_date.isoformat(),
            "reference": summons.reference,
        }
    )


def move_body(move: SummonsMoveInput) -> dict[str, Any]:
    return _without_none(
        {
            "starts_at": _aware(move.starts_at),
            "duration_minutes": move.duration_minutes,
            "form": move.form,
            "place": move.place,
            "join_details": move.join_details,
            "letter_sent_date": move.letter_sent_date.isoformat(),
            "reason": move.reason,
            "reference": move.reference,
        }
    )


def cancellation_body(cancellation: SummonsCancellationInput) -> dict[str, Any]:
    return _without_none(
        {
            "letter_sent_date": cancellation.letter_sent_date.isoformat(),
            "reason": cancellation.reason,
            "reference": cancellation.reference,
        }
    )


# --- commands through the outbox (see jobnet.clients.dfdg_commands) ------------------------------

SUMMONS_CREATE = "summons_create"
SUMMONS_MOVE = "summons_move"
SUMMONS_CANCEL = "summons_cancel"
PLAN_CREATE = "plan_create"
PLAN_REVISION = "plan_revision"


def _person_path(person_id: str, *parts: str) -> str:
    return "/persons/" + "/".join(quote(part, safe="") for part in (person_id, *parts))


def create_summons_command(person_id: str, summons: SummonsInput) -> Command:
    """A new summons: the same body `DfdgClient.create_summons` sends."""
    path = _person_path(person_id, "summons")
    return Command(SUMMONS_CREATE, "POST", path, summons_body(summons))


def move_summons_command(person_id: str, summons_id: str, move: SummonsMoveInput) -> Command:
    path = _person_path(person_id, "summons", summons_id, "move")
    return Command(SUMMONS_MOVE, "POST", path, move_body(move))


def cancel_summons_command(
    person_id: str, summons_id: str, cancellation: SummonsCancellationInput
) -> Command:
    path = _person_path(person_id, "summons", summons_id, "cancellation")
    return Command(SUMMONS_CANCEL, "POST", path, cancellation_body(cancellation))


def create_plan_command(person_id: str, plan: PlanInput) -> Command:
    return Command(PLAN_CREATE, "POST", _person_path(person_id, "plans"), plan_body(plan))


def revise_plan_command(person_id: str, plan: PlanInput) -> Command:
    path = _person_path(person_id, "plan", "revisions")
    return Command(PLAN_REVISION, "POST", path, plan_body(plan))
