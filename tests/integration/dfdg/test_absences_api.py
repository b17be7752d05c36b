"""Sickness, recovery, holiday and its cancellation through DFDG's API (Annex 1 at its edges),
and the status answer for the citizen's front page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event

from jobnet.db import Store
from jobnet.dfdg.models.audit import IdempotencyRecord
from jobnet.dfdg.models.registrations import Absence
from tests.integration.dfdg.helpers import assert_problem, count_rows, rows
from tests.integration.dfdg.jobseeker_helpers import (
    LONG_AGO,
    TODAY,
    audit_actions,
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


def _sick(client: FlaskClient, person_id: str, headers: Headers, offset: int = 0) -> Any:
    body = {"reason": "sickness", "first_day": days(offset).isoformat()}
    return post(client, f"/persons/{person_id}/absences", body, headers)


def _holiday(client: FlaskClient, person_id: str, headers: Headers, first: int, last: int) -> Any:
    body = {
        "reason": "holiday",
        "first_day": days(first).isoformat(),
        "last_day": days(last).isoformat(),
    }
    return post(client, f"/persons/{person_id}/absences", body, headers)


def _fit(client: FlaskClient, person_id: str, headers: Headers, offset: int) -> Any:
    body = {"fit_day": days(offset).isoformat()}
    return post(client, f"/persons/{person_id}/recoveries", body, headers)


def _cancel(client: FlaskClient, person_id: str, absence_id: str, headers: Headers) -> Any:
    path = f"/persons/{person_id}/absences/{absence_id}/cancellation"
    return post(client, path, {"reference": "JN-CANC-ELED"}, headers)


def _registered(store: Store, client: FlaskClient, headers: Headers, since: int = -30) -> str:
    """A person registered (group 1) since `since` days."""
    person_id = new_person(store)
    with today_is(client.application, days(since)):
        body = registration_body(start_date=days(since).isoformat())
        response = post(client, f"/persons/{person_id}/registrations", body, headers)
        assert response.status_code == 201
    return person_id


# --- sickness ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("offset", "code"),
    [(1, "in_the_future"), (0, None), (-30, None), (-31, "before_registration")],
)
def test_sickness_first_day_edges(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers, offset: int, code: str | None
) -> None:
    person_id = _registered(dfdg_store, dfdg_client, citizen)
    response = _sick(dfdg_client, person_id, citizen, offset)
    if code is None:
        assert response.status_code == 201, response.get_data(as_text=True)
        body = response.get_json()
        assert (body["reason"], body["last_day"], body["status"]) == ("sickness", None, "active")
    else:
        assert rule_code(response) == (code, {"first_day": code})


# Annex 1 as /work/shared/domain.md words it, written out here and not read from
# jobnet.domain.absences, so a slip in the code's table is caught:
#   Sickness: groups 1, 2 (all match groups), 3, 4/5, 7, 8.
#   Holiday:  groups 1, 2, 3 (match group 1 only), 7, 8.
# "(match group 1 only)" qualifies group 3 (the order's Annex 1, "Ferie": "Contact Group 3 …
# (in Match Group 1)", group 2 "in Match Group 1/2/3"). Groups 2 and 3 always have a match
# group; the others never do. Group 6 is told to go to the sickness benefit office instead.
EVERY_GROUP = [
    (1, None),
    (2, 1),
    (2, 2),
    (2, 3),
    (3, 1),
    (3, 2),
    (3, 3),
    (4, None),
    (5, None),
    (6, None),
    (7, None),
    (8, None),
]
SICKNESS_ALLOWED = {
    (1, None): True,
    (2, 1): True,
    (2, 2): True,
    (2, 3): True,
    (3, 1): True,
    (3, 2): True,
    (3, 3): True,
    (4, None): True,
    (5, None): True,
    (6, None): False,
    (7, None): True,
    (8, None): True,
}
HOLIDAY_ALLOWED = {
    (1, None): True,
    (2, 1): True,
    (2, 2): True,
    (2, 3): True,
    (3, 1): True,
    (3, 2): False,
    (3, 3): False,
    (4, None): False,
    (5, None): False,
    (6, None): False,
    (7, None): True,
    (8, None): True,
}


def test_the_expected_tables_cover_every_contact_and_match_group() -> None:
    assert list(SICKNESS_ALLOWED) == EVERY_GROUP == list(HOLIDAY_ALLOWED)


@pytest.mark.parametrize(("group", "match"), EVERY_GROUP)
def test_sickness_by_contact_and_match_group(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    citizen: Headers,
    group: int,
    match: int | None,
) -> None:
    person_id = new_person(dfdg_store, group=group, match=match)
    response = _sick(dfdg_client, person_id, citizen, -3)
    if SICKNESS_ALLOWED[(group, match)]:
        assert response.status_code == 201, response.get_data(as_text=True)
        assert count_rows(dfdg_store, Absence) == 1
    else:
        code = "sickness_benefit_recipient"  # group 6, the only one refused
        assert rule_code(response) == (code, {"reason": code})
        assert count_rows(dfdg_store, Absence) == 0


def test_sickness_of_someone_in_no_contact_group(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    response = _sick(dfdg_client, person_id, citizen, -3)
    assert rule_code(response) == ("not_registered", {"reason": "not_registered"})


def test_a_concurrent_open_sickness_meets_the_one_open_index(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the rules did not see the other request's sickness (it committed after they read),
    the unique index refuses the second one as already_sick, audited, and the idempotency key is
    freed."""
    from jobnet.dfdg.queries import absences as absence_queries

    person_id = _registered(dfdg_store, dfdg_client, citizen)
    assert _sick(dfdg_client, person_id, citizen, -2).status_code == 201
    monkeypatch.setattr(absence_queries, "active", lambda _session, _person_id: [])
    assert rule_code(_sick(dfdg_client, person_id, citizen))[0] == "already_sick"
    assert count_rows(dfdg_store, Absence) == 1
    assert audit_actions(dfdg_store, person_id)[-2:] == [
        ("absence.create", "ok"),
        ("absence.create", "rejected"),
    ]
    assert count_rows(dfdg_store, IdempotencyRecord) == 2  # the registration's and the sickness's


