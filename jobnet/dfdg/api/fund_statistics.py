"""Public statistics of the events sent to the funds: how many of each type went to each fund
in a period, with the public statistics' disclosure control (`jobnet.domain.fund_event_counts`).
No person is named or countable: a cell about 1-4 persons is suppressed, and so is any cell
that would give one away from the totals."""

from __future__ import annotations

from datetime import date

from flask import Response, jsonify
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from jobnet.dfdg.api.blueprint import api, parse_query
from jobnet.dfdg.context import request_session
from jobnet.dfdg.models.fund_events import FundEvent
from jobnet.dfdg.models.persons import Organisation
from jobnet.dfdg.schemas.base import ResponseBody
from jobnet.domain.disclosure import MIN_PERSONS
from jobnet.domain.fund_event_counts import ALL, count_table, publish
from jobnet.domain.fund_events import FundEventType

_MONTH = r"^[0-9]{4}-(0[1-9]|1[0-2])$"


class FundEventStatisticsQuery(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, str_strip_whitespace=True)

    from_: str | None = Field(
        default=None, alias="from", pattern=_MONTH, description="First month (YYYY-MM)"
    )
    to: str | None = Field(default=None, pattern=_MONTH, description="Last month (YYYY-MM)")


class FundEventCell(ResponseBody):
    fund: str = Field(description="The fund's CVR number; * for all funds")
    fund_name: str | None
    type: str = Field(description="The event type; * for all types")
    events: int | None = Field(description="Null when suppressed")
    suppressed: str | None = Field(description="primary or secondary when suppressed")


class FundEventStatistics(ResponseBody):
    from_month: str | None
    to_month: str | None
    min_persons: int
    cells: list[FundEventCell]


def _month_start(text: str) -> date:
    return date(int(text[:4]), int(text[5:7]), 1)


def _month_after(text: str) -> date:
    year, month = int(text[:4]), int(text[5:7])
    return date(year + month // 12, month % 12 + 1, 1)


@api.route(
    "GET",
    "/statistics/fund-events",
    summary="Events sent to the funds, by fund and type (disclosure-controlled)",
    description="Public: no bearer token. Counts of events by the event's date; a cell with "
    f"1-{MIN_PERSONS - 1} persons is suppressed, and so is any cell that would let it be "
    "worked out from the totals (`events` null).",
    tags=("statistics",),
    query=FundEventStatisticsQuery,
    responses={200: ("The table", FundEventStatistics)},
    public=True,
)
def fund_event_statistics() -> Response:
    query = parse_query(FundEventStatisticsQuery)
    session = request_session()
    funds = {
        organisation.cvr: organisation
        for organisation in session.scalars(
            select(Organisation).where(Organisation.kind == "akasse").order_by(Organisation.cvr)
        )
    }
    by_id = {organisation.id: cvr for cvr, organisation in funds.items()}
    statement = select(FundEvent.fund_id, FundEvent.type, FundEvent.person_id)
    if query.from_:
        statement = statement.where(FundEvent.event_date >= _month_start(query.from_))
    if query.to:
        statement = statement.where(FundEvent.event_date < _month_after(query.to))
    rows = [
        (by_id.get(fund_id, ""), kind, person)
        for fund_id, kind, person in session.execute(statement)
    ]
    types = [kind.value for kind in FundEventType]
    events, persons = count_table(rows, funds, types)
    cells = [
        FundEventCell(
            fund=cell.fund,
            fund_name=funds[cell.fund].name if cell.fund != ALL else None,
            type=cell.type,
            events=cell.events,
            suppressed=cell.suppressed,
        )
        for cell in publish(events, persons, funds, types)
    ]
    body = FundEventStatistics(
        from_month=query.from_, to_month=query.to, min_persons=MIN_PERSONS, cells=cells
    )
    return jsonify(body.model_dump(mode="json"))
