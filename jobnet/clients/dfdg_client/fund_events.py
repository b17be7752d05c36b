"""Events for the unemployment insurance funds (issue 24) as the web app sees them: the job
centre's report, and the list a person (or a fund's employee) reads with who received each."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from jobnet.clients.dfdg_client.calls import Calls
from jobnet.clients.dfdg_client.commands import Command, person_path, with_reference
from jobnet.clients.dfdg_client.values import Actor, RecordedBy, Value, parse

FUND_EVENT = "fund_event"
NO_SHOW = "fund_no_show"


class OfferDetails(Value):
    company_cvr: str | None = None
    company_name: str | None = None
    status: str | None = None
    granted_on: date | None = None
    start_date: date | None = None
    end_date: date | None = None
    weekly_hours: float | None = None


class FundRef(Value):
    cvr: str
    name: str


class FundEventItem(Value):
    id: str
    type: str
    source: str
    event_date: date
    cause: str | None = None
    comment: str | None = None
    offer: OfferDetails | None = None
    summons_id: str | None = None
    booking_request_id: str | None = None
    recorded_at: datetime
    recorded_by: RecordedBy
    fund: FundRef
    delivered_at: datetime | None = None
    delivered_via: str | None = None


class FundEventList(Value):
    events: tuple[FundEventItem, ...] = ()


def fund_event_command(
    person_id: str,
    *,
    event_type: str,
    event_date: date | None,
    cause: str | None,
    comment: str | None,
    offer: dict[str, Any] | None,
    reference: str | None,
) -> Command:
    body: dict[str, Any] = {"type": event_type}
    if event_date is not None:
        body["event_date"] = event_date.isoformat()
    if cause:
        body["cause"] = cause
    if comment:
        body["comment"] = comment
    for name, value in (offer or {}).items():
        if value is None or value == "":
            continue
        if isinstance(value, date):
            body[name] = value.isoformat()
        elif isinstance(value, Decimal):
            body[name] = float(value)
        else:
            body[name] = value
    path = person_path(person_id, "fund-events")
    return Command(FUND_EVENT, "POST", path, with_reference(body, reference))


def no_show_command(
    person_id: str, summons_id: str, reference: str | None, comment: str | None = None
) -> Command:
    """Mark the summons not attended; for a fund member the no-show event goes to the fund."""
    body: dict[str, Any] = {"comment": comment} if comment else {}
    path = person_path(person_id, "summons", summons_id, "no-show")
    return Command(NO_SHOW, "POST", path, with_reference(body, reference))


class FundEventCalls(Calls):
    def fund_events(self, person_id: str, actor: Actor) -> FundEventList:
        """The events sent to the person's fund about them, newest first."""
        data = self._request("GET", person_path(person_id, "fund-events"), actor=actor)
        return parse(FundEventList, data)