def test_a_period_without_registration_counts_from_its_start(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store, group=1, since=days(-5))
    assert rule_code(_sick(dfdg_client, person_id, citizen, -6))[0] == "before_registration"
    assert _sick(dfdg_client, person_id, citizen, -5).status_code == 201


def test_one_open_sickness_and_no_last_day(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = _registered(dfdg_store, dfdg_client, citizen)
    assert _sick(dfdg_client, person_id, citizen, -2).status_code == 201
    assert rule_code(_sick(dfdg_client, person_id, citizen))[0] == "already_sick"
    closed = {
        "reason": "sickness",
        "first_day": days(-9).isoformat(),
        "last_day": TODAY.isoformat(),
    }
    response = post(dfdg_client, f"/persons/{person_id}/absences", closed, citizen)
    assert rule_code(response) == (
        "no_last_day_for_sickness",
        {"last_day": "no_last_day_for_sickness"},
    )
    assert count_rows(dfdg_store, Absence) == 1


# --- recovery ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fit", "code", "last_day"),
    [
        (-6, "before_sickness", None),
        (-5, None, -5),
        (-4, None, -5),
        (0, None, -1),
        (1, "in_the_future", None),
    ],
)
def test_recovery_edges(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    citizen: Headers,
    fit: int,
    code: str | None,
    last_day: int | None,
) -> None:
    person_id = _registered(dfdg_store, dfdg_client, citizen)
    _sick(dfdg_client, person_id, citizen, -5)
    response = _fit(dfdg_client, person_id, citizen, fit)
    if code is not None:
        assert rule_code(response) == (code, {"fit_day": code})
        return
    assert response.status_code == 201, response.get_data(as_text=True)
    body = response.get_json()
    assert body["last_day"] == days(last_day or 0).isoformat()
    assert body["fit_day"] == days(fit).isoformat()
    assert body["ended_by"]["type"] == "citizen"
    status = get(dfdg_client, f"/persons/{person_id}/status", citizen).get_json()
    assert status["sickness"] is None


