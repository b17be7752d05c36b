"""The export's categories of the records DFDG has today, registered with `jobnet.dfdg.insight`.

Master data, contact and match groups, registrations, absences, the access log (two years) and
requests for access. Registrations, absences and requests for access also have a history: their
versions, built from the record's own created/ended columns and from the audit entries written
in the same transaction (the channel, connected system and stated purpose of each change).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy.orm import Session

from jobnet.dfdg import clock
from jobnet.dfdg.actor import current_actor
from jobnet.dfdg.api.records import NO_PERSON, absence_out, registration_out
from jobnet.dfdg.audit import OK
from jobnet.dfdg.insight import ExportContext, register_category, visible_address
from jobnet.dfdg.models.audit import AuditEntry
from jobnet.dfdg.models.insight import InsightRequest
from jobnet.dfdg.models.registrations import Absence, Registration
from jobnet.dfdg.queries import absences as absence_queries
from jobnet.dfdg.queries import audit as audit_queries
from jobnet.dfdg.queries import insight as insight_queries
from jobnet.dfdg.queries import persons as person_queries
from jobnet.dfdg.queries import registrations as registration_queries
from jobnet.dfdg.rules import refuse_not_found
from jobnet.dfdg.schemas.base import ActorOut
from jobnet.dfdg.schemas.insight import InsightRequestOut, MasterDataOut, RecordVersion
from jobnet.dfdg.schemas.persons import AuditEntryOut, ContactGroupPeriodOut
from jobnet.dfdg.schemas.registrations import AbsenceOut, RegistrationOut
from jobnet.domain.codes import ActorType
from jobnet.domain.cpr import birth_date
from jobnet.domain.insight import audit_log_oldest_day

# The audit actions that change each kind of record.
REGISTRATION_ACTIONS = ("registration.create", "registration.deregister")
ABSENCE_ACTIONS = ("absence.create", "absence.recover", "absence.cancel")
INSIGHT_REQUEST_CREATE = "insight_request.create"


def audit_entry_out(entry: AuditEntry, names: Mapping[str, str]) -> AuditEntryOut:
    out = AuditEntryOut.model_validate(entry)
    organisation = entry.organisation
    return out.model_copy(update={"organisation_name": names.get(organisation or "")})


def audit_entries_out(context_names: Any, entries: Sequence[AuditEntry]) -> list[AuditEntryOut]:
    names = context_names([entry.organisation for entry in entries])
    return [audit_entry_out(entry, names) for entry in entries]


def insight_request_out(request: InsightRequest, names: Mapping[str, str]) -> InsightRequestOut:
    organisation = request.created_by_organisation
    created_by = ActorOut(
        type=request.created_by_type,
        name=request.created_by_name,
        organisation=organisation,
        organisation_name=names.get(organisation) if organisation else None,
    )
    return InsightRequestOut(
        id=request.id,
        person_id=request.person_id,
        reference=request.reference,
        received_on=request.received_on,
        deadline=request.deadline,
        note=request.note,
        source_reference=request.source_reference,
        created_at=request.created_at,
        created_by=created_by,
    )


# --- access -------------------------------------------------------------------------------


def refuse_someone_else(session: Session, person_id: str, action: str) -> None:
    """An audited 404 when a citizen asks for another person's data (an id changed by hand):
    the same answer as for an unknown person, so it tells nothing about the other person."""
    actor = current_actor()
    if actor.type == ActorType.CITIZEN and actor.id is not None and actor.id != person_id:
        refuse_not_found(session, action, None, NO_PERSON)


# --- collect ------------------------------------------------------------------------------


def _master_data(context: ExportContext) -> MasterDataOut:
    person = context.person
    street, postcode, city = visible_address(person, context.actor)
    return MasterDataOut(
        person_id=person.id,
        cpr=person.cpr,
        birth_date=birth_date(person.cpr),
        given_name=person.given_name,
        family_name=person.family_name,
        street=street,
        postcode=postcode,
        city=city,
        municipality_code=person.municipality_code,
        address_protected=person.address_protected,
        created_at=person.created_at,
    )


def _contact_groups(context: ExportContext) -> list[ContactGroupPeriodOut]:
    periods = person_queries.contact_group_periods(context.session, context.person.id)
    return [ContactGroupPeriodOut.model_validate(period) for period in periods]


def _registration_names(context: ExportContext, records: Sequence[Registration]) -> Any:
    cvrs = [r.created_by_organisation for r in records]
    cvrs += [r.deregistered_by_organisation for r in records]
    return context.organisation_names(cvrs)


def _registrations(context: ExportContext) -> list[BaseModel]:
    records = registration_queries.history(context.session, context.person.id)
    names = _registration_names(context, records)
    return [registration_out(record, names) for record in records]


def _absence_names(context: ExportContext, records: Sequence[Absence]) -> Any:
    cvrs = [a.created_by_organisation for a in records] + [a.ended_by_organisation for a in records]
    return context.organisation_names(cvrs)


def _absences(context: ExportContext) -> list[BaseModel]:
    records = absence_queries.history(context.session, context.person.id)
    names = _absence_names(context, records)
    return [absence_out(record, names) for record in records]


def _audit_log(context: ExportContext) -> list[AuditEntryOut]:
    since = clock.start_of_day(audit_log_oldest_day(context.today))
    audit_filter = audit_queries.AuditFilter(at_or_after=since, limit=100_000)
    entries = audit_queries.entries_for_person(context.session, context.person.id, audit_filter)
    return audit_entries_out(context.organisation_names, entries)


def _insight_requests(context: ExportContext) -> list[InsightRequestOut]:
    requests = insight_queries.requests_for_person(context.session, context.person.id)
    names = context.organisation_names([r.created_by_organisation for r in requests])
    return [insight_request_out(request, names) for request in requests]


# --- history ------------------------------------------------------------------------------


def matching_entry(
    entries: Sequence[AuditEntry], action: str, at: datetime, by_type: str, actor_id: str | None
) -> AuditEntry | None:
    """The successful audit entry of `action` by this actor nearest to `at` (the same change)."""
    candidates = [
        entry
        for entry in entries
        if entry.action == action
        and entry.outcome == OK
        and entry.actor_type == by_type
        and entry.actor_id == actor_id
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda entry: abs((entry.at - at).total_seconds()))


class _Versions:
    """Collects a record's versions; each change is matched to its audit entry."""

    def __init__(self, context: ExportContext, actions: Sequence[str], moments: list[Any]) -> None:
        self.entries = insight_queries.change_entries(
            context.session, context.person.id, actions, moments
        )
        self.versions: list[RecordVersion] = []

    def _entry(self, action: str, at: datetime, by: ActorOut, actor_id: str | None) -> Any:
        return matching_entry(self.entries, action, at, by.type, actor_id)

    def add(
        self,
        change: str,
        action: str,
        at: datetime,
        by: ActorOut,
        actor_id: str | None,
        reference: str | None,
        values: BaseModel,
    ) -> None:
        entry = self._entry(action, at, by, actor_id)
        self.versions.append(
            RecordVersion(
                version=len(self.versions) + 1,
                change=change,
                at=at,
                by=by,
                reference=reference,
                channel=entry.channel if entry else None,
                system=entry.system if entry else None,
                purpose=entry.purpose if entry else None,
                values=values.model_dump(mode="json"),
            )
        )


