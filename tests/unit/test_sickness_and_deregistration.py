"""Leftovers 1, the pure rules: a deregistration ends an open sickness on the last registered
day, and until then the sickness still runs (a recovery can end it earlier)."""

from __future__ import annotations

from datetime import date

import pytest

from jobnet.domain.standing import (
    AfterDeregistration,
    absence_after_deregistration,
    sickness_runs_on,
)

DEREGISTERED_FROM = date(2027, 1, 10)
LAST_REGISTERED = date(2027, 1, 9)


@pytest.mark.parametrize(
    ("first_day", "effect"),
    [
        (date(2027, 1, 1), AfterDeregistration.SHORTEN),
        (date(2027, 1, 9), AfterDeregistration.SHORTEN),
        (date(2027, 1, 10), AfterDeregistration.END),
    ],
)
def test_an_open_sickness_is_ended_by_the_deregistration(
    first_day: date, effect: AfterDeregistration
) -> None:
    assert absence_after_deregistration(first_day, None, DEREGISTERED_FROM) == effect


@pytest.mark.parametrize(
    ("day", "last_day", "fit_day", "by_deregistration", "runs"),
    [
        (date(2027, 1, 5), None, None, False, True),  # open
        (date(2027, 1, 9), LAST_REGISTERED, None, True, True),  # its last registered day
        (date(2027, 1, 10), LAST_REGISTERED, None, True, False),  # the deregistration day
        (date(2027, 1, 5), LAST_REGISTERED, None, False, False),  # a last day of its own
        (date(2027, 1, 5), date(2027, 1, 4), date(2027, 1, 5), False, False),  # recovered
    ],
)
def test_a_sickness_runs_until_its_last_registered_day(
    day: date, last_day: date | None, fit_day: date | None, by_deregistration: bool, runs: bool
) -> None:
    assert (
        sickness_runs_on(day, last_day, fit_day=fit_day, ended_by_deregistration=by_deregistration)
        is runs
    )
