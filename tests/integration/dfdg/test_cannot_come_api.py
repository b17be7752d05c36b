"""POST /persons/{id}/summons/{sid}/cannot-come: before the interview, once for each time, a
note for "other"; shown on the summons and meeting the interview duty; audited."""

from __future__ import annotations

from datetime import date

import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobnet.db import Store
from tests.integration.dfdg.jobseeker_helpers import (
    TODAY,
    add_summons,
    audit_actions,
    get,
    new_person,
    post,
    rule_code,
    today_is,
)

STARTS = "2026-11-30T10:00:00+01:00"


pytestmark = pytest.mark.usefixtures("pinned_today")


def test_the_person_tells_they_cannot_come_and_it_shows_and_meets_the_duty(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    citizen: dict[str, str],
    caseworker: dict[str, str],
) -> None:
    person_id = new_person(dfdg_store, group=1, since=TODAY)
    summons_id = add_summons(dfdg_client, person_id, caseworker, STARTS)
    me = {**citizen, "X-Actor-Id": person_id}
    path = f"/persons/{person_id}/summons/{summons_id}/cannot-come"
    body = {"reason": "sickness", "note": "Influenza", "reference": "JN-TEST-0001"}
    response = post(dfdg_client, path, body, me)
    assert response.status_code == 200, response.get_data(as_text=True)
    told = response.get_json()["cannot_come"]
    assert (told["reason"], told["note"], told["for_current_time"]) == (
        "sickness",
        "Influenza",
        True,
    )
    assert told["given_by_type"] == "citizen" and told["reference"] == "JN-TEST-0001"
    assert (("summons.cannot_come", "ok")) in audit_actions(dfdg_store, person_id)

    found, _fields = rule_code(post(dfdg_client, path, body, me))
    assert found == "already_told"

    seen = get(dfdg_client, f"/persons/{person_id}/summons/{summons_id}", caseworker)
    assert seen.get_json()["cannot_come"]["reason"] == "sickness"
    duties = get(dfdg_client, f"/persons/{person_id}/duties", me).get_json()["duties"]
    [interview] = [duty for duty in duties if duty["kind"] == "interview"]
    assert (interview["state"], interview["cannot_come"]) == ("done", True)

    # The job centre offers a new time: the notice was for the earlier one; a new one may come.
    move = {"starts_at": "2026-12-02T10:00:00+01:00", "letter_sent_date": TODAY.isoformat()}
    moved = post(dfdg_client, f"/persons/{person_id}/summons/{summons_id}/move", move, caseworker)
    assert moved.status_code == 200, moved.get_data(as_text=True)
    assert moved.get_json()["cannot_come"]["for_current_time"] is False
    duties = get(dfdg_client, f"/persons/{person_id}/duties", me).get_json()["duties"]
    [interview] = [duty for duty in duties if duty["kind"] == "interview"]
    assert interview["state"] == "to_do"
    again = post(dfdg_client, path, {"reason": "job_interview"}, me)
    assert again.status_code == 200 and again.get_json()["cannot_come"]["for_current_time"]


def test_the_rules(
    dfdg_app: Flask,
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    citizen: dict[str, str],
    caseworker: dict[str, str],
) -> None:
    person_id = new_person(dfdg_store, group=1, since=TODAY)
    summons_id = add_summons(dfdg_client, person_id, caseworker, STARTS)
    me = {**citizen, "X-Actor-Id": person_id}
    path = f"/persons/{person_id}/summons/{summons_id}/cannot-come"
    found, fields = rule_code(post(dfdg_client, path, {"reason": "other"}, me))
    assert (found, fields) == ("note_required", {"note": "note_required"})
    found, fields = rule_code(post(dfdg_client, path, {"reason": "work", "note": "n" * 501}, me))
    assert fields == {"note": "note_too_long"}
    assert post(dfdg_client, path, {"reason": "sleepy"}, me).status_code == 422
    with today_is(dfdg_app, date(2026, 12, 1)):
        found, _fields = rule_code(post(dfdg_client, path, {"reason": "sickness"}, me))
    assert found == "interview_started"
    other = new_person(dfdg_store, "0202901234", group=1, since=TODAY)
    response = post(dfdg_client, path, {"reason": "sickness"}, {**citizen, "X-Actor-Id": other})
    assert response.status_code == 404
    assert ("summons.cannot_come", "rejected") in audit_actions(dfdg_store, person_id)
