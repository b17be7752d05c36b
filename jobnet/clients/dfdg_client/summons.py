"""Summons to interviews: the person's, one job centre's day, and the commands that make, move
and cancel them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from jobnet.clients.dfdg_client.calls import Calls
from jobnet.clients.dfdg_client.commands import Command
from jobnet.clients.dfdg_client.plans import AgreedWith, _agreed_with
from jobnet.clients.dfdg_client.status import PersonStatus, parse_status
from jobnet.clients.dfdg_client.values import (
    Actor,
    RecordedBy,
    aware,
    created_by,
    instant,
    optional_datetime,
    person_path,
    without_none,
)


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
class CannotCome:
    """The person's "I can't come" on a summons."""

    reason: str  # jobnet.domain.cannot_come.CannotComeReason
    note: str | None
    given_at: datetime
    given_by_type: str
    for_current_time: bool
    reference: str | None


def cannot_come_from_json(data: Mapping[str, Any] | None) -> CannotCome | None:
    if not data:
        return None
    return CannotCome(
        reason=data["reason"],
        note=data.get("note"),
        given_at=datetime.fromisoformat(data["given_at"]),
        given_by_type=data.get("given_by_type") or "citizen",
        for_current_time=bool(data.get("for_current_time")),
        reference=data.get("reference"),
    )


@dataclass(frozen=True)
class NotAttended:
    """The job centre marked that the person did not attend (issue 24)."""

    at: datetime
    by: RecordedBy


def not_attended_from_json(data: Mapping[str, Any] | None) -> NotAttended | None:
    if not data:
        return None
    return NotAttended(at=instant(data["at"]), by=created_by(data["by"]))


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
    ended: bool = False  # its time has passed (DFDG's now): no longer booked, no calendar file
    cannot_come: CannotCome | None = None
    not_attended: NotAttended | None = None

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
    upcoming: tuple[Summons, ...]  # soonest first, never a cancelled one
    past: tuple[Summons, ...]  # newest first
    unseen_plan_version: int | None = None  # the plan's current version, when new to them
    cancelled: tuple[Summons, ...] = ()  # cancelled, their time not passed, soonest first

    @property
    def new_summons(self) -> tuple[Summons, ...]:
        """Upcoming (and cancelled, not yet passed) summons created, moved or cancelled since
        the person last read them."""
        return tuple(item for item in (*self.upcoming, *self.cancelled) if item.is_new)

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


def _change(data: Mapping[str, Any]) -> SummonsChange:
    return SummonsChange(
        number=int(data["number"]),
        kind=data["kind"],
        at=instant(data["at"]),
        letter_sent_date=date.fromisoformat(data["letter_sent_date"]),
        starts_at=instant(data["starts_at"]),
        previous_starts_at=optional_datetime(data.get("previous_starts_at")),
        duration_minutes=int(data["duration_minutes"]),
        form=data["form"],
        place=data.get("place"),
        join_details=data.get("join_details"),
        reason=data.get("reason"),
        made_by=created_by(data["made_by"]),
    )


def summons_from_json(data: Mapping[str, Any]) -> Summons:
    return Summons(
        id=data["id"],
        person_id=data["person_id"],
        status=data["status"],
        sequence=int(data["sequence"]),
        starts_at=instant(data["starts_at"]),
        ends_at=instant(data["ends_at"]),
        duration_minutes=int(data["duration_minutes"]),
        form=data["form"],
        type=data["type"],
        place=data.get("place"),
        join_details=data.get("join_details"),
        contact_options=data.get("contact_options"),
        bring=data.get("bring"),
        letter_sent_date=date.fromisoformat(data["letter_sent_date"]),
        organisation=_agreed_with(data["organisation"]),
        created_at=instant(data["created_at"]),
        created_by=created_by(data["created_by"]),
        changes=tuple(_change(item) for item in data["changes"]),
        is_new=bool(data.get("is_new", False)),
        seen_at=optional_datetime(data.get("seen_at")),
        ended=bool(data.get("ended", False)),
        cannot_come=cannot_come_from_json(data.get("cannot_come")),
        not_attended=not_attended_from_json(data.get("not_attended")),
    )


