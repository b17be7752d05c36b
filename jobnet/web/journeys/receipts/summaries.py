"""How each kind of report is shown on its receipt: labelled rows in the reader's language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from jobnet.web.journeys.messages import problem_message
from jobnet.web.platform.i18n import format_local_date

Row = tuple[str, str]
SummaryFormatter = Callable[[dict[str, Any]], list[Row]]

_FORMATTERS: dict[str, SummaryFormatter] = {}


def summary_formatter(kind: str) -> Callable[[SummaryFormatter], SummaryFormatter]:
    """Journeys register how their reports read: `@summary_formatter("sickness")`."""

    def register(formatter: SummaryFormatter) -> SummaryFormatter:
        _FORMATTERS[kind] = formatter
        return formatter

    return register


def format_date(value: str | None) -> str:
    if not value:
        return ""
    return format_local_date(date.fromisoformat(value))


def summary_rows(
    kind: str, summary: dict[str, Any], answer: dict[str, Any] | None = None
) -> list[Row]:
    """The receipt's rows. A formatter finds DFDG's answer, once registered, under "answer"
    (DFDG's own reference number, say); until then it is empty."""
    formatter = _FORMATTERS.get(kind)
    return formatter({**summary, "answer": answer or {}}) if formatter else []


def rejection_messages(rejection: dict[str, Any] | None) -> list[str]:
    """Why DFDG refused a report, as sentences; empty when it was not refused."""
    if not rejection:
        return []
    codes = [error.get("code") for error in rejection.get("errors") or [] if error.get("code")]
    messages = [problem_message(code) for code in codes] or [problem_message(rejection.get("code"))]
    return list(dict.fromkeys(messages))
