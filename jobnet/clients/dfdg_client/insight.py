"""Insight: the export, record history, requests for access and the access log a page at a time."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from jobnet.clients.dfdg_client.calls import Calls
from jobnet.clients.dfdg_client.commands import Command
from jobnet.clients.dfdg_client.persons import (
    AuditEntry,
    PersonCalls,
    _audit_entry,
    _period,
)
from jobnet.clients.dfdg_client.status import _absence, _registration
from jobnet.clients.dfdg_client.values import (
    Actor,
    created_by,
)

INSIGHT_REQUEST = "insight_request"


AUDIT_LOG_MAX_PAGE = 1000  # the most entries DFDG gives in one page


@dataclass(frozen=True)
class MasterData:
    """CPR master data; the address is None when it is protected and the reader is not you."""

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

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"


@dataclass(frozen=True)
class InsightRequest:
    id: str
    reference: str
    received_on: date
    deadline: date
    note: str | None
    source_reference: str | None
    created_at: datetime


@dataclass(frozen=True)
class RecordVersion:
    version: int
    # created, updated, deregistered, recovered, cancelled, ended, deleted; for the CV and the
    # plan also removed (an entry taken off), assessed (the job centre's approval), revised
    change: str
    at: datetime
    by: Any  # jobnet.clients.dfdg.RecordedBy
    reference: str | None
    channel: str | None
    purpose: str | None
    values: Mapping[str, Any]


@dataclass(frozen=True)
class RecordHistory:
    record_type: str
    record_id: str
    versions: tuple[RecordVersion, ...]


@dataclass(frozen=True)
class PersonExport:
    """Everything DFDG holds about the person. `categories` keeps DFDG's order; the categories
    this module knows are parsed, others are kept as DFDG's JSON. `document` is the whole JSON,
    as DFDG made it, for the download."""

    format: str
    version: str
    generated_at: datetime
    person_id: str
    address_shown: bool
    categories: dict[str, Any] = field(default_factory=dict)
    document: Mapping[str, Any] = field(default_factory=dict)


def master_data(data: Mapping[str, Any]) -> MasterData:
    return MasterData(
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
    )


def insight_request(data: Mapping[str, Any]) -> InsightRequest:
    return InsightRequest(
        id=data["id"],
        reference=data["reference"],
        received_on=date.fromisoformat(data["received_on"]),
        deadline=date.fromisoformat(data["deadline"]),
        note=data.get("note"),
        source_reference=data.get("source_reference"),
        created_at=datetime.fromisoformat(data["created_at"]),
    )


def insight_request_command(
    person_id: str, received_on: date, note: str | None, reference: str | None
) -> Command:
    """File a formal request for access (GDPR art. 15), received on `received_on`, in DFDG."""
    body: dict[str, Any] = {"received_on": received_on.isoformat()}
    if note:
        body["note"] = note
    if reference:
        body["reference"] = reference
    path = f"/persons/{quote(person_id, safe='')}/insight-requests"
    return Command(INSIGHT_REQUEST, "POST", path, body)


@dataclass(frozen=True)
class AuditLogFilter:
    date_from: date | None = None
    date_to: date | None = None
    actor_type: str | None = None


@dataclass(frozen=True)
class AuditLogPage:
    """Entries newest first; `next_before` asks for the older ones (None: there are none)."""

    entries: tuple[AuditEntry, ...]
    next_before: int | None


def audit_log_page(
    client: PersonCalls,
    person_id: str,
    actor: Actor,
    audit_filter: AuditLogFilter,
    *,
    limit: int,
    before: int | None = None,
) -> AuditLogPage:
    """One page of who read or changed the person's data: at most `limit` entries, older than
    the entry `before` when given."""
    entries, next_before = client.audit_log_page(
        person_id,
        actor,
        date_from=audit_filter.date_from,
        date_to=audit_filter.date_to,
        actor_type=audit_filter.actor_type,
        limit=limit,
        before=before,
    )
    return AuditLogPage(entries=tuple(entries), next_before=next_before)


def whole_audit_log(
    client: PersonCalls, person_id: str, actor: Actor, audit_filter: AuditLogFilter
) -> Iterator[AuditEntry]:
    """Every entry of the filter's period, newest first, read from DFDG page by page."""
    before: int | None = None
    while True:
        page = audit_log_page(
            client, person_id, actor, audit_filter, limit=AUDIT_LOG_MAX_PAGE, before=before
        )
        yield from page.entries
        if page.next_before is None:
            return
        before = page.next_before


_EXPORT_PARSERS: dict[str, Any] = {
    "contact_groups": _period,
    "registrations": _registration,
    "absences": _absence,
    "audit_log": _audit_entry,
    "insight_requests": insight_request,
}


def _export(data: Mapping[str, Any]) -> PersonExport:
    """DFDG's export; known categories parsed, the others kept as JSON."""
    categories: dict[str, Any] = {}
    for name, records in (data.get("categories") or {}).items():
        parse = _EXPORT_PARSERS.get(name)
        if name == "master_data":
            categories[name] = master_data(records) if records else None
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
                by=created_by(item["by"]),
                reference=item.get("reference"),
                channel=item.get("channel"),
                purpose=item.get("purpose"),
                values=item.get("values") or {},
            )
            for item in data["versions"]
        ),
    )


class InsightCalls(Calls):
    """What DFDG holds about the person, and its history."""

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
        return [insight_request(item) for item in data["requests"]]
