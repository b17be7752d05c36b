"""The web app's only door to DFDG: typed calls over HTTP or in-process, same code path.

No view, form or template talks to DFDG any other way, and nothing here imports DFDG's models:
answers are parsed from the API's JSON into the frozen dataclasses below.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote, urlencode

import httpx
from flask import Flask, current_app

from jobnet.clients import dfdg_cv
from jobnet.clients.dfdg_commands import Command as Command
from jobnet.clients.dfdg_commands import cancel_holiday_command as cancel_holiday_command
from jobnet.clients.dfdg_commands import deregister_command as deregister_command
from jobnet.clients.dfdg_commands import holiday_command as holiday_command
from jobnet.clients.dfdg_commands import recovery_command as recovery_command
from jobnet.clients.dfdg_commands import register_command as register_command
from jobnet.clients.dfdg_commands import sickness_command as sickness_command
from jobnet.clients.dfdg_insight import InsightRequest, PersonExport, RecordHistory, RecordVersion
from jobnet.clients.dfdg_insight import insight_request as _insight_request
from jobnet.clients.dfdg_insight import master_data as _master_data
from jobnet.clients.dfdg_statistics import StatisticsCatalogue, StatisticsTable
from jobnet.clients.dfdg_statistics import parse_catalogue as _statistics_catalogue
from jobnet.clients.dfdg_statistics import parse_table as _statistics_table
from jobnet.clients.dfdg_statistics import statistics_params as _statistics_params
from jobnet.clients.transport import (
    Answer,
    HttpxTransport,
    PooledHttp,
    Transport,
    Unreachable,
    json_body,
)

IN_PROCESS_BASE_URL = "http://dfdg.internal"
API_PREFIX = "/api/v1"


# --- errors -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldError:
    field: str
    code: str
    message: str


class DfdgError(Exception):
    """Any failure talking to DFDG. `problem` is the RFC 9457 body when DFDG sent one."""

    def __init__(
        self, message: str, *, status: int | None = None, problem: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.problem: Mapping[str, Any] = problem or {}

    @property
    def problem_type(self) -> str | None:
        """The last part of the problem type, e.g. "idempotency-key-reused"."""
        kind = self.problem.get("type")
        return str(kind).rsplit(":", 1)[-1] if kind else None

    @property
    def code(self) -> str:
        """A stable reason: the broken rule's code (e.g. "overlaps"), else the problem type,
        else the error's class name (e.g. "DfdgUnavailable" when DFDG was not reached)."""
        return str(self.problem.get("code") or self.problem_type or type(self).__name__)

    @property
    def title(self) -> str:
        """DFDG's human words for the problem (its detail, else its title), else the message."""
        return str(self.problem.get("detail") or self.problem.get("title") or self)


class DfdgUnavailable(DfdgError):
    """DFDG could not be reached, timed out or failed (5xx): try again later (the outbox)."""


class DfdgUnauthorized(DfdgUnavailable):
    """DFDG does not accept our token (401): our configuration to mend, not the user's fault,
    so to the user it is the same as DFDG being away, and the outbox keeps trying."""


class DfdgForbidden(DfdgError):
    """DFDG refuses this call for this system or actor (403)."""


class DfdgNotFound(DfdgError):
    """The person or thing asked for does not exist (404)."""


