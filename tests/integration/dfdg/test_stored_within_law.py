"""Stored data within the law (issue 20): for each record type with dates, whatever DFDG accepts
lies within the executive order's windows, whatever dates are sent — at and beyond every
boundary, and far off (1900, 2200). A future form or connected system cannot store them.

Each test posts generated dates straight to DFDG's API and, for every 201, checks the stored
record against the window the law sets (the sections are cited at each window). The number of
generated examples is small by default; `JOBNET_STORED_EXAMPLES` raises it.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from jobnet.db import Store
from jobnet.domain import absences as absence_rules
from jobnet.domain import joblog as joblog_rules
from jobnet.domain.clock import DANISH_TIME
from tests.integration.dfdg.jobseeker_helpers import (
    TODAY,
    days,
    new_person,
    post,
    registration_body,
    today_is,
)

Headers = dict[str, str]

EXAMPLES = int(os.environ.get("JOBNET_STORED_EXAMPLES", "12"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
# Days from TODAY: every boundary of the windows below, and far off (1900 and 2200 included).
BOUNDARIES = [-46000, -367, -366, -365, -8, -7, -1, 0, 1, 89, 90, 91, 365, 366, 367, 63000]
OFFSETS = st.one_of(st.sampled_from(BOUNDARIES), st.integers(min_value=-50000, max_value=70000))
DAYS_STEP = st.integers(min_value=0, max_value=400)
_CPRS = itertools.count(1000000001)


@pytest.fixture(autouse=True)
def fixed_today(dfdg_app: Flask) -> Iterator[None]:
    with today_is(dfdg_app, TODAY):
        yield


def _person(store: Store, **kwargs: Any) -> str:
    return new_person(store, f"{next(_CPRS):010d}", **kwargs)


def _registered(client: FlaskClient, store: Store, headers: Headers, start: int = 0) -> str:
    person_id = _person(store)
    body = registration_body(start_date=days(start).isoformat())
    response = post(client, f"/persons/{person_id}/registrations", body, headers)
    assert response.status_code == 201, response.get_data(as_text=True)
    return person_id


def _accepted(response: Any) -> dict[str, Any] | None:
    """The stored record when DFDG accepted it; None for a refusal (never a 5xx)."""
    assert response.status_code < 500, response.get_data(as_text=True)
    if response.status_code in (200, 201):
        return response.get_json()  # type: ignore[no-any-return]
    assert response.status_code in (400, 403, 404, 409, 422), response.status_code
    return None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


# -- § 8: registration and deregistration --------------------------------------------------------


@SETTINGS
@given(start=OFFSETS)
@example(start=-46000)
@example(start=63000)
def test_a_stored_registration_starts_today_up_to_90_days_ahead(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers, start: int
) -> None:
    person_id = _person(dfdg_store)
    body = registration_body(start_date=days(start).isoformat())
    stored = _accepted(post(dfdg_client, f"/persons/{person_id}/registrations", body, citizen))
    if stored is not None:
        assert TODAY <= _day(stored["start_date"]) <= days(90)  # type: ignore[operator]


@SETTINGS
@given(start=st.integers(min_value=0, max_value=90), when=OFFSETS)
def test_a_stored_deregistration_is_today_up_to_90_days_ahead_and_not_before_the_start(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers, start: int, when: int
) -> None:
    person_id = _registered(dfdg_client, dfdg_store, citizen, start)
    body = {"date": days(when).isoformat(), "reason": "education"}
    stored = _accepted(post(dfdg_client, f"/persons/{person_id}/deregistrations", body, citizen))
    if stored is not None:
        end = _day(stored["end_date"])
        assert end is not None and TODAY <= end <= days(90)  # § 8(6)
        assert end >= _day(stored["start_date"])  # type: ignore[operator]


# -- Chapter 4 and Annex 1: absences within the registration -------------------------------------


@SETTINGS
@given(start=st.integers(min_value=-400, max_value=0), first=OFFSETS)
def test_a_stored_sickness_begins_within_the_registration_and_not_in_the_future(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers, start: int, first: int
) -> None:
    with today_is(dfdg_client.application, days(start)):
        person_id = _registered(dfdg_client, dfdg_store, citizen, start)
    body = {"reason": "sickness", "first_day": days(first).isoformat()}
    stored = _accepted(post(dfdg_client, f"/persons/{person_id}/absences", body, citizen))
    if stored is not None:
        assert days(start) <= _day(stored["first_day"]) <= TODAY  # type: ignore[operator]


@SETTINGS
@given(sick=st.integers(min_value=-400, max_value=0), fit=OFFSETS)
def test_a_stored_recovery_lies_between_the_first_sick_day_and_today(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers, sick: int, fit: int
) -> None:
    with today_is(dfdg_client.application, days(sick)):
        person_id = _registered(dfdg_client, dfdg_store, citizen, sick)
        body = {"reason": "sickness", "first_day": days(sick).isoformat()}
        assert _accepted(post(dfdg_client, f"/persons/{person_id}/absences", body, citizen))
    body = {"fit_day": days(fit).isoformat()}
    stored = _accepted(post(dfdg_client, f"/persons/{person_id}/recoveries", body, citizen))
    if stored is not None:
        assert days(sick) <= _day(stored["fit_day"]) <= TODAY  # type: ignore[operator]
        assert _day(stored["last_day"]) >= days(sick)  # type: ignore[operator]


@SETTINGS
@given(deregistered=st.one_of(st.none(), st.integers(0, 90)), first=OFFSETS, length=DAYS_STEP)
@example(deregistered=None, first=63000, length=13)  # a holiday in 2200
@example(deregistered=0, first=30, length=4)  # deregistered from today, holiday next month
def test_a_stored_holiday_lies_ahead_within_the_registration(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    citizen: Headers,
    deregistered: int | None,
    first: int,
    length: int,
) -> None:
    person_id = _registered(dfdg_client, dfdg_store, citizen)
    if deregistered is not None:
        body = {"date": days(deregistered).isoformat(), "reason": "education"}
        assert _accepted(post(dfdg_client, f"/persons/{person_id}/deregistrations", body, citizen))
    body = {
        "reason": "holiday",
        "first_day": days(first).isoformat(),
        "last_day": days(first + length).isoformat(),
    }
    stored = _accepted(post(dfdg_client, f"/persons/{person_id}/absences", body, citizen))
    if stored is None:
        return
    first_day, last_day = _day(stored["first_day"]), _day(stored["last_day"])
    assert first_day is not None and last_day is not None
    assert TODAY < first_day <= last_day
    assert (last_day - first_day).days < 366
    if deregistered is not None:  # chapter 4: only while registered
        assert last_day < days(deregistered)
    ahead = getattr(absence_rules, "HOLIDAY_MAX_DAYS_AHEAD", None)
    if ahead is not None:  # issue 20 defect 9's window (see test_the_sensible_windows_hold)
        assert first_day <= days(ahead)


@SETTINGS
@given(deregistered=st.integers(1, 90), first=OFFSETS, length=DAYS_STEP)
def test_a_stored_job_centre_absence_lies_within_the_registration(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    citizen: Headers,
    caseworker: Headers,
    deregistered: int,
    first: int,
    length: int,
) -> None:
    person_id = _registered(dfdg_client, dfdg_store, citizen)
    body = {"date": days(deregistered).isoformat(), "reason": "education"}
    assert _accepted(post(dfdg_client, f"/persons/{person_id}/deregistrations", body, citizen))
    body = {
        "reason": "civic_duty",
        "first_day": days(first).isoformat(),
        "last_day": days(first + length).isoformat(),
    }
    stored = _accepted(post(dfdg_client, f"/persons/{person_id}/absences", body, caseworker))
    if stored is not None:
        assert _day(stored["first_day"]) >= TODAY  # type: ignore[operator]
        assert _day(stored["last_day"]) < days(deregistered)  # type: ignore[operator]


# -- § 14: held interviews -----------------------------------------------------------------------


@SETTINGS
@given(group_since=st.integers(-30, 0), held=OFFSETS)
def test_a_stored_interview_is_at_most_7_days_back_and_within_the_contact_group(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: Headers, group_since: int, held: int
) -> None:
    person_id = _person(dfdg_store, group=1, since=days(group_since))
    body = {"held_on": days(held).isoformat(), "form": "phone", "agreement": "Aftale"}
    stored = _accepted(post(dfdg_client, f"/persons/{person_id}/interviews", body, caseworker))
    if stored is not None:
        held_on = _day(stored["held_on"])
        assert held_on is not None and days(-7) <= held_on <= TODAY
        assert held_on >= days(group_since)


# -- § 27: summons ------------------------------------------------------------------------------


def _summons_body(starts: int, letter: int, contact: str | None) -> dict[str, Any]:
    return {
        "starts_at": f"{days(starts).isoformat()}T10:00:00+01:00",
        "duration_minutes": 45,
        "form": "in_person",
        "type": "job_interview",
        "place": "Jobcenter København",
        "contact_options": contact,
        "letter_sent_date": days(letter).isoformat(),
    }


@SETTINGS
@given(starts=OFFSETS, letter=OFFSETS, contact=st.sampled_from([None, "", " ", "33 17 33 17"]))
@example(starts=7, letter=-46000, contact="33 17 33 17")  # a letter of 1 January 1900
@example(starts=7, letter=0, contact="")
def test_a_stored_summons_is_ahead_within_a_year_with_todays_letter_and_contact_options(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    caseworker: Headers,
    starts: int,
    letter: int,
    contact: str | None,
) -> None:
    person_id = _person(dfdg_store, group=1)
    body = _summons_body(starts, letter, contact)
    stored = _accepted(post(dfdg_client, f"/persons/{person_id}/summons", body, caseworker))
    if stored is None:
        return
    noon = datetime.combine(TODAY, datetime.min.time().replace(hour=12), tzinfo=DANISH_TIME)
    starts_at = datetime.fromisoformat(stored["starts_at"])
    assert noon < starts_at <= noon + timedelta(days=365)
    assert days(-1) <= _day(stored["letter_sent_date"]) <= TODAY  # type: ignore[operator]
    assert (stored["contact_options"] or "").strip()


@SETTINGS
@given(letter=OFFSETS, cancel=st.booleans())
def test_a_stored_move_or_cancellation_has_a_letter_of_today(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: Headers, letter: int, cancel: bool
) -> None:
    person_id = _person(dfdg_store, group=1)
    made = _accepted(
        post(dfdg_client, f"/persons/{person_id}/summons", _summons_body(7, 0, "33"), caseworker)
    )
    assert made is not None
    path = f"/persons/{person_id}/summons/{made['id']}"
    change: dict[str, Any] = {"letter_sent_date": days(letter).isoformat(), "reason": "Sygdom"}
    if cancel:
        path += "/cancellation"
    else:
        path += "/move"
        change.update(starts_at=f"{days(8).isoformat()}T10:00:00+01:00", form="phone")
    stored = _accepted(post(dfdg_client, path, change, caseworker))
    if stored is not None:
        assert days(-1) <= _day(stored["letter_sent_date"]) <= TODAY  # type: ignore[operator]


# -- The job log (defect 9's window) ------------------------------------------------------------


@SETTINGS
@given(applied=OFFSETS)
@example(applied=-46000)  # 1 January 1900
def test_a_stored_job_log_entry_is_not_in_the_future_nor_long_ago(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers, applied: int
) -> None:
    person_id = _person(dfdg_store)
    body = {
        "applied_on": days(applied).isoformat(),
        "employer": "Netto",
        "job_title": "Butiksassistent",
        "kind": "advertised",
        "status": "sent",
    }
    stored = _accepted(post(dfdg_client, f"/persons/{person_id}/joblog", body, citizen))
    if stored is None:
        return
    applied_on = _day(stored["applied_on"])
    assert applied_on is not None and applied_on <= TODAY
    back = getattr(joblog_rules, "APPLIED_ON_DAYS_BACK", None)
    if back is not None:  # issue 20 defect 9's window (see test_the_sensible_windows_hold)
        assert applied_on >= days(-back)


def test_the_sensible_windows_hold(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    """A holiday in 2200 and a job log entry of 1900 are refused (issue 20 defect 9, whose
    windows the tests above then hold every stored record to)."""
    if getattr(absence_rules, "HOLIDAY_MAX_DAYS_AHEAD", None) is None:
        pytest.xfail("the windows of issue 20 defect 9 are not merged yet")
    person_id = _registered(dfdg_client, dfdg_store, citizen)
    holiday = {"reason": "holiday", "first_day": "2200-07-01", "last_day": "2200-07-14"}
    assert _accepted(post(dfdg_client, f"/persons/{person_id}/absences", holiday, citizen)) is None
    entry = {
        "applied_on": "1900-01-01",
        "employer": "Netto",
        "job_title": "Butiksassistent",
        "kind": "advertised",
        "status": "sent",
    }
    assert _accepted(post(dfdg_client, f"/persons/{person_id}/joblog", entry, citizen)) is None
