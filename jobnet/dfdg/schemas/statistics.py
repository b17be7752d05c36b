"""Bodies of the public statistics endpoints."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from jobnet.dfdg.schemas.base import ResponseBody
from jobnet.domain.statistics import AreaKind, Measure


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
    revisions: list[RevisionOut]
    min_persons: int