class DfdgRejected(DfdgError):
    """DFDG rejected the request (400/422); `errors` names each bad field."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        problem: Mapping[str, Any] | None = None,
        errors: tuple[FieldError, ...] = (),
    ) -> None:
        super().__init__(message, status=status, problem=problem)
        self.errors = errors


class DfdgConflict(DfdgError):
    """A request with the same idempotency key is still in progress (409)."""


# --- values -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Actor:
    """Who acts, asserted to DFDG with every call and written to its audit log."""

    type: str  # "citizen", "caseworker" or "system"
    id: str | None = None
    name: str | None = None
    organisation: str | None = None  # CVR number
    on_behalf_of: str | None = None  # person id
    purpose: str | None = None
    channel: str = "web"

    def headers(self) -> dict[str, str]:
        headers = {"X-Actor-Type": self.type, "X-Channel": self.channel}
        optional = {
            "X-Actor-Id": self.id,
            "X-Actor-Name": _encoded(self.name),
            "X-Actor-Organisation": self.organisation,
            "X-On-Behalf-Of": self.on_behalf_of,
            "X-Purpose": _encoded(self.purpose),
        }
        headers.update({name: value for name, value in optional.items() if value})
        return headers


@dataclass(frozen=True)
class Health:
    status: str
    database: str


@dataclass(frozen=True)
class ContactGroupPeriod:
    contact_group: int
    match_group: int | None
    start_date: date
    end_date: date | None


@dataclass(frozen=True)
class Person:
    person_id: str
    cpr: str
    birth_date: date
    given_name: str
    family_name: str
    street: str | None
    postcode: str | None
    city: str | None
    municipality_code: str | None
    address_protected: bool
    created_at: datetime
    current_contact_group: ContactGroupPeriod | None

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    action: str
    outcome: str
    actor_type: str
    actor_id: str | None
    actor_name: str | None
    organisation: str | None
    on_behalf_of: str | None
    purpose: str | None
    channel: str
    system: str
    organisation_name: str | None = None


@dataclass(frozen=True)
class Organisation:
    id: str
    kind: str
    name: str
    cvr: str
    municipality_code: str | None


@dataclass(frozen=True)
class RecordedBy:
    """Who created or ended a record in DFDG: you, a named job centre or a system."""

    type: str  # "citizen", "caseworker" or "system"
    name: str | None
    organisation: str | None  # CVR number
    organisation_name: str | None


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


def _encoded(value: str | None) -> str | None:
    return quote(value, safe="") if value else None


def _optional_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _period(data: Mapping[str, Any]) -> ContactGroupPeriod:
    return ContactGroupPeriod(
        contact_group=int(data["contact_group"]),
        match_group=data.get("match_group"),
        start_date=date.fromisoformat(data["start_date"]),
        end_date=_optional_date(data.get("end_date")),
    )


def _person(data: Mapping[str, Any]) -> Person:
    current = data.get("current_contact_group")
    return Person(
        person_id=data["person_id"],
        cpr=data["cpr"],
        birth_date=date.fromisoformat(data["birth_date"]),
        given_name=data["given_name"],
        family_name=data["family_name"],
        street=data.get("street"),
        postcode=data.get("postcode"),
        city=data.get("city"),
        municipality_code=data.get("municipality_code"),
        address_protected=bool(data["address_protected"]),
        created_at=datetime.fromisoformat(data["created_at"]),
        current_contact_group=_period(current) if current else None,
    )


def _audit_entry(data: Mapping[str, Any]) -> AuditEntry:
    return AuditEntry(
        id=int(data["id"]),
        at=datetime.fromisoformat(data["at"]),
        action=data["action"],
        outcome=data["outcome"],
        actor_type=data["actor_type"],
        actor_id=data.get("actor_id"),
        actor_name=data.get("actor_name"),
        organisation=data.get("organisation"),
        on_behalf_of=data.get("on_behalf_of"),
        purpose=data.get("purpose"),
        channel=data["channel"],
        system=data["system"],
        organisation_name=data.get("organisation_name"),
    )


def _optional_datetime(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _recorded_by(data: Mapping[str, Any] | None) -> RecordedBy | None:
    if not data:
        return None
    return RecordedBy(
        type=data["type"],
        name=data.get("name"),
        organisation=data.get("organisation"),
        organisation_name=data.get("organisation_name"),
    )


def _created_by(data: Mapping[str, Any]) -> RecordedBy:
    recorded = _recorded_by(data)
    if recorded is None:
        raise DfdgError("DFDG answered a record without its creator", status=200)
    return recorded


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
        created_by=_created_by(data["created_by"]),
        source_reference=data.get("source_reference"),
        end_date=_optional_date(data.get("end_date")),
        deregistration_reason=data.get("deregistration_reason"),
        deregistration_other_text=data.get("deregistration_other_text"),
        deregistered_at=_optional_datetime(data.get("deregistered_at")),
        deregistered_by=_recorded_by(data.get("deregistered_by")),
        deregistration_reference=data.get("deregistration_reference"),
    )


def _absence(data: Mapping[str, Any]) -> Absence:
    return Absence(
        id=data["id"],
        person_id=data["person_id"],
        reason=data["reason"],
        first_day=date.fromisoformat(data["first_day"]),
        last_day=_optional_date(data.get("last_day")),
        fit_day=_optional_date(data.get("fit_day")),
        status=data["status"],
        created_at=datetime.fromisoformat(data["created_at"]),
        created_by=_created_by(data["created_by"]),
        source_reference=data.get("source_reference"),
        ended_at=_optional_datetime(data.get("ended_at")),
        cancelled_at=_optional_datetime(data.get("cancelled_at")),
        ended_by=_recorded_by(data.get("ended_by")),
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


def _organisation(data: Mapping[str, Any]) -> Organisation:
    return Organisation(
        id=data["id"],
        kind=data["kind"],
        name=data["name"],
        cvr=data["cvr"],
        municipality_code=data.get("municipality_code"),
    )


_EXPORT_PARSERS: dict[str, Any] = {
    "contact_groups": _period,
    "registrations": _registration,
    "absences": _absence,
    "audit_log": _audit_entry,
    "insight_requests": _insight_request,
}


def _export(data: Mapping[str, Any]) -> PersonExport:
    """DFDG's export; known categories parsed, the others kept as JSON."""
    categories: dict[str, Any] = {}
    for name, records in (data.get("categories") or {}).items():
        parse = _EXPORT_PARSERS.get(name)
        if name == "master_data":
            categories[name] = _master_data(records) if records else None
        elif parse is not None:
            categories[name] = [parse(record) for record in records]
        else:
            categories[name] = records
    return PersonExport(
        format=data["format"],
        version=data["version"],
        generated_at=datetime.fromisoformat(data["generated_at"]),
        person_id=data["person_id"],
        address_shown=bool(data["address_shown"]),
        categories=categories,
        document=data,
    )


