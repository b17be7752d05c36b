"""Public statistics: the measures and the precomputed, disclosure-controlled figures.

No person data: nothing here is audited, and both operations are public (no bearer token), as
health is, so anyone may read the figures and the OpenAPI document describes them. The figures
were computed beforehand (`flask dfdg stats-compute`), so an answer is one index range read
whatever the number of persons.
"""

from __future__ import annotations

from datetime import date

from flask import Response, jsonify

from jobnet.dfdg import clock
from jobnet.dfdg.api.blueprint import api, parse_query
from jobnet.dfdg.context import request_session
from jobnet.dfdg.models.statistics import StatFigure
from jobnet.dfdg.problems import field_error, validation_problem
from jobnet.dfdg.queries import statistics as stats_queries
from jobnet.dfdg.schemas.statistics import (
    AreaOut,
    FigureOut,
    MeasureOut,
    MeasuresResponse,
    RevisionOut,
    StatisticsQuery,
    StatisticsResponse,
)
from jobnet.domain import municipalities
from jobnet.domain.disclosure import MIN_PERSONS
from jobnet.domain.statistics import (
    ALL_GROUPS,
    GROUPS,
    STOCK_MEASURES,
    AreaKind,
    Measure,
    add_months,
    last_complete_month,
    month_key,
    months,
    parse_month,
)

TAGS = ("statistics",)
MAX_MONTHS = 240

_COUNTS = {
    Measure.SICKNESS_REPORTS: "reports",
    Measure.HOLIDAYS: "reports",
    Measure.INTERVIEWS_HELD: "interviews",
    Measure.JOBLOG_ENTRIES: "entries",
}


@api.route(
    "GET",
    "/statistics/measures",
    summary="The public statistics' measures and the months they cover",
    tags=TAGS,
    responses={200: ("The measures", MeasuresResponse)},
    public=True,
)
def statistics_measures() -> Response:
    coverage = stats_queries.coverage(request_session())
    body = MeasuresResponse(
        measures=[
            MeasureOut(
                code=measure,
                kind="stock" if measure in STOCK_MEASURES else "flow",
                counts=_COUNTS.get(measure, "persons"),
            )
            for measure in Measure
        ],
        first_month=month_key(coverage.first_month) if coverage.first_month else None,
        last_month=month_key(coverage.last_month) if coverage.last_month else None,
        computed_at=coverage.computed_at,
        min_persons=MIN_PERSONS,
    )
    return jsonify(body.model_dump(mode="json"))


def _areas(municipality: str | None) -> list[tuple[AreaKind, str]]:
    areas = []
    if municipality is not None:
        areas.append((AreaKind.MUNICIPALITY, municipality))
        group = municipalities.comparison_group_of(municipality)
        if group is not None:
            areas.append((AreaKind.COMPARISON_GROUP, group.code))
    areas.append((AreaKind.COUNTRY, municipalities.COUNTRY_CODE))
    return areas


def _period(query: StatisticsQuery, last_computed: date | None) -> tuple[date, date]:
    last = parse_month(query.to) or last_computed or last_complete_month(clock.today())
    first = parse_month(query.from_) or add_months(last, -11)
    if first > last:
        raise validation_problem([field_error("from", "after_to", "`from` is after `to`")])
    if len(months(first, last)) > MAX_MONTHS:
        raise validation_problem(
            [field_error("from", "too_long", f"At most {MAX_MONTHS} months at a time")]
        )
    return first, last


def _figure(
    month: date, area: tuple[AreaKind, str], group: int, row: StatFigure | None
) -> FigureOut:
    """A stored figure; a computed month without a row for the area had nothing in it (0)."""
    suppressed = row is not None and row.suppression is not None
    return FigureOut(
        month=month_key(month),
        area_kind=area[0],
        area_code=area[1],
        contact_group=None if group == ALL_GROUPS else group,
        value=None if suppressed else (row.value if row else 0),
        persons=None if suppressed else (row.persons if row else 0),
        suppressed=suppressed,
    )


@api.route(
    "GET",
    "/statistics",
    summary="Monthly figures of a measure for a municipality, its comparison group and Denmark",
    description="Public: no bearer token. Figures are precomputed monthly from DFDG's records "
    "and disclosure-controlled: "
    f"a cell with 1-{MIN_PERSONS - 1} persons is suppressed, and so is any cell that would let "
    "a suppressed one be worked out from the published totals (`value` null, `suppressed` "
    "true). Months recomputed after late data are listed in `revisions`.",
    tags=TAGS,
    query=StatisticsQuery,
    responses={200: ("The figures", StatisticsResponse)},
    public=True,
)
def statistics() -> Response:
    query = parse_query(StatisticsQuery)
    if query.municipality is not None and query.municipality not in municipalities.BY_CODE:
        raise validation_problem(
            [field_error("municipality", "unknown", "No municipality has this code")]
        )
    session = request_session()
    coverage = stats_queries.coverage(session)
    first, last = _period(query, coverage.last_month)
    areas = _areas(query.municipality)
    rows = stats_queries.figures(
        session, query.measure, [(k.value, c) for k, c in areas], first, last
    )
    stored = {(row.month, row.area_kind, row.area_code, row.contact_group): row for row in rows}
    computed = [
        month
        for month in months(first, last)
        if coverage.first_month
        and coverage.last_month
        and coverage.first_month <= month <= coverage.last_month
    ]
    figures = [
        _figure(month, area, group, stored.get((month, area[0].value, area[1], group)))
        for month in computed
        for area in areas
        for group in (ALL_GROUPS, *GROUPS)
    ]
    revisions = stats_queries.revisions(session, query.measure, first, last)
    body = StatisticsResponse(
        measure=query.measure,
        from_month=month_key(first),
        to_month=month_key(last),
        areas=[AreaOut(kind=kind, code=code) for kind, code in areas],
        figures=figures,
        revisions=[
            RevisionOut(month=month_key(r.month), revision=r.revision, revised_at=r.revised_at)
            for r in revisions
        ],
        min_persons=MIN_PERSONS,
    )
    return jsonify(body.model_dump(mode="json"))
