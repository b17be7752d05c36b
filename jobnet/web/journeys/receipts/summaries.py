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
_KIND_LABELS: dict[str, Any] = {}


def summary_formatter(kind: str, label: Any) -> Callable[[SummaryFormatter], SummaryFormatter]:
    """Each journey declares, in its own package, what its kind of report is called and how
    its receipt reads: `@summary_formatter("sickness", _l("Sickness report"))`."""
    if kind in _KIND_LABELS:
        raise ValueError(f"the report kind {kind!r} is declared twice")

    def register(formatter: SummaryFormatter) -> SummaryFormatter:
        _FORMATTERS[kind] = formatter
        _KIND_LABELS[kind] = label
        return formatter

    return register


def report_kind_label(kind: str) -> str:
    """What a kind of report is called, in the reader's language (the code when unknown)."""
    return str(_KIND_LABELS.get(kind, kind))


def declared_kinds() -> frozenset[str]:
    return frozenset(_KIND_LABELS)


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
    messages = [
        problem_message(error["code"], error.get("rules"))
        for error in rejection.get("errors") or []
        if error.get("code")
    ] or [problem_message(rejection.get("code"))]
    return list(dict.fromkeys(messages))
