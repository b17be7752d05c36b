"""The letters API (GET /persons/{id}/letters): one letter per change of each summons and per
plan version, newest first, the time each summons letter gave; a citizen reads only their own,
a caseworker only their job centre's citizens; every read audited; reading marks nothing read."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from jobnet.db import Store
from jobnet.dfdg.models.plans import JobPlanVersion
from jobnet.dfdg.models.summons import Summons
from tests.integration.dfdg.demo_people import EMMA, LARS, METTE, demo_person_ids
from tests.integration.dfdg.jobseeker_helpers import audit_actions, get


@pytest.fixture
def ids(dfdg_store: Store, demo_data: None) -> dict[str, str]:
    return demo_person_ids(dfdg_store)


pytestmark = pytest.mark.usefixtures("pinned_demo_today")


def _seen(dfdg_store: Store, person_id: str) -> list[object]:
    with dfdg_store.session() as session:
        summons = session.scalars(select(Summons.seen_at).where(Summons.person_id == person_id))
        versions = session.scalars(select(JobPlanVersion.seen_at))
        return [*summons, *versions]


def test_the_persons_letters_newest_first(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict[str, str], ids: dict[str, str]
) -> None:
    mette = {**citizen, "X-Actor-Id": ids[METTE]}
    seen_before = _seen(dfdg_store, ids[METTE])
    response = get(dfdg_client, f"/persons/{ids[METTE]}/letters", mette)
    assert response.status_code == 200
    letters = response.get_json()["letters"]
    kinds = sorted(letter["kind"] for letter in letters)
    assert kinds == [
        "plan",
        "plan_revised",
        "summons",
        "summons",
        "summons",
        "summons",
        "summons_cancelled",
        "summons_moved",
    ]
    order = [(letter["letter_date"], letter["recorded_at"]) for letter in letters]
    assert order == sorted(order, reverse=True)
    assert all(letter["organisation_cvr"] == "29190011" for letter in letters)
    moved = next(letter for letter in letters if letter["kind"] == "summons_moved")
    first = next(
        letter
        for letter in letters
        if letter["summons_id"] == moved["summons_id"] and letter["number"] == 1
    )
    assert (first["number"], moved["number"]) == (1, 2)
    assert first["starts_at"] != moved["starts_at"]  # each letter gave its own time
    assert first["letter_date"] < moved["letter_date"]
    plans = [letter for letter in letters if letter["kind"].startswith("plan")]
    assert sorted(p["number"] for p in plans) == [1, 2]
    assert all(p["summons_id"] is None and p["starts_at"] is None for p in plans)
    assert _seen(dfdg_store, ids[METTE]) == seen_before  # the list marks nothing read
    assert audit_actions(dfdg_store, ids[METTE])[-1] == ("letters.list", "ok")


def test_no_letters_is_an_empty_list(
    dfdg_client: FlaskClient, citizen: dict[str, str], ids: dict[str, str]
) -> None:
    emma = {**citizen, "X-Actor-Id": ids[EMMA]}
    assert get(dfdg_client, f"/persons/{ids[EMMA]}/letters", emma).get_json()["letters"] == []


def test_only_the_person_and_their_job_centre_read_the_letters(
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    citizen: dict[str, str],
    caseworker: dict[str, str],
    ids: dict[str, str],
) -> None:
    mette = {**citizen, "X-Actor-Id": ids[METTE]}
    assert get(dfdg_client, f"/persons/{ids[LARS]}/letters", mette).status_code == 404
    # Refused by the access check every person-scoped operation passes first, and audited.
    assert audit_actions(dfdg_store)[-1] == ("person.access", "not_found")
    copenhagen = get(dfdg_client, f"/persons/{ids[METTE]}/letters", caseworker)
    assert copenhagen.status_code == 200 and len(copenhagen.get_json()["letters"]) == 8
    aarhus_citizen = get(dfdg_client, f"/persons/{ids[LARS]}/letters", caseworker)
    assert aarhus_citizen.status_code == 403  # another municipality's citizen
    assert audit_actions(dfdg_store)[-1] == ("person.access", "denied")