def test_recovery_when_not_sick(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = _registered(dfdg_store, dfdg_client, citizen)
    assert rule_code(_fit(dfdg_client, person_id, citizen, 0)) == (
        "not_sick",
        {"fit_day": "not_sick"},
    )
    _sick(dfdg_client, person_id, citizen, -3)
    assert _fit(dfdg_client, person_id, citizen, 0).status_code == 201
    assert rule_code(_fit(dfdg_client, person_id, citizen, 0))[0] == "not_sick"
    assert _sick(dfdg_client, person_id, citizen, 0).status_code == 201  # sick again


# --- holiday ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "last", "code", "field"),
    [
        (0, 3, "holiday_started", "first_day"),
        (-2, 3, "holiday_started", "first_day"),
        (1, 1, None, None),
        (5, 4, "end_before_start", "last_day"),
        (1, 400, "too_long", "last_day"),
    ],
)
def test_holiday_date_edges(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    citizen: Headers,
    first: int,
    last: int,
    code: str | None,
    field: str | None,
) -> None:
    person_id = _registered(dfdg_store, dfdg_client, citizen)
    response = _holiday(dfdg_client, person_id, citizen, first, last)
    if code is None:
        assert response.status_code == 201, response.get_data(as_text=True)
    else:
        assert rule_code(response) == (code, {field: code})


