"""The export's category of events sent to the person's unemployment insurance fund (issue 24),
and an event's history: recorded (by whom), then received by the fund's system (when, how)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from jobnet.dfdg.api.fund_access import acting_fund
from jobnet.dfdg.api.fund_events import events_out
from jobnet.dfdg.insight import ExportContext, register_category
from jobnet.dfdg.queries import fund_events as event_queries
from jobnet.dfdg.schemas.base import ActorOut
from jobnet.dfdg.schemas.fund_events import FundEventOut
from jobnet.dfdg.schemas.insight import RecordVersion


def _fund_id(context: ExportContext) -> str | None:
    """A fund's employee sees only the events sent to their own fund."""
    fund = acting_fund(context.session, context.actor)
    return fund.id if fund is not None else None


def _events(context: ExportContext) -> list[BaseModel]:
    events = event_queries.of_person(context.session, context.person.id, _fund_id(context))
    return list(events_out(context.session, events))


def _values(event: FundEventOut) -> dict[str, Any]:
    values: dict[str, Any] = {
        "type": event.type.value,
        "event_date": event.event_date.isoformat(),
        "cause": event.cause,
        "comment": event.comment,
        "fund": event.fund.name,
    }
    if event.offer is not None:
        offer = event.offer.model_dump(mode="json")
        values.update({f"offer_{name}": value for name, value in offer.items()})
    return {name: value for name, value in values.items() if value is not None}


def _history(context: ExportContext, record_id: str) -> list[RecordVersion] | None:
    events = [
        event
        for event in event_queries.of_person(context.session, context.person.id, _fund_id(context))
        if event.id == record_id
    ]
    if not events:
        return None
    [out] = events_out(context.session, events)
    values = _values(out)
    versions = [
        RecordVersion(
            version=1,
            change="created",
            at=out.recorded_at,
            by=out.recorded_by,
            reference=events[0].source_reference,
            channel=None,
            system=None,
            purpose=None,
            values=values,
        )
    ]
    if out.delivered_at is not None:
        versions.append(
            RecordVersion(
                version=2,
                change="delivered",
                at=out.delivered_at,
                by=ActorOut(
                    type="system",
                    name=out.fund.name,
                    organisation=out.fund.cvr,
                    organisation_name=out.fund.name,
                ),
                reference=None,
                channel=None,
                system=None,
                purpose=None,
                values={**values, "delivered_via": out.delivered_via},
            )
        )
    return versions


register_category(
    "fund_events",
    _events,
    _history,
    model=FundEventOut,
    title="Events the job centre sent to your unemployment insurance fund (chapter 11), newest "
    "first, each with the fund that received it and when",
)
