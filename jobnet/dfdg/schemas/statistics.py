"""Bodies of the public statistics endpoints."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from jobnet.dfdg.schemas.base import ResponseBody
from jobnet.domain.statistics import AreaKind, Breakdown, Measure


class MeasureOut(ResponseBody):
    code: Measure
    kind: Literal["stock", "flow"] = Field(
        description="stock: counted at the month's end; flow: counted over the month"
    )
    counts: Literal["persons", "reports", "interviews", "entries"] = Field(
        description="What `value` counts; `persons` always counts the persons behind it"
    )


class MeasuresResponse(ResponseBody):
    measures: list[MeasureOut]
    first_month: str | None = Field(description="The first month with figures (YYYY-MM)")
    last_month: str | None = Field(description="The last computed month (YYYY-MM)")
    computed_at: datetime | None = Field(description="When figures were last computed")
    min_persons: int = Field(description="Cells with fewer persons (but some) are suppressed")


class StatisticsQuery(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, str_strip_whitespace=True)

    measure: Measure = Field(description="The measure (see /statistics/measures)")
    from_: str | None = Field(
        default=None,
        alias="from",
        pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$",
        description="The first month, YYYY-MM (default: 11 months before `to`)",
    )
    to: str | None = Field(
        default=None,
        pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$",
        description="The last month, YYYY-MM (default: the last computed month)",
    )
    municipality: str | None = Field(
        default=None,
        pattern=r"^[0-9]{4}$",
        description="A municipality code; its comparison group is included too. "
        "Without it: the whole country only",
    )


class AreaOut(ResponseBody):
    kind: AreaKind
    code: str = Field(description="Municipality code, comparison group number, or DK")


class FigureOut(ResponseBody):
    month: str = Field(description="YYYY-MM")
    area_kind: AreaKind
    area_code: str
    contact_group: int | None = Field(description="1-8, or null for all contact groups")
    value: int | None = Field(description="null when suppressed")
    persons: int | None = Field(description="The persons behind the value; null when suppressed")
    suppressed: bool
    revised: bool = Field(
        default=False,
        description="Changed by late data when the figures were last published",
    )


class BreakdownFigureOut(ResponseBody):
    month: str = Field(description="YYYY-MM")
    area_kind: AreaKind
    area_code: str
    breakdown: Breakdown = Field(
        description="age: age band on the month's last day; gender; duration: how long the "
        "current registration had lasted (registered jobseekers only)"
    )
    category: str = Field(
        description="Age band (under_25, 25_29, 30_39, 40_49, 50_59, 60_plus), gender (female, "
        "male) or duration (under_3, 3_6, 6_12, 12_plus months); unknown when not known"
    )
    value: int | None = Field(description="null when suppressed")
    persons: int | None = Field(description="The persons behind the value; null when suppressed")
    suppressed: bool
    revised: bool = Field(
        default=False,
        description="Changed by late data when the figures were last published",
    )


class PopulationOut(ResponseBody):
    area_kind: AreaKind
    area_code: str
    inhabitants_16_66: int | None = Field(
        description="Inhabitants aged 16-66 (the members' sum for a group or the country); "
        "null when not known for every member"
    )
    source: str | None = Field(description="Where the figure comes from")


class RevisionOut(ResponseBody):
    month: str
    revision: int = Field(description="2 or more: recomputed after late data")
    revised_at: datetime


class StatisticsResponse(ResponseBody):
    measure: Measure
    from_month: str
    to_month: str
    areas: list[AreaOut]
    figures: list[FigureOut] = Field(
        description="Every area, month and contact group (and the total, contact_group null)"
    )
    breakdowns: list[BreakdownFigureOut] = Field(
        default_factory=list,
        description="Every area and month by age band, gender and (registered jobseekers) "
        "duration of registration: each breakdown adds up to the total, and the suppression "
        "holds across all breakdowns together",
    )
    populations: list[PopulationOut] = Field(
        default_factory=list, description="The denominators of rates per 1,000 inhabitants"
    )
    revisions: list[RevisionOut]
    min_persons: int
