"""Issue 20, defects 1-6 as DFDG enforces them: absences within the registration, the
deregistration day, the summons letter (§ 27), interviews within the contact group, cancelled
summons apart from the upcoming ones, and the job-search requirement of each plan version."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from jobnet.db import Store
from jobnet.dfdg.models.persons import ContactGroupPeriod
from jobnet.dfdg.models.registrations import Absence
from tests.integration.dfdg.jobseeker_helpers import (
    TODAY,
    days,
    get,
    new_person,
    post,
    registration_body,
    rule_code,
    today_is,
)

Headers = dict[str, str]


@pytest.fixture(autouse=True)
def fixed_today(dfdg_app: Flask) -> Iterator[None]:
    with today_is(dfdg_app, TODAY):
        yield


def _register(client: FlaskClient, person_id: str, headers: Headers, start: int = 0) -> None:
    body = registration_body(start_date=days(start).isoformat())
    response = post(client, f"/persons/{person_id}/registrations", body, headers)
    assert response.status_code == 201, response.get_data(as_text=True)


def _deregister(client: FlaskClient, person_id: str, headers: Headers, offset: int) -> Any:
    body = {"date": days(offset).isoformat(), "reason": "job_as_employee", "reference": "JN-DR"}
    return post(client, f"/persons/{person_id}/deregistrations", body, headers)


def _holiday(client: FlaskClient, person_id: str, headers: Headers, first: int, last: int) -> Any:
    body = {
        "reason": "holiday",
        "first_day": days(first).isoformat(),
        "last_day": days(last).isoformat(),
    }
    return post(client, f"/persons/{person_id}/absences", body, headers)


def _status(client: FlaskClient, person_id: str, headers: Headers) -> dict[str, Any]:
    response = get(client, f"/persons/{person_id}/status", headers)
    assert response.status_code == 200
    return response.get_json()  # type: ignore[no-any-return]


# -- 1: absences only while registered and in the contact group ----------------------------------


def test_a_holiday_after_deregistering_from_today_is_refused(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    _register(dfdg_client, person_id, citizen)
    assert _deregister(dfdg_client, person_id, citizen, 0).status_code == 201
    refused = _holiday(dfdg_client, person_id, citizen, 30, 34)
    assert rule_code(refused)[0] == "not_registered"
    sick = post(
        dfdg_client,
        f"/persons/{person_id}/absences",
        {"reason": "sickness", "first_day": TODAY.isoformat()},
        citizen,
    )
    assert rule_code(sick)[0] == "not_registered"


def test_a_holiday_past_a_coming_deregistration_is_refused(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    _register(dfdg_client, person_id, citizen)
    assert _deregister(dfdg_client, person_id, citizen, 20).status_code == 201
    assert rule_code(_holiday(dfdg_client, person_id, citizen, 30, 34)) == (
        "after_registration_ends",
        {"last_day": "after_registration_ends"},
    )
    assert rule_code(_holiday(dfdg_client, person_id, citizen, 15, 20))[0] == (
        "after_registration_ends"
    )
    assert _holiday(dfdg_client, person_id, citizen, 15, 19).status_code == 201


def test_a_holiday_past_the_contact_groups_end_is_refused(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store, group=8, since=days(-100))
    with dfdg_store.session() as session:
        period = session.scalars(select(ContactGroupPeriod)).one()
        period.end_date = days(10)
    assert rule_code(_holiday(dfdg_client, person_id, citizen, 5, 12))[0] == (
        "after_registration_ends"
    )
    assert _holiday(dfdg_client, person_id, citizen, 5, 10).status_code == 201


def test_a_caseworkers_absence_past_the_deregistration_is_refused(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers, caseworker: Headers
) -> None:
    person_id = new_person(dfdg_store)
    _register(dfdg_client, person_id, citizen)
    _deregister(dfdg_client, person_id, citizen, 10)
    body = {
        "reason": "civic_duty",
        "first_day": days(12).isoformat(),
        "last_day": days(14).isoformat(),
    }
    refused = post(dfdg_client, f"/persons/{person_id}/absences", body, caseworker)
    assert rule_code(refused)[0] == "after_registration_ends"


def test_a_deregistration_shortens_or_ends_the_holidays_past_it(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    _register(dfdg_client, person_id, citizen)
    before = _holiday(dfdg_client, person_id, citizen, 2, 4).get_json()
    across = _holiday(dfdg_client, person_id, citizen, 8, 14).get_json()
    after = _holiday(dfdg_client, person_id, citizen, 20, 24).get_json()
    assert _deregister(dfdg_client, person_id, citizen, 10).status_code == 201
    with dfdg_store.session() as session:
        stored = {a.id: a for a in session.scalars(select(Absence))}
        kept, shortened, ended = stored[before["id"]], stored[across["id"]], stored[after["id"]]
        assert (kept.last_day, kept.status, kept.end_cause) == (days(4), "active", None)
        assert (shortened.last_day, shortened.reported_last_day) == (days(9), days(14))
        assert (shortened.status, shortened.end_cause) == ("active", "deregistration")
        assert (ended.status, ended.end_cause) == ("cancelled", "deregistration")
        assert ended.end_reference == "JN-DR" and ended.ended_by_type == "citizen"
    history = get(dfdg_client, f"/persons/{person_id}/absences", citizen).get_json()["absences"]
    by_id = {item["id"]: item for item in history}
    assert by_id[across["id"]]["end_cause"] == "deregistration"
    assert by_id[across["id"]]["reported_last_day"] == days(14).isoformat()
    assert by_id[after["id"]]["end_cause"] == "deregistration"
    status = _status(dfdg_client, person_id, citizen)
    shown = [(h["last_day"], h["status"], h["end_cause"]) for h in status["holidays"]]
    assert shown == [
        (days(4).isoformat(), "active", None),
        (days(9).isoformat(), "active", "deregistration"),
        (days(24).isoformat(), "cancelled", "deregistration"),
    ]
    assert [a["id"] for a in status["absences"]] == [before["id"], across["id"]]


# -- 4: the deregistration day ------------------------------------------------------------------


def test_on_the_deregistration_day_the_person_is_deregistered_everywhere(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    with today_is(dfdg_client.application, days(-30)):
        _register(dfdg_client, person_id, citizen, -30)
        assert _deregister(dfdg_client, person_id, citizen, 0).status_code == 201
    status = _status(dfdg_client, person_id, citizen)
    assert status["registration"] is None
    assert status["contact_group"] is None
    with dfdg_store.session() as session:
        period = session.scalars(select(ContactGroupPeriod)).one()
        assert period.end_date == days(-1)  # § 7(2): the last day covered
    # Registering again from the deregistration day is allowed that very day.
    _register(dfdg_client, person_id, citizen)
    assert _status(dfdg_client, person_id, citizen)["registration"]["start_date"] == (
        TODAY.isoformat()
    )


def test_deregistering_on_the_first_day_withdraws_the_registration(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    _register(dfdg_client, person_id, citizen)
    assert _deregister(dfdg_client, person_id, citizen, 0).status_code == 201
    status = _status(dfdg_client, person_id, citizen)
    assert (status["registration"], status["contact_group"]) == (None, None)
    with dfdg_store.session() as session:
        period = session.scalars(select(ContactGroupPeriod)).one()
        assert period.withdrawn and period.end_date == TODAY
    _register(dfdg_client, person_id, citizen)
    assert _status(dfdg_client, person_id, citizen)["contact_group"]["contact_group"] == 1


def test_the_day_before_the_deregistration_the_person_is_still_registered(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    _register(dfdg_client, person_id, citizen)
    _deregister(dfdg_client, person_id, citizen, 5)
    with today_is(dfdg_client.application, days(4)):
        status = _status(dfdg_client, person_id, citizen)
        assert status["registration"]["end_date"] == days(5).isoformat()
        assert status["contact_group"]["end_date"] == days(4).isoformat()
    with today_is(dfdg_client.application, days(5)):
        status = _status(dfdg_client, person_id, citizen)
        assert (status["registration"], status["contact_group"]) == (None, None)


# -- 3: a held interview within the current contact group ----------------------------------------


def test_an_interview_before_the_contact_group_began_is_refused_with_its_reason(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: Headers
) -> None:
    person_id = new_person(dfdg_store, group=1, since=days(-2))
    body = {"held_on": days(-4).isoformat(), "form": "phone", "agreement": "Aftale"}
    refused = post(dfdg_client, f"/persons/{person_id}/interviews", body, caseworker)
    assert rule_code(refused) == (
        "interview_before_contact_group",
        {"held_on": "interview_before_contact_group"},
    )
    body["held_on"] = days(-2).isoformat()
    assert (
        post(dfdg_client, f"/persons/{person_id}/interviews", body, caseworker).status_code == 201
    )


def test_an_interview_after_a_change_of_match_group_counts_from_the_group_start(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: Headers
) -> None:
    person_id = new_person(dfdg_store, group=2, match=1, since=days(-30))
    path = f"/persons/{person_id}/interviews"
    body = {"held_on": days(-1).isoformat(), "form": "phone", "agreement": "A", "match_group": 2}
    assert post(dfdg_client, path, body, caseworker).status_code == 201
    earlier = {**body, "held_on": days(-3).isoformat(), "match_group": 1}
    assert post(dfdg_client, path, earlier, caseworker).status_code == 201


# -- 2: the summons letter and the contact options (§ 27) ----------------------------------------


def _summons_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "starts_at": (days(7).isoformat() + "T10:00:00+01:00"),
        "duration_minutes": 45,
        "form": "in_person",
        "type": "job_interview",
        "place": "Jobcenter København",
        "contact_options": "Ring på 33 17 33 17",
        "letter_sent_date": TODAY.isoformat(),
    }
    return {**body, **overrides}


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"letter_sent_date": "1900-01-01"}, "letter_sent_date", "letter_date_too_far_back"),
        (
            {"letter_sent_date": days(-30).isoformat()},
            "letter_sent_date",
            "letter_date_too_far_back",
        ),
        (
            {"letter_sent_date": days(1).isoformat()},
            "letter_sent_date",
            "letter_date_in_the_future",
        ),
        ({"contact_options": ""}, "contact_options", "contact_options_missing"),
        ({"contact_options": "   "}, "contact_options", "contact_options_missing"),
        ({"contact_options": None}, "contact_options", "contact_options_missing"),
    ],
)
def test_a_summons_breaking_27_is_refused(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    caseworker: Headers,
    overrides: dict[str, Any],
    field: str,
    code: str,
) -> None:
    person_id = new_person(dfdg_store, group=1)
    response = post(
        dfdg_client, f"/persons/{person_id}/summons", _summons_body(**overrides), caseworker
    )
    assert rule_code(response) == (code, {field: code})


def test_a_summons_letter_of_yesterday_is_accepted(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: Headers
) -> None:
    person_id = new_person(dfdg_store, group=1)
    body = _summons_body(letter_sent_date=days(-1).isoformat())
    assert post(dfdg_client, f"/persons/{person_id}/summons", body, caseworker).status_code == 201


# -- 6: a cancelled summons is never upcoming ---------------------------------------------------


def test_a_cancelled_summons_is_listed_apart_from_the_upcoming(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: Headers, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store, group=1)
    base = f"/persons/{person_id}/summons"
    kept = post(dfdg_client, base, _summons_body(), caseworker).get_json()
    gone = post(
        dfdg_client,
        base,
        _summons_body(starts_at=days(9).isoformat() + "T10:00:00+01:00"),
        caseworker,
    ).get_json()
    cancel = {"letter_sent_date": TODAY.isoformat(), "reason": "Sygdom"}
    assert (
        post(dfdg_client, f"{base}/{gone['id']}/cancellation", cancel, caseworker).status_code
        == 200
    )
    listed = get(dfdg_client, base, citizen).get_json()
    assert [s["id"] for s in listed["upcoming"]] == [kept["id"]]
    assert [s["id"] for s in listed["cancelled"]] == [gone["id"]]
    assert listed["past"] == []
    front = get(dfdg_client, f"/persons/{person_id}/front-page", citizen).get_json()
    assert [s["id"] for s in front["interviews"]["upcoming"]] == [kept["id"]]


# -- 5: the job-search requirement of every plan version ----------------------------------------


def test_the_job_log_gives_the_requirement_of_every_plan_version(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: Headers, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store, group=1)
    plan = {"targets": ["Tømrer"], "applications_per_week": 1, "measures": []}
    with today_is(dfdg_client.application, days(-14)):
        created = post(dfdg_client, f"/persons/{person_id}/plans", plan, caseworker)
        assert created.status_code == 201, created.get_data(as_text=True)
    revised = {**plan, "applications_per_week": 3}
    response = post(dfdg_client, f"/persons/{person_id}/plan/revisions", revised, caseworker)
    assert response.status_code == 201, response.get_data(as_text=True)
    joblog = get(dfdg_client, f"/persons/{person_id}/joblog", citizen).get_json()
    assert joblog["applications_per_week"] == 3
    NO_MONTH = {"copies_per_month": 0}  # noqa: N806
    assert joblog["requirements"] == [
        {
            "from_date": days(-14).isoformat(),
            "applications_per_week": 1,
            "copies_per_week": 0,
            **NO_MONTH,
        },
        {
            "from_date": TODAY.isoformat(),
            "applications_per_week": 3,
            "copies_per_week": 0,
            **NO_MONTH,
        },
    ]
    assert TODAY - timedelta(days=14) == days(-14)
