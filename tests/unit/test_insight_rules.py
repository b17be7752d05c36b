"""The right of access: one month to answer, two years of access log."""

from __future__ import annotations

from datetime import date

import pytest

from jobnet.domain.insight import (
    add_months,
    answer_deadline,
    audit_log_oldest_day,
    received_on_problem,
)


@pytest.mark.parametrize(
    ("received", "deadline"),
    [
        (date(2026, 11, 22), date(2026, 12, 22)),
        (date(2026, 1, 31), date(2026, 2, 28)),
        (date(2028, 1, 31), date(2028, 2, 29)),
        (date(2026, 3, 31), date(2026, 4, 30)),
        (date(2026, 12, 15), date(2027, 1, 15)),
        (date(2026, 2, 28), date(2026, 3, 28)),
    ],
)
def test_one_month_is_the_same_day_next_month_clamped_to_its_end(
    received: date, deadline: date
) -> None:
    assert answer_deadline(received) == deadline


def test_two_years_back_clamps_a_leap_day() -> None:
    assert audit_log_oldest_day(date(2028, 2, 29)) == date(2026, 2, 28)
    assert add_months(date(2026, 1, 15), -13) == date(2024, 12, 15)


def test_received_on_is_today_or_at_most_30_days_back() -> None:
    today = date(2026, 11, 22)
    assert received_on_problem(today, today) is None
    assert received_on_problem(date(2026, 10, 23), today) is None
    assert received_on_problem(date(2026, 10, 22), today) == "too_far_back"
    assert received_on_problem(date(2026, 11, 23), today) == "in_the_future"


def test_every_audited_action_of_dfdg_has_words_for_the_citizen() -> None:
    """The access log shows each action in words; a new DFDG action without them would show
    its code ("Other use of your data (…)")."""
    import re
    from pathlib import Path

    from jobnet.web.citizen.insight.present import ACTIONS

    dfdg = Path(__file__).resolve().parents[2] / "jobnet" / "dfdg"
    verbs = "read|create|update|delete|approve|revise|cancel|move|list|day_list|recover|"
    verbs += "deregister|export|lookup|access"
    pattern = re.compile(rf'"([a-z_]+\.(?:{verbs}))"')
    actions = {m for path in dfdg.rglob("*.py") for m in pattern.findall(path.read_text())}
    assert len(actions) > 30
    assert sorted(actions - set(ACTIONS)) == []
