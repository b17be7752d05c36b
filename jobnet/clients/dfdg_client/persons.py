"""Persons, their contact groups, the access log and the organisations DFDG knows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from jobnet.clients.dfdg_client.calls import Calls
from jobnet.clients.dfdg_client.errors import (
    DfdgNotFound,
)
from jobnet.clients.dfdg_client.values import (
    Actor,
    Health,
    optional_date,
)


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


def _period(data: Mapping[str, Any]) -> ContactGroupPeriod:
    return ContactGroupPeriod(
        contact_group=int(data["contact_group"]),
        match_group=data.get("match_group"),
        start_date=date.fromisoformat(data["start_date"]),
        end_date=optional_date(data.get("end_date")),
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


def _organisation(data: Mapping[str, Any]) -> Organisation:
    return Organisation(
        id=data["id"],
        kind=data["kind"],
        name=data["name"],
        cvr=data["cvr"],
        municipality_code=data.get("municipality_code"),
    )


class PersonCalls(Calls):
    """Who a person is, their contact groups and who has seen their data."""

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

    def organisations(self) -> list[Organisation]:
        data = self._request("GET", "/organisations")
        return [_organisation(org) for org in data["organisations"]]

    def organisation(self, cvr: str) -> Organisation:
        return _organisation(self._request("GET", f"/organisations/{quote(cvr, safe='')}"))