def _registration_history(context: ExportContext, record_id: str) -> list[RecordVersion] | None:
    record = next(
        (
            item
            for item in registration_queries.history(context.session, context.person.id)
            if item.id == record_id
        ),
        None,
    )
    if record is None:
        return None
    names = _registration_names(context, [record])
    now = registration_out(record, names)
    versions = _Versions(
        context, REGISTRATION_ACTIONS, [record.registered_at, record.deregistered_at]
    )
    first = now.model_copy(
        update={
            "end_date": None,
            "deregistration_reason": None,
            "deregistration_other_text": None,
            "deregistered_at": None,
            "deregistered_by": None,
            "deregistration_reference": None,
        }
    )
    versions.add(
        "created",
        REGISTRATION_ACTIONS[0],
        record.registered_at,
        now.created_by,
        record.created_by_id,
        record.source_reference,
        first,
    )
    if record.deregistered_at is not None and now.deregistered_by is not None:
        versions.add(
            "deregistered",
            REGISTRATION_ACTIONS[1],
            record.deregistered_at,
            now.deregistered_by,
            record.deregistered_by_id,
            record.deregistration_reference,
            now,
        )
    return versions.versions


def _absence_history(context: ExportContext, record_id: str) -> list[RecordVersion] | None:
    record = absence_queries.of_person(context.session, context.person.id, record_id)
    if record is None:
        return None
    now = absence_out(record, _absence_names(context, [record]))
    versions = _Versions(context, ABSENCE_ACTIONS, [record.created_at, record.ended_at])
    cancelled = record.cancelled_at is not None
    first_last_day = record.last_day if cancelled or record.fit_day is None else None
    first = now.model_copy(
        update={
            "last_day": first_last_day,
            "fit_day": None,
            "status": absence_queries.ACTIVE,
            "ended_at": None,
            "cancelled_at": None,
            "ended_by": None,
            "end_reference": None,
        }
    )
    versions.add(
        "created",
        ABSENCE_ACTIONS[0],
        record.created_at,
        now.created_by,
        record.created_by_id,
        record.source_reference,
        first,
    )
    if record.ended_at is not None and now.ended_by is not None:
        change, action = ("cancelled", ABSENCE_ACTIONS[2])
        if not cancelled:
            change, action = ("recovered", ABSENCE_ACTIONS[1])
        versions.add(
            change,
            action,
            record.ended_at,
            now.ended_by,
            record.ended_by_id,
            record.end_reference,
            now,
        )
    return versions.versions


def _insight_request_history(context: ExportContext, record_id: str) -> list[RecordVersion] | None:
    record = insight_queries.request_of_person(context.session, context.person.id, record_id)
    if record is None:
        return None
    now = insight_request_out(record, context.organisation_names([record.created_by_organisation]))
    versions = _Versions(context, (INSIGHT_REQUEST_CREATE,), [record.created_at])
    versions.add(
        "created",
        INSIGHT_REQUEST_CREATE,
        record.created_at,
        now.created_by,
        record.created_by_id,
        record.source_reference,
        now,
    )
    return versions.versions


register_category(
    "master_data",
    _master_data,
    model=MasterDataOut,
    title="CPR master data: CPR number, name, address (unless protected), municipality",
    single=True,
)
register_category(
    "contact_groups",
    _contact_groups,
    model=ContactGroupPeriodOut,
    title="Contact-group periods with their match groups, oldest first",
)
register_category(
    "registrations",
    _registrations,
    _registration_history,
    model=RegistrationOut,
    title="Registrations as a jobseeker and their deregistrations, newest first",
)
register_category(
    "absences",
    _absences,
    _absence_history,
    model=AbsenceOut,
    title="Absences and exemptions (sickness, holiday, ...), cancelled ones included, newest first",
)
register_category(
    "audit_log",
    _audit_log,
    model=AuditEntryOut,
    title="Who read or changed the person's data in the last two years, newest first",
)
register_category(
    "insight_requests",
    _insight_requests,
    _insight_request_history,
    model=InsightRequestOut,
    title="Formal requests for access (GDPR art. 15), newest first",
)