def overview_from_json(data: Mapping[str, Any]) -> SummonsOverview:
    """The overview; a cancelled summons is never upcoming, whatever list DFDG put it in."""
    listed = [summons_from_json(item) for item in data["upcoming"]]
    cancelled = [summons_from_json(item) for item in data.get("cancelled") or ()]
    cancelled += [item for item in listed if item.is_cancelled]
    return SummonsOverview(
        person_id=data["person_id"],
        now=instant(data["now"]),
        upcoming=tuple(item for item in listed if not item.is_cancelled),
        past=tuple(summons_from_json(item) for item in data["past"]),
        unseen_plan_version=data.get("unseen_plan_version"),
        cancelled=tuple(sorted(cancelled, key=lambda item: item.starts_at)),
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


def summons_body(summons: SummonsInput) -> dict[str, Any]:
    return without_none(
        {
            "starts_at": aware(summons.starts_at),
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
    return without_none(
        {
            "starts_at": aware(move.starts_at),
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
    return without_none(
        {
            "letter_sent_date": cancellation.letter_sent_date.isoformat(),
            "reason": cancellation.reason,
            "reference": cancellation.reference,
        }
    )


def create_summons_command(person_id: str, summons: SummonsInput) -> Command:
    """A new summons: the same body `DfdgClient.create_summons` sends."""
    path = person_path(person_id, "summons")
    return Command(SUMMONS_CREATE, "POST", path, summons_body(summons))


def move_summons_command(person_id: str, summons_id: str, move: SummonsMoveInput) -> Command:
    path = person_path(person_id, "summons", summons_id, "move")
    return Command(SUMMONS_MOVE, "POST", path, move_body(move))


def cancel_summons_command(
    person_id: str, summons_id: str, cancellation: SummonsCancellationInput
) -> Command:
    path = person_path(person_id, "summons", summons_id, "cancellation")
    return Command(SUMMONS_CANCEL, "POST", path, cancellation_body(cancellation))


class SummonsCalls(Calls):
    """Summons and Min side's front page."""

    def front_page(self, person_id: str, actor: Actor) -> tuple[PersonStatus, SummonsOverview]:
        """Min side in one call: the status and the upcoming interviews (no change history)."""
        answer, interviews = self.front_page_answer(person_id, actor)
        return parse_status(answer), interviews

    def front_page_answer(
        self, person_id: str, actor: Actor
    ) -> tuple[dict[str, Any], SummonsOverview]:
        """`front_page` with the status as DFDG's JSON, for keeping; `parse_status` reads it."""
        path = f"/persons/{quote(person_id, safe='')}/front-page"
        data = self._request("GET", path, actor=actor)
        return dict(data["status"]), overview_from_json(data["interviews"])

    def summons_overview(self, person_id: str, actor: Actor) -> SummonsOverview:
        """The person's summons: upcoming (soonest first) and past (newest first)."""
        path = f"/persons/{quote(person_id, safe='')}/summons"
        return overview_from_json(self._request("GET", path, actor=actor))

    def summons(self, person_id: str, summons_id: str, actor: Actor) -> Summons:
        """One summons of the person with its changes; DfdgNotFound for anyone else's."""
        path = f"/persons/{quote(person_id, safe='')}/summons/{quote(summons_id, safe='')}"
        return summons_from_json(self._request("GET", path, actor=actor))

    def create_summons(
        self,
        person_id: str,
        summons: SummonsInput,
        *,
        actor: Actor,
        idempotency_key: str,
    ) -> Summons:
        path = f"/persons/{quote(person_id, safe='')}/summons"
        body = summons_body(summons)
        data = self.send_command("POST", path, body, actor=actor, idempotency_key=idempotency_key)
        return summons_from_json(data)

    def move_summons(
        self,
        person_id: str,
        summons_id: str,
        move: SummonsMoveInput,
        *,
        actor: Actor,
        idempotency_key: str,
    ) -> Summons:
        path = f"/persons/{quote(person_id, safe='')}/summons/{quote(summons_id, safe='')}/move"
        body = move_body(move)
        data = self.send_command("POST", path, body, actor=actor, idempotency_key=idempotency_key)
        return summons_from_json(data)

    def cancel_summons(
        self,
        person_id: str,
        summons_id: str,
        cancellation: SummonsCancellationInput,
        *,
        actor: Actor,
        idempotency_key: str,
    ) -> Summons:
        summons_path = f"/persons/{quote(person_id, safe='')}/summons/{quote(summons_id, safe='')}"
        body = cancellation_body(cancellation)
        data = self.send_command(
            "POST",
            summons_path + "/cancellation",
            body,
            actor=actor,
            idempotency_key=idempotency_key,
        )
        return summons_from_json(data)

    def organisation_summons(self, cvr: str, day: date | None, actor: Actor) -> list[DaySummons]:
        """The job centre's interviews on a Danish day, DFDG's today when `day` is None (its
        own caseworkers only; each person listed is audited)."""
        path = f"/organisations/{quote(cvr, safe='')}/summons"
        params = {"date": day.isoformat()} if day is not None else None
        data = self._request("GET", path, actor=actor, params=params)
        return day_summons_from_json(data)


SUMMONS_CREATE = "summons_create"
SUMMONS_MOVE = "summons_move"
SUMMONS_CANCEL = "summons_cancel"


CANNOT_COME = "cannot_come"


def cannot_come_command(
    person_id: str, summons_id: str, reason: str, note: str | None, reference: str | None
) -> Command:
    """The person cannot come to the interview (through the outbox, with a receipt)."""
    path = "/persons/{}/summons/{}/cannot-come".format(
        quote(person_id, safe=""), quote(summons_id, safe="")
    )
    body: dict[str, Any] = {"reason": reason}
    if note:
        body["note"] = note
    if reference:
        body["reference"] = reference
    return Command(CANNOT_COME, "POST", path, body)