def test_holiday_needs_its_last_day(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = _registered(dfdg_store, dfdg_client, citizen)
    body = {"reason": "holiday", "first_day": days(3).isoformat()}
    response = post(dfdg_client, f"/persons/{person_id}/absences", body, citizen)
    assert rule_code(response) == ("last_day_missing", {"last_day": "last_day_missing"})


def test_holiday_must_not_overlap_another_absence(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = _registered(dfdg_store, dfdg_client, citizen)
    assert _holiday(dfdg_client, person_id, citizen, 10, 14).status_code == 201
    for first, last in [(14, 20), (5, 10), (11, 12), (1, 30)]:
        response = _holiday(dfdg_client, person_id, citizen, first, last)
        assert rule_code(response) == ("overlaps", {"first_day": "overlaps"})
    assert _holiday(dfdg_client, person_id, citizen, 15, 16).status_code == 201
    assert _holiday(dfdg_client, person_id, citizen, 5, 9).status_code == 201
    _sick(dfdg_client, person_id, citizen, -1)  # open sickness overlaps everything after it
    assert rule_code(_holiday(dfdg_client, person_id, citizen, 40, 41))[0] == "overlaps"


@pytest.mark.parametrize(("group", "match"), EVERY_GROUP)
def test_holiday_by_contact_and_match_group(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    citizen: Headers,
    group: int,
    match: int | None,
) -> None:
    person_id = new_person(dfdg_store, group=group, match=match)
    response = _holiday(dfdg_client, person_id, citizen, 7, 10)
    if HOLIDAY_ALLOWED[(group, match)]:
        assert response.status_code == 201, response.get_data(as_text=True)
        assert count_rows(dfdg_store, Absence) == 1
    else:
        assert rule_code(response) == ("reason_not_allowed", {"reason": "reason_not_allowed"})
        assert count_rows(dfdg_store, Absence) == 0


def test_holiday_of_someone_in_no_contact_group(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    response = _holiday(dfdg_client, person_id, citizen, 7, 10)
    assert rule_code(response) == ("not_registered", {"reason": "not_registered"})


# --- other reasons ----------------------------------------------------------------------------


def test_other_reasons_are_for_caseworkers(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers, caseworker: Headers
) -> None:
    person_id = new_person(dfdg_store, group=1)
    body = {
        "reason": "civic_duty",
        "first_day": days(2).isoformat(),
        "last_day": days(3).isoformat(),
    }
    path = f"/persons/{person_id}/absences"
    code, fields = rule_code(post(dfdg_client, path, body, citizen), 403)
    assert (code, fields) == ("caseworker_only", {"reason": "caseworker_only"})
    created = post(dfdg_client, path, body, caseworker)
    assert created.status_code == 201
    assert created.get_json()["created_by"]["organisation"] == "29190011"
    older = {"reason": "older_worker_job", "first_day": days(5).isoformat()}
    assert rule_code(post(dfdg_client, path, older, caseworker))[0] == "reason_not_allowed"
    assert audit_actions(dfdg_store, person_id) == [
        ("absence.create", "denied"),
        ("absence.create", "ok"),
        ("absence.create", "rejected"),
    ]


# --- cancellation -----------------------------------------------------------------------------


def test_a_coming_holiday_can_be_cancelled(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = _registered(dfdg_store, dfdg_client, citizen)
    holiday = _holiday(dfdg_client, person_id, citizen, 1, 5).get_json()
    response = _cancel(dfdg_client, person_id, holiday["id"], citizen)
    assert response.status_code == 200
    body = response.get_json()
    assert (body["status"], body["end_reference"]) == ("cancelled", "JN-CANC-ELED")
    assert body["cancelled_at"] and body["ended_by"]["type"] == "citizen"
    assert rule_code(_cancel(dfdg_client, person_id, holiday["id"], citizen))[0] == (
        "already_cancelled"
    )
    # The cancelled holiday keeps its row and no longer blocks the same days.
    assert _holiday(dfdg_client, person_id, citizen, 1, 5).status_code == 201
    assert count_rows(dfdg_store, Absence) == 2


def test_a_started_holiday_cannot_be_cancelled(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = _registered(dfdg_store, dfdg_client, citizen)
    holiday = _holiday(dfdg_client, person_id, citizen, 1, 5).get_json()
    with today_is(dfdg_client.application, days(1)):
        response = _cancel(dfdg_client, person_id, holiday["id"], citizen)
        assert rule_code(response) == ("holiday_started", {"absence_id": "holiday_started"})
    sickness = _sick(dfdg_client, person_id, citizen).get_json()
    assert rule_code(_cancel(dfdg_client, person_id, sickness["id"], citizen))[0] == (
        "not_a_holiday"
    )


def test_someone_elses_absence_is_not_found(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    owner = _registered(dfdg_store, dfdg_client, citizen)
    holiday = _holiday(dfdg_client, owner, citizen, 1, 5).get_json()
    other = new_person(dfdg_store, "0202024321", group=1)
    assert_problem(_cancel(dfdg_client, other, holiday["id"], citizen), 404, "not-found")
    assert_problem(_cancel(dfdg_client, owner, "no-such-id", citizen), 404, "not-found")
    assert audit_actions(dfdg_store, other) == [("absence.cancel", "not_found")]
    assert rows(dfdg_store, Absence)[0].status == "active"


# --- idempotency, audit, history --------------------------------------------------------------


def test_each_absence_write_is_idempotent(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = _registered(dfdg_store, dfdg_client, citizen)
    base = f"/persons/{person_id}"
    holiday = {
        "reason": "holiday",
        "first_day": days(3).isoformat(),
        "last_day": days(4).isoformat(),
    }
    sick = {"reason": "sickness", "first_day": days(-1).isoformat()}
    writes: list[tuple[str, dict[str, Any]]] = [
        (base + "/absences", holiday),
        (base + "/absences", sick),
        (base + "/recoveries", {"fit_day": TODAY.isoformat()}),
    ]
    answers = []
    for number, (path, body) in enumerate(writes):
        first = post(dfdg_client, path, body, citizen, key=f"w-{number}")
        replay = post(dfdg_client, path, body, citizen, key=f"w-{number}")
        assert first.status_code == 201, first.get_data(as_text=True)
        assert replay.headers["Idempotent-Replayed"] == "true"
        assert replay.get_json() == first.get_json()
        answers.append(first.get_json())
    cancel_path = f"{base}/absences/{answers[0]['id']}/cancellation"
    first = post(dfdg_client, cancel_path, {}, citizen, key="cancel")
    replay = post(dfdg_client, cancel_path, {}, citizen, key="cancel")
    assert (first.status_code, replay.status_code) == (200, 200)
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert count_rows(dfdg_store, Absence) == 2
    assert count_rows(dfdg_store, IdempotencyRecord) == 5  # registration + four writes
    assert [action for action, _ in audit_actions(dfdg_store, person_id)] == [
        "registration.create",
        "absence.create",
        "absence.create",
        "absence.recover",
        "absence.cancel",
    ]


def test_unknown_person_writes_are_404(dfdg_client: FlaskClient, citizen: Headers) -> None:
    for path, body in [
        ("/persons/nobody/absences", {"reason": "sickness", "first_day": TODAY.isoformat()}),
        ("/persons/nobody/recoveries", {"fit_day": TODAY.isoformat()}),
        ("/persons/nobody/absences/x/cancellation", {}),
    ]:
        assert_problem(post(dfdg_client, path, body, citizen), 404, "not-found")
    for path in ["/persons/nobody/absences", "/persons/nobody/status"]:
        assert_problem(get(dfdg_client, path, citizen), 404, "not-found")


def test_absence_history_is_newest_first_with_cancelled_ones(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers, caseworker: Headers
) -> None:
    person_id = _registered(dfdg_store, dfdg_client, citizen)
    holiday = _holiday(dfdg_client, person_id, caseworker, 20, 25).get_json()
    _cancel(dfdg_client, person_id, holiday["id"], citizen)
    _sick(dfdg_client, person_id, citizen, -10)
    _fit(dfdg_client, person_id, caseworker, -2)
    response = get(dfdg_client, f"/persons/{person_id}/absences", citizen)
    absences = response.get_json()["absences"]
    assert [(a["reason"], a["status"]) for a in absences] == [
        ("holiday", "cancelled"),
        ("sickness", "active"),
    ]
    assert absences[0]["created_by"]["name"] == "Hanne Møller"
    assert absences[1]["ended_by"]["type"] == "caseworker"
    assert audit_actions(dfdg_store, person_id)[-1] == ("absences.read", "ok")


# --- status -----------------------------------------------------------------------------------


def test_status_for_the_front_page(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers, caseworker: Headers
) -> None:
    person_id = _registered(dfdg_store, dfdg_client, citizen, since=-60)
    with today_is(dfdg_client.application, days(-40)):
        _holiday(dfdg_client, person_id, citizen, -30, -25)  # over before today
        _holiday(dfdg_client, person_id, citizen, -2, 3)  # current
    _holiday(dfdg_client, person_id, caseworker, 10, 12)
    cancelled = _holiday(dfdg_client, person_id, citizen, 20, 21).get_json()
    _cancel(dfdg_client, person_id, cancelled["id"], citizen)
    _sick(dfdg_client, person_id, citizen, 0)
    response = get(dfdg_client, f"/persons/{person_id}/status", citizen)
    assert response.status_code == 200
    status = response.get_json()
    assert (status["given_name"], status["family_name"]) == ("Test", "Person")
    assert status["today"] == TODAY.isoformat()
    assert status["contact_group"]["contact_group"] == 1
    assert status["registration"]["start_date"] == days(-60).isoformat()
    assert status["sickness"]["first_day"] == TODAY.isoformat()
    assert [h["first_day"] for h in status["holidays"]] == [
        days(-2).isoformat(),
        days(10).isoformat(),
    ]
    assert status["holidays"][1]["created_by"]["organisation_name"] == "Jobcenter København"
    assert [(a["reason"], a["first_day"]) for a in status["absences"]] == [
        ("holiday", days(-2).isoformat()),
        ("sickness", TODAY.isoformat()),
        ("holiday", days(10).isoformat()),
    ]
    assert status["counts"] == {"registrations": 1, "absences": 5, "upcoming_holidays": 2}
    assert audit_actions(dfdg_store, person_id)[-1] == ("status.read", "ok")


def test_status_lists_every_current_and_coming_absence_a_holiday_must_not_overlap(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers, caseworker: Headers
) -> None:
    person_id = _registered(dfdg_store, dfdg_client, citizen, since=-60)
    path = f"/persons/{person_id}/absences"

    def by_caseworker(reason: str, first: int, last: int | None) -> None:
        body = {"reason": reason, "first_day": days(first).isoformat()}
        if last is not None:
            body["last_day"] = days(last).isoformat()
        response = post(dfdg_client, path, body, caseworker)
        assert response.status_code == 201, response.get_data(as_text=True)

    by_caseworker("civic_duty", -10, -1)  # over before today: not in the status
    by_caseworker("maternity_short", 5, 10)
    assert _holiday(dfdg_client, person_id, citizen, 12, 14).status_code == 201
    cancelled = _holiday(dfdg_client, person_id, citizen, 30, 31).get_json()
    _cancel(dfdg_client, person_id, cancelled["id"], citizen)
    by_caseworker("civic_duty", 20, None)  # open: no known end
    status = get(dfdg_client, f"/persons/{person_id}/status", citizen).get_json()
    assert [(a["reason"], a["first_day"], a["last_day"]) for a in status["absences"]] == [
        ("maternity_short", days(5).isoformat(), days(10).isoformat()),
        ("holiday", days(12).isoformat(), days(14).isoformat()),
        ("civic_duty", days(20).isoformat(), None),
    ]
    assert status["absences"][0]["created_by"] == {
        "type": "caseworker",
        "name": "Hanne Møller",
        "organisation": "29190011",
        "organisation_name": "Jobcenter København",
    }
    assert [h["first_day"] for h in status["holidays"]] == [days(12).isoformat()]
    assert status["sickness"] is None
    # DFDG refuses exactly the holidays that touch what the status listed.
    for first, last in [(10, 11), (1, 5), (25, 26)]:
        assert rule_code(_holiday(dfdg_client, person_id, citizen, first, last))[0] == "overlaps"
    assert _holiday(dfdg_client, person_id, citizen, 11, 11).status_code == 201
    assert _holiday(dfdg_client, person_id, citizen, 1, 4).status_code == 201


def test_status_of_someone_not_registered(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = new_person(dfdg_store)
    status = get(dfdg_client, f"/persons/{person_id}/status", citizen).get_json()
    assert status["contact_group"] is None
    assert status["registration"] is None and status["sickness"] is None
    assert status["holidays"] == [] and status["absences"] == []
    assert status["counts"] == {"registrations": 0, "absences": 0, "upcoming_holidays": 0}


def _statements_of_status(
    client: FlaskClient, store: Store, person_id: str, headers: Headers, query: str = ""
) -> int:
    seen: list[str] = []

    def count(*_args: Any) -> None:
        seen.append("statement")

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        assert get(client, f"/persons/{person_id}/status{query}", headers).status_code == 200
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    return len(seen)


def test_status_is_a_handful_of_queries_whatever_the_history(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers, caseworker: Headers
) -> None:
    person_id = _registered(dfdg_store, dfdg_client, citizen)
    _holiday(dfdg_client, person_id, caseworker, 2, 3)
    few = _statements_of_status(dfdg_client, dfdg_store, person_id, citizen)
    for week in range(1, 8):
        _holiday(dfdg_client, person_id, caseworker, week * 7, week * 7 + 2)
    _sick(dfdg_client, person_id, citizen, -1)
    many = _statements_of_status(dfdg_client, dfdg_store, person_id, citizen)
    assert many == few
    assert many <= 10  # six reads, the audit insert, and the transaction's own statements


def test_status_without_counts_is_one_read_less(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: Headers
) -> None:
    person_id = _registered(dfdg_store, dfdg_client, citizen)
    path = f"/persons/{person_id}/status"
    assert get(dfdg_client, f"{path}?counts=false", citizen).get_json()["counts"] is None
    assert get(dfdg_client, f"{path}?counts=true", citizen).get_json()["counts"] is not None
    with_counts = _statements_of_status(dfdg_client, dfdg_store, person_id, citizen)
    without = _statements_of_status(dfdg_client, dfdg_store, person_id, citizen, "?counts=false")
    assert without == with_counts - 1
    refused = get(dfdg_client, f"{path}?counts=perhaps", citizen)
    assert refused.status_code == 422
    assert [e["field"] for e in refused.get_json()["errors"]] == ["counts"]
    assert get(dfdg_client, f"{path}?colour=blue", citizen).status_code == 422


def test_demo_persons_have_a_sickness_and_a_holiday(
    dfdg_client: FlaskClient, citizen: Headers, demo_data: None
) -> None:
    def status_of(cpr: str) -> dict[str, Any]:
        person_id = post(dfdg_client, "/persons/lookup", {"cpr": cpr}, citizen).get_json()
        return get(dfdg_client, f"/persons/{person_id['person_id']}/status", citizen).get_json()

    lars = status_of("0507921457")
    assert lars["sickness"] is not None and lars["registration"]["category"] == "cash_benefit"
    mette = status_of("1203851234")
    assert mette["holidays"][0]["created_by"]["organisation_name"] == "Jobcenter København"
    assert LONG_AGO.isoformat() < mette["registration"]["start_date"]