def _record_history(data: Mapping[str, Any]) -> RecordHistory:
    return RecordHistory(
        record_type=data["record_type"],
        record_id=data["record_id"],
        versions=tuple(
            RecordVersion(
                version=int(item["version"]),
                change=item["change"],
                at=datetime.fromisoformat(item["at"]),
                by=_created_by(item["by"]),
                reference=item.get("reference"),
                channel=item.get("channel"),
                purpose=item.get("purpose"),
                values=item.get("values") or {},
            )
            for item in data["versions"]
        ),
    )


# --- the client -------------------------------------------------------------------------------


_STATUS_ERRORS: dict[int, type[DfdgError]] = {
    400: DfdgRejected,
    401: DfdgUnauthorized,
    403: DfdgForbidden,
    404: DfdgNotFound,
    409: DfdgConflict,
    422: DfdgRejected,
}


def _problem_of(response: Answer) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _error_for(response: Answer) -> DfdgError:
    problem = _problem_of(response)
    status = response.status_code
    message = f"DFDG answered {status}: {problem.get('detail') or problem.get('title') or ''}"
    if status >= 500 or status in (408, 429):
        return DfdgUnavailable(message.strip(), status=status, problem=problem)
    error_class = _STATUS_ERRORS.get(status, DfdgError)
    if error_class is DfdgRejected:
        errors = tuple(
            FieldError(str(e.get("field", "")), str(e.get("code", "")), str(e.get("message", "")))
            for e in problem.get("errors") or ()
            if isinstance(e, dict)
        )
        return DfdgRejected(message.strip(), status=status, problem=problem, errors=errors)
    return error_class(message.strip(), status=status, problem=problem)


