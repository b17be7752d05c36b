"""GET /organisations/{cvr}/duties: the job centre's citizens with duties overdue or due within
a week, and summons they cannot come to; narrowed by kind; only the job centre's own citizens;
refused to anyone else (a fund's employee with jobcentre_only); each person listed audited, no
one else; a fixed number of reads whatever the number of citizens."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobnet.db import Store
from jobnet.dfdg.api.duty_overview import OVERVIEW
from tests.integration.dfdg.jobseeker_helpers import (
    TODAY,
    add_plan,
    add_summons,
    audit_actions,
    days,
    get,
    new_person,
    post,
    registered,
    rule_code,
    statements_run,
    today_is,
)

KOEBENHAVN = "29190011"
AARHUS = "29190012"
FUND = "39190021"
PATH = f"/organisations/{KOEBENHAVN}/duties"


def _as_organisation(caseworker: dict[str, str], cvr: str) -> dict[str, str]:
    return {**caseworker, "X-Actor-Id": f"CVR:{cvr}-RID:41120009", "X-Actor-Organisation": cvr}


def _overview(client: FlaskClient, headers: dict[str, str], query: str = "") -> dict[str, Any]:
    response = get(client, PATH + query, headers)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def _listed(body: dict[str, Any]) -> dict[str, list[str]]:
    return {person["person_id"]: [d["key"] for d in person["duties"]] for person in body["persons"]}


@pytest.fixture
def town(
    dfdg_app: Flask,
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    citizen: dict[str, str],
    caseworker: dict[str, str],
) -> Iterator[dict[str, str]]:
    """On TODAY: `cv` registers (CV due in 14 days), `plan` has a new plan unread, `quiet` has
    nothing due, `away` lives in Aarhus with a plan unread; `summoned` has a summons in 17 days
    and has said they cannot come."""
    with today_is(dfdg_app, TODAY):
        persons = {
            "cv": registered(dfdg_client, dfdg_store, citizen, "0101901234"),
            "plan": new_person(dfdg_store, "0202902345"),
            "quiet": new_person(dfdg_store, "0303903456"),
            "away": new_person(dfdg_store, "0404904567", municipality_code="0751"),
            "summoned": new_person(dfdg_store, "0505905678"),
        }
        add_plan(dfdg_client, persons["plan"], caseworker)
        add_plan(dfdg_client, persons["away"], _as_organisation(caseworker, AARHUS))
        summons_id = add_summons(dfdg_client, persons["summoned"], caseworker)
        told = post(
            dfdg_client,
            f"/persons/{persons['summoned']}/summons/{summons_id}/cannot-come",
            {"reason": "sickness", "note": "Influenza"},
            {**citizen, "X-Actor-Id": persons["summoned"]},
        )
        assert told.status_code == 200, told.get_data(as_text=True)
        persons["summons_id"] = summons_id
    yield persons


def test_due_within_a_week_overdue_first_and_the_cannot_come(
    dfdg_app: Flask, dfdg_client: FlaskClient, town: dict[str, str], caseworker: dict[str, str]
) -> None:
    with today_is(dfdg_app, TODAY):
        body = _overview(dfdg_client, caseworker)
    # The CV is due in 14 days: not yet within the week.
    assert _listed(body) == {
        town["plan"]: ["plan:1"],
        town["summoned"]: [f"interview:{town['summons_id']}"],
    }
    assert (body["today"], body["until"], body["total"]) == (
        TODAY.isoformat(),
        days(7).isoformat(),
        2,
    )
    interview = next(p for p in body["persons"] if p["person_id"] == town["summoned"])
    assert interview["duties"][0]["cannot_come"] is True
    assert interview["given_name"] == "Test" and interview["overdue"] == 0

    # Seven days before the CV's deadline it is due; the day after, overdue and listed first.
    with today_is(dfdg_app, days(7)):
        assert town["cv"] in _listed(_overview(dfdg_client, caseworker))
    with today_is(dfdg_app, days(6)):
        assert town["cv"] not in _listed(_overview(dfdg_client, caseworker))
    with today_is(dfdg_app, days(15)):
        body = _overview(dfdg_client, caseworker)
    first = body["persons"][0]
    assert first["person_id"] == town["cv"] and first["overdue"] == 1
    assert first["duties"][0]["key"] == "cv" and first["duties"][0]["state"] == "overdue"
    # The interview's time (10 December) is still ahead: the job centre must offer a new one.
    assert town["summoned"] in _listed(body)
    with today_is(dfdg_app, days(18)):
        assert town["summoned"] not in _listed(_overview(dfdg_client, caseworker))


def test_narrowed_by_kind(
    dfdg_app: Flask, dfdg_client: FlaskClient, town: dict[str, str], caseworker: dict[str, str]
) -> None:
    with today_is(dfdg_app, days(15)):
        assert set(_listed(_overview(dfdg_client, caseworker, "?kind=plan"))) == {town["plan"]}
        assert set(_listed(_overview(dfdg_client, caseworker, "?kind=cv"))) == {town["cv"]}
        interviews = _overview(dfdg_client, caseworker, "?kind=interview")
        assert set(_listed(interviews)) == {town["summoned"]}
        assert interviews["kind"] == "interview"
        response = get(dfdg_client, PATH + "?kind=nonsense", caseworker)
        assert response.status_code == 422


def test_each_person_listed_is_audited_and_no_one_else(
    dfdg_app: Flask,
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    town: dict[str, str],
    caseworker: dict[str, str],
) -> None:
    with today_is(dfdg_app, TODAY):
        _overview(dfdg_client, caseworker)
    for name in ("plan", "summoned"):
        assert audit_actions(dfdg_store, town[name]).count((OVERVIEW, "ok")) == 1
    for name in ("cv", "quiet", "away"):
        assert (OVERVIEW, "ok") not in audit_actions(dfdg_store, town[name])


def test_another_job_centre_sees_only_its_own_citizens(
    dfdg_app: Flask, dfdg_client: FlaskClient, town: dict[str, str], caseworker: dict[str, str]
) -> None:
    aarhus = _as_organisation(caseworker, AARHUS)
    with today_is(dfdg_app, TODAY):
        response = get(dfdg_client, f"/organisations/{AARHUS}/duties", aarhus)
        assert response.status_code == 200
        assert set(_listed(response.get_json())) == {town["away"]}
        # København's list is not Aarhus' to read.
        code, _fields = rule_code(get(dfdg_client, PATH, aarhus), 403)
    assert code == "caseworker_only"


def test_a_fund_employee_and_a_citizen_are_refused_and_it_is_audited(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    citizen: dict[str, str],
    caseworker: dict[str, str],
) -> None:
    fund = _as_organisation(caseworker, FUND)
    code, fields = rule_code(get(dfdg_client, f"/organisations/{FUND}/duties", fund), 403)
    assert (code, fields) == ("jobcentre_only", {"X-Actor-Organisation": "jobcentre_only"})
    code, _fields = rule_code(get(dfdg_client, PATH, fund), 403)
    assert code == "jobcentre_only"
    person_id = new_person(dfdg_store)
    code, _fields = rule_code(get(dfdg_client, PATH, {**citizen, "X-Actor-Id": person_id}), 403)
    assert code == "caseworker_only"
    assert audit_actions(dfdg_store).count((OVERVIEW, "denied")) == 3


def test_a_fixed_number_of_reads_whatever_the_number_of_citizens(
    dfdg_app: Flask,
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    town: dict[str, str],
    citizen: dict[str, str],
    caseworker: dict[str, str],
) -> None:
    with today_is(dfdg_app, days(15)), statements_run(dfdg_store) as few:
        _overview(dfdg_client, caseworker)
    with today_is(dfdg_app, TODAY):
        for n in range(6):
            registered(dfdg_client, dfdg_store, citizen, f"1{n}0190{n}234")
    with today_is(dfdg_app, TODAY + timedelta(days=15)), statements_run(dfdg_store) as many:
        body = _overview(dfdg_client, caseworker)
    assert body["total"] == 9
    assert len(many) == len(few)
