"""Persons, their contact groups, the access log and the organisations DFDG knows."""

from __future__ import annotations

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
    Value,
    optional_date,
    parse,
)


class ContactGroupPeriod(Value):
    contact_group: int
    match_group: int | None = None
    start_date: date
    end_date: date | None = None


class Person(Value):
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
    created_at: datetime
    current_contact_group: ContactGroupPeriod | None = None

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"


class AuditEntry(Value):
    id: int
    at: datetime
    action: str
    outcome: str
    actor_type: str
    actor_id: str | None = None
    actor_name: str | None = None
    organisation: str | None = None
    on_behalf_of: str | None = None
    purpose: str | None = None
    channel: str
    system: str
    organisation_name: str | None = None


class Organisation(Value):
    id: str
    kind: str
    name: str
    cvr: str
    municipality_code: str | None = None


def _cpr_claim(actor: Actor, cpr: str) -> str | None:
    """The CPR number a citizen not yet known by id proves in the assertion (at login)."""
    return cpr if actor.type == "citizen" and actor.id is None else None


class PersonCalls(Calls):
    """Who a person is, their contact groups and who has seen their data."""

    def health(self) -> Health:
        data = self._request("GET", "/health")
        return Health(status=data["status"], database=data["database"])

    def lookup_person(self, cpr: str, actor: Actor) -> str | None:
        """DFDG's person id for a CPR number, or None when DFDG has no such person."""
        try:
            data = self._request(
                "POST",
                "/persons/lookup",
                actor=actor,
                json={"cpr": cpr},
                reads_only=True,
                cpr=_cpr_claim(actor, cpr),
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
            "POST",
            "/persons",
            actor=actor,
            json=body,
            idempotency_key=idempotency_key,
            cpr=_cpr_claim(actor, cpr),
        )
        return parse(Person, data)

    def get_person(self, person_id: str, actor: Actor) -> Person:
        return parse(
            Person, self._request("GET", f"/persons/{quote(person_id, safe='')}", actor=actor)
        )

    def contact_groups(self, person_id: str, actor: Actor) -> list[ContactGroupPeriod]:
        """All the person's contact-group periods, oldest first."""
        path = f"/persons/{quote(person_id, safe='')}/contact-groups"
        data = self._request("GET", path, actor=actor)
        return [parse(ContactGroupPeriod, period) for period in data["periods"]]

    def contact_group_since(self, person_id: str, actor: Actor) -> date | None:
        """The day the person's contact group today began (None: in no group today)."""
        path = f"/persons/{quote(person_id, safe='')}/contact-groups"
        return optional_date(self._request("GET", path, actor=actor).get("group_since"))

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
            [parse(AuditEntry, entry) for entry in data["entries"]],
            int(next_before) if next_before is not None else None,
        )

    def organisations(self) -> list[Organisation]:
        data = self._request("GET", "/organisations")
        return [parse(Organisation, org) for org in data["organisations"]]

    def organisation(self, cvr: str) -> Organisation:
        return parse(Organisation, self._request("GET", f"/organisations/{quote(cvr, safe='')}"))
