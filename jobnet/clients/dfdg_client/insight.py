"""Insight: the export, record history, requests for access and the access log a page at a time."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from pydantic import TypeAdapter, field_validator, model_validator

from jobnet.clients.dfdg_client.calls import Calls
from jobnet.clients.dfdg_client.commands import Command
from jobnet.clients.dfdg_client.persons import AuditEntry, ContactGroupPeriod, PersonCalls
from jobnet.clients.dfdg_client.status import Absence, Registration
from jobnet.clients.dfdg_client.values import Actor, RecordedBy, Value, parse

INSIGHT_REQUEST = "insight_request"


AUDIT_LOG_MAX_PAGE = 1000  # the most entries DFDG gives in one page


class MasterData(Value):
    """CPR master data; the address is None when it is protected and the reader is not you."""

    person_id: str
    cpr: str
    birth_date: date
    given_name: str
    family_name: str
    street: str | None = None
    postcode: str | None = None
    city: str | None = None
    municipality_code: str | None = None
    address_protected: bool

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"


class InsightRequest(Value):
    id: str
    reference: str
    received_on: date
    deadline: date
    note: str | None = None
    source_reference: str | None = None
    created_at: datetime


class RecordVersion(Value):
    version: int
    # created, updated, deregistered, recovered, cancelled, ended, deleted; for the CV and the
    # plan also removed (an entry taken off), assessed (the job centre's approval), revised
    change: str
    at: datetime
    by: RecordedBy
    reference: str | None = None
    channel: str | None = None
    purpose: str | None = None
    values: dict[str, Any] = {}

    @field_validator("values", mode="before")
    @classmethod
    def _no_values(cls, values: Any) -> Any:
        return {} if values is None else values


class RecordHistory(Value):
    record_type: str
    record_id: str
    versions: tuple[RecordVersion, ...]


class _InsightRequests(Value):
    requests: tuple[InsightRequest, ...]


# The export's categories this module reads (the others are kept as DFDG's JSON); built once.
_EXPORT_CATEGORIES: dict[str, TypeAdapter[Any]] = {
    "master_data": TypeAdapter(MasterData | None),
    "contact_groups": TypeAdapter(list[ContactGroupPeriod]),
    "registrations": TypeAdapter(list[Registration]),
    "absences": TypeAdapter(list[Absence]),
    "audit_log": TypeAdapter(list[AuditEntry]),
    "insight_requests": TypeAdapter(list[InsightRequest]),
}


class PersonExport(Value):
    """Everything DFDG holds about the person. `categories` keeps DFDG's order; the categories
    this module knows are parsed, others are kept as DFDG's JSON. `document` is the whole JSON,
    as DFDG made it, for the download."""

    format: str
    version: str
    generated_at: datetime
    person_id: str
    address_shown: bool
    categories: dict[str, Any] = {}
    document: dict[str, Any] = {}

    @model_validator(mode="before")
    @classmethod
    def _kept_whole(cls, data: Any) -> Any:
        """DFDG's answer kept whole as `document`."""
        if isinstance(data, Mapping) and "document" not in data:
            return {**data, "document": data}
        return data

    @field_validator("categories", mode="before")
    @classmethod
    def _known_categories(cls, categories: Any) -> Any:
        if categories is None:
            return {}
        if not isinstance(categories, Mapping):
            return categories
        return {name: _category(name, records) for name, records in categories.items()}


def _category(name: str, records: Any) -> Any:
    """An export category parsed when this module knows it (no master data: None)."""
    adapter = _EXPORT_CATEGORIES.get(name)
    if adapter is None:
        return records
    return adapter.validate_python(records or None if name == "master_data" else records)


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


class InsightCalls(Calls):
    """What DFDG holds about the person, and its history."""

    def export(self, person_id: str, actor: Actor) -> PersonExport:
        """Everything DFDG holds about the person, by category (itself an audited read)."""
        path = f"/persons/{quote(person_id, safe='')}/export"
        return parse(PersonExport, self._request("GET", path, actor=actor))

    def record_history(
        self, person_id: str, record_type: str, record_id: str, actor: Actor
    ) -> RecordHistory:
        """The versions of one of the person's records; DfdgNotFound for anyone else's."""
        parts = (person_id, record_type, record_id)
        path = "/persons/{}/history/{}/{}".format(*(quote(part, safe="") for part in parts))
        return parse(RecordHistory, self._request("GET", path, actor=actor))

    def insight_requests(self, person_id: str, actor: Actor) -> list[InsightRequest]:
        """The person's formal requests for access, newest first."""
        path = f"/persons/{quote(person_id, safe='')}/insight-requests"
        return list(parse(_InsightRequests, self._request("GET", path, actor=actor)).requests)