class DfdgClient:
    """Typed calls to DFDG's API. Build it with `in_process` or `over_http`."""

    def __init__(
        self,
        base_url: str,
        token: str,
        timeout: float,
        *,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        """Over pooled HTTP to `base_url`, or through `transport` (WSGI, a test's mock)."""
        headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
        self._transport: Transport = (
            PooledHttp(base_url, headers, timeout)
            if transport is None
            else HttpxTransport(base_url, headers, timeout, transport)
        )

    @classmethod
    def in_process(cls, app: Flask, token: str, timeout: float) -> DfdgClient:
        """Reach the DFDG Flask app in this process through WSGI (the embedded default)."""
        return cls(IN_PROCESS_BASE_URL, token, timeout, transport=httpx.WSGITransport(app=app))

    @classmethod
    def over_http(cls, base_url: str, token: str, timeout: float) -> DfdgClient:
        """Reach a DFDG service at `base_url` (e.g. https://dfdg.example)."""
        return cls(base_url, token, timeout)

    def close(self) -> None:
        self._transport.close()

    def __enter__(self) -> DfdgClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- transport ---

    def _request(
        self,
        method: str,
        path: str,
        *,
        actor: Actor | None = None,
        json: Any = None,
        params: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
        reads_only: bool = False,
        timeout: float | None = None,
    ) -> Any:
        """`reads_only`: a POST that changes nothing (a lookup with the CPR number in its body,
        not in the URL), so it may be repeated like a GET."""
        headers = actor.headers() if actor is not None else {}
        if idempotency_key is not None:
            headers["Idempotency-Key"] = idempotency_key
        body = None
        if json is not None:
            body = json_body(json)
            headers["Content-Type"] = "application/json"
        target = API_PREFIX + path + (f"?{urlencode(params)}" if params else "")
        try:
            repeatable = method == "GET" or reads_only or idempotency_key is not None
            response = self._transport.send(
                method, target, headers, body, repeatable=repeatable, timeout=timeout
            )
        except Unreachable as exc:
            raise DfdgUnavailable(f"DFDG {exc}") from exc.__cause__
        if not response.is_success:
            raise _error_for(response)
        try:
            return response.json()
        except ValueError as exc:
            raise DfdgError("DFDG answered with a body that is not JSON", status=200) from exc

    # --- calls ---

    def health(self) -> Health:
        data = self._request("GET", "/health")
        return Health(status=data["status"], database=data["database"])

    def lookup_person(self, cpr: str, actor: Actor) -> str | None:
        """DFDG's person id for a CPR number, or None when DFDG has no such person."""
        try:
            data = self._request(
                "POST", "/persons/lookup", actor=actor, json={"cpr": cpr}, reads_only=True
            )
        except DfdgNotFound:
            return None
        return str(data["person_id"])

    def ensure_person(
        self,
        *,
        cpr: str,
        given_name: str,
        family_name: str,
        actor: Actor,
        idempotency_key: str,
        street: str | None = None,
        postcode: str | None = None,
        city: str | None = None,
        municipality_code: str | None = None,
    ) -> Person:
        """The person with this CPR number, created from the claims when DFDG has none."""
        claims = {
            "cpr": cpr,
            "given_name": given_name,
            "family_name": family_name,
            "street": street,
            "postcode": postcode,
            "city": city,
            "municipality_code": municipality_code,
        }
        body = {name: value for name, value in claims.items() if value is not None}
        data = self._request(
            "POST", "/persons", actor=actor, json=body, idempotency_key=idempotency_key
        )
        return _person(data)

    def get_person(self, person_id: str, actor: Actor) -> Person:
        return _person(self._request("GET", f"/persons/{quote(person_id, safe='')}", actor=actor))

    def contact_groups(self, person_id: str, actor: Actor) -> list[ContactGroupPeriod]:
        """All the person's contact-group periods, oldest first."""
        path = f"/persons/{quote(person_id, safe='')}/contact-groups"
        data = self._request("GET", path, actor=actor)
        return [_period(period) for period in data["periods"]]

    def audit_log(self, person_id: str, actor: Actor, **filters: Any) -> list[AuditEntry]:
        """Who read or changed the person's data, newest first: one page (`audit_log_page`'s
        filters, without its cursor)."""
        entries, _next_before = self.audit_log_page(person_id, actor, **filters)
        return entries

    def audit_log_page(
        self,
        person_id: str,
        actor: Actor,
        *,
        date_from: date | None = None,
        date_to: date | None = None,
        actor_type: str | None = None,
        limit: int | None = None,
        before: int | None = None,
    ) -> tuple[list[AuditEntry], int | None]:
        """At most `limit` entries, newest first, older than the entry `before` when given;
        and the `before` that asks for the next older page (None: there are none)."""
        params = {
            "from": date_from.isoformat() if date_from else None,
            "to": date_to.isoformat() if date_to else None,
            "actor_type": actor_type,
            "limit": str(limit) if limit is not None else None,
            "before": str(before) if before is not None else None,
        }
        path = f"/persons/{quote(person_id, safe='')}/audit-log"
        data = self._request(
            "GET",
            path,
            actor=actor,
            params={name: value for name, value in params.items() if value is not None},
        )
        next_before = data.get("next_before")
        return (
            [_audit_entry(entry) for entry in data["entries"]],
            int(next_before) if next_before is not None else None,
        )

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

    def send_command(
        self,
        method: str,
        path: str,
        body: dict[str, Any],
        *,
        actor: Actor,
        idempotency_key: str,
        timeout: float | None = None,
    ) -> dict[str, Any]:
        """Send a stored command (see `jobnet.clients.dfdg_commands`); DFDG's JSON answer.

        `path` is relative to /api/v1. Raises DfdgUnavailable (not reached, timed out, 5xx:
        try again with the same key), DfdgConflict (the same key is still in progress: try
        again), DfdgRejected (400/422, with `.code` and `.errors`), DfdgForbidden, DfdgNotFound.
        `timeout`: a shorter limit than the client's for this one call (a send's budget).
        """
        if not path.startswith("/"):
            raise ValueError("a command's path starts with / (relative to /api/v1)")
        answer = self._request(
            method.upper(),
            path,
            actor=actor,
            json=body,
            idempotency_key=idempotency_key,
            timeout=timeout,
        )
        if not isinstance(answer, dict):
            raise DfdgError("DFDG answered a command with something other than a JSON object")
        return answer

    def organisations(self) -> list[Organisation]:
        data = self._request("GET", "/organisations")
        return [_organisation(org) for org in data["organisations"]]

    def organisation(self, cvr: str) -> Organisation:
        return _organisation(self._request("GET", f"/organisations/{quote(cvr, safe='')}"))

    def export(self, person_id: str, actor: Actor) -> PersonExport:
        """Everything DFDG holds about the person, by category (itself an audited read)."""
        path = f"/persons/{quote(person_id, safe='')}/export"
        return _export(self._request("GET", path, actor=actor))

    def record_history(
        self, person_id: str, record_type: str, record_id: str, actor: Actor
    ) -> RecordHistory:
        """The versions of one of the person's records; DfdgNotFound for anyone else's."""
        parts = (person_id, record_type, record_id)
        path = "/persons/{}/history/{}/{}".format(*(quote(part, safe="") for part in parts))
        return _record_history(self._request("GET", path, actor=actor))

    def insight_requests(self, person_id: str, actor: Actor) -> list[InsightRequest]:
        """The person's formal requests for access, newest first."""
        path = f"/persons/{quote(person_id, safe='')}/insight-requests"
        data = self._request("GET", path, actor=actor)
        return [_insight_request(item) for item in data["requests"]]

    # --- job plans and summons (see jobnet.clients.dfdg_plans) ---

    def current_plan(self, person_id: str, actor: Actor) -> dfdg_plans.JobPlan | None:
        """The person's current job plan with its list of revisions; None when there is none."""
        data = self._request("GET", f"/persons/{quote(person_id, safe='')}/plan", actor=actor)
        return dfdg_plans.plan_from_json(data["plan"]) if data.get("plan") else None

    def plan_revision(self, person_id: str, number: int, actor: Actor) -> dfdg_plans.PlanVersion:
        """One version of the plan (1 is the plan as created); DfdgNotFound when none."""
        path = f"/persons/{quote(person_id, safe='')}/plan/revisions/{int(number)}"
        return dfdg_plans.plan_version_from_json(self._request("GET", path, actor=actor))

    def create_plan(
        self, person_id: str, plan: dfdg_plans.PlanInput, *, actor: Actor, idempotency_key: str
    ) -> dfdg_plans.JobPlan:
        """Create the person's plan (a caseworker of the person's job centre)."""
        path = f"/persons/{quote(person_id, safe='')}/plans"
        body = dfdg_plans.plan_body(plan)
        data = self.send_command("POST", path, body, actor=actor, idempotency_key=idempotency_key)
        return dfdg_plans.plan_from_json(data)

    def revise_plan(
        self, person_id: str, plan: dfdg_plans.PlanInput, *, actor: Actor, idempotency_key: str
    ) -> dfdg_plans.JobPlan:
        """Revise the plan: a new version; the earlier ones are kept."""
        path = f"/persons/{quote(person_id, safe='')}/plan/revisions"
        body = dfdg_plans.plan_body(plan)
        data = self.send_command("POST", path, body, actor=actor, idempotency_key=idempotency_key)
        return dfdg_plans.plan_from_json(data)

    def front_page(
        self, person_id: str, actor: Actor
    ) -> tuple[PersonStatus, dfdg_plans.SummonsOverview]:
        """Min side in one call: the status and the upcoming interviews (no change history)."""
        answer, interviews = self.front_page_answer(person_id, actor)
        return parse_status(answer), interviews

    def front_page_answer(
        self, person_id: str, actor: Actor
    ) -> tuple[dict[str, Any], dfdg_plans.SummonsOverview]:
        """`front_page` with the status as DFDG's JSON, for keeping; `parse_status` reads it."""
        path = f"/persons/{quote(person_id, safe='')}/front-page"
        data = self._request("GET", path, actor=actor)
        return dict(data["status"]), dfdg_plans.overview_from_json(data["interviews"])

    def summons_overview(self, person_id: str, actor: Actor) -> dfdg_plans.SummonsOverview:
        """The person's summons: upcoming (soonest first) and past (newest first)."""
        path = f"/persons/{quote(person_id, safe='')}/summons"
        return dfdg_plans.overview_from_json(self._request("GET", path, actor=actor))

    def summons(self, person_id: str, summons_id: str, actor: Actor) -> dfdg_plans.Summons:
        """One summons of the person with its changes; DfdgNotFound for anyone else's."""
        path = f"/persons/{quote(person_id, safe='')}/summons/{quote(summons_id, safe='')}"
        return dfdg_plans.summons_from_json(self._request("GET", path, actor=actor))

    def create_summons(
        self,
        person_id: str,
        summons: dfdg_plans.SummonsInput,
        *,
        actor: Actor,
        idempotency_key: str,
    ) -> dfdg_plans.Summons:
        path = f"/persons/{quote(person_id, safe='')}/summons"
        body = dfdg_plans.summons_body(summons)
        data = self.send_command("POST", path, body, actor=actor, idempotency_key=idempotency_key)
        return dfdg_plans.summons_from_json(data)

    def move_summons(
        self,
        person_id: str,
        summons_id: str,
        move: dfdg_plans.SummonsMoveInput,
        *,
        actor: Actor,
        idempotency_key: str,
    ) -> dfdg_plans.Summons:
        path = f"/persons/{quote(person_id, safe='')}/summons/{quote(summons_id, safe='')}/move"
        body = dfdg_plans.move_body(move)
        data = self.send_command("POST", path, body, actor=actor, idempotency_key=idempotency_key)
        return dfdg_plans.summons_from_json(data)

    def cancel_summons(
        self,
        person_id: str,
        summons_id: str,
        cancellation: dfdg_plans.SummonsCancellationInput,
        *,
        actor: Actor,
        idempotency_key: str,
    ) -> dfdg_plans.Summons:
        summons_path = f"/persons/{quote(person_id, safe='')}/summons/{quote(summons_id, safe='')}"
        body = dfdg_plans.cancellation_body(cancellation)
        data = self.send_command(
            "POST",
            summons_path + "/cancellation",
            body,
            actor=actor,
            idempotency_key=idempotency_key,
        )
        return dfdg_plans.summons_from_json(data)

    def organisation_summons(
        self, cvr: str, day: date | None, actor: Actor
    ) -> list[dfdg_plans.DaySummons]:
        """The job centre's interviews on a Danish day, DFDG's today when `day` is None (its
        own caseworkers only; each person listed is audited)."""
        path = f"/organisations/{quote(cvr, safe='')}/summons"
        params = {"date": day.isoformat()} if day is not None else None
        data = self._request("GET", path, actor=actor, params=params)
        return dfdg_plans.day_summons_from_json(data)

    def statistics_measures(self) -> StatisticsCatalogue:
        """The public statistics' measures and the months they cover."""
        return _statistics_catalogue(self._request("GET", "/statistics/measures"))

    def statistics(
        self,
        measure: str,
        month_from: date | None = None,
        month_to: date | None = None,
        municipality: str | None = None,
    ) -> StatisticsTable:
        """Published monthly figures (suppressed ones without a value)."""
        params = _statistics_params(measure, month_from, month_to, municipality)
        return _statistics_table(self._request("GET", "/statistics", params=params))

    # --- CV and job log (see jobnet.clients.dfdg_cv; changes are commands via the outbox) ---

    def cv(self, person_id: str, actor: Actor) -> dfdg_cv.Cv:
        """The person's CV; an empty one (`exists` False) when they have none yet."""
        path = f"/persons/{quote(person_id, safe='')}/cv"
        return dfdg_cv.parse_cv(self._request("GET", path, actor=actor))

    def joblog(self, person_id: str, actor: Actor) -> dfdg_cv.Joblog:
        """The person's job log (entries newest first) and DFDG's today."""
        path = f"/persons/{quote(person_id, safe='')}/joblog"
        return dfdg_cv.parse_joblog(self._request("GET", path, actor=actor))

    def joblog_entry(self, person_id: str, entry_id: str, actor: Actor) -> dfdg_cv.JoblogEntry:
        """One entry of the person's job log; DfdgNotFound for anyone else's or a deleted one."""
        path = f"/persons/{quote(person_id, safe='')}/joblog/{quote(entry_id, safe='')}"
        return dfdg_cv.parse_joblog_entry(self._request("GET", path, actor=actor))


def get_dfdg_client() -> DfdgClient:
    """The app's DFDG client (made in create_app)."""
    return current_app.extensions["dfdg_client"]


# Plans and summons parse with RecordedBy above, so they are imported last.
from jobnet.clients import dfdg_plans  # noqa: E402
