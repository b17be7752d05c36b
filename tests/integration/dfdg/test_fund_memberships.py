"""The funds' membership register decides which fund reaches a person: its members of today,
no one else (to a fund, anyone else is unknown: 404), and after a change of fund only the new
fund."""

from __future__ import annotations

from datetime import date, timedelta

from flask.testing import FlaskClient

from jobnet.db import Store
from jobnet.dfdg import clock
from jobnet.dfdg.demo import load_demo_data
from jobnet.dfdg.queries import fund_memberships
from jobnet.dfdg.queries import organisations as organisation_queries
from jobnet.dfdg.queries import persons as person_queries
from tests.integration.dfdg.jobseeker_helpers import new_person

FUND_A = "39190021"
FUND_B = "39190022"


def _join(store: Store, person_id: str, cvr: str, start: date) -> None:
    with store.session() as session:
        fund = organisation_queries.by_cvr(session, cvr)
        assert fund is not None
        fund_memberships.join(session, person_id, fund.id, start)


def _status(client: FlaskClient, headers: dict[str, str], person_id: str, cvr: str) -> int:
    fund_headers = {**headers, "X-Actor-Organisation": cvr}
    return client.get(f"/api/v1/persons/{person_id}", headers=fund_headers).status_code


def test_a_fund_reaches_its_members_and_no_one_else(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    member = new_person(dfdg_store, "0303901234", group=1)
    stranger = new_person(dfdg_store, "0404901234", group=1)
    _join(dfdg_store, member, FUND_A, date(2020, 1, 1))
    assert _status(dfdg_client, caseworker, member, FUND_A) == 200
    assert _status(dfdg_client, caseworker, member, FUND_B) == 404
    assert _status(dfdg_client, caseworker, stranger, FUND_A) == 404


def test_a_change_of_fund_moves_the_person_to_the_new_fund_from_its_first_day(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    person_id = new_person(dfdg_store, group=1)
    today = clock.today()
    _join(dfdg_store, person_id, FUND_A, date(2020, 1, 1))
    _join(dfdg_store, person_id, FUND_B, today)
    assert _status(dfdg_client, caseworker, person_id, FUND_A) == 404
    assert _status(dfdg_client, caseworker, person_id, FUND_B) == 200
    with dfdg_store.session() as session:
        old, new = fund_memberships.history(session, person_id)
        assert old.end_date == today - timedelta(days=1)
        assert new.end_date is None
        fund_a = fund_memberships.fund_of(session, person_id, today - timedelta(days=1))
        assert fund_a is not None and fund_a.cvr == FUND_A
        fund_b = organisation_queries.by_cvr(session, FUND_B)
        assert fund_b is not None
        assert fund_memberships.member_ids(session, fund_b.id, today) == [person_id]


def test_joining_the_same_fund_again_changes_nothing_and_a_future_change_waits(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    person_id = new_person(dfdg_store, group=1)
    today = clock.today()
    _join(dfdg_store, person_id, FUND_A, date(2020, 1, 1))
    _join(dfdg_store, person_id, FUND_A, date(2021, 1, 1))
    _join(dfdg_store, person_id, FUND_B, today + timedelta(days=30))
    with dfdg_store.session() as session:
        assert len(fund_memberships.history(session, person_id)) == 2
    assert _status(dfdg_client, caseworker, person_id, FUND_A) == 200
    assert _status(dfdg_client, caseworker, person_id, FUND_B) == 404


def test_a_former_member_is_out_of_reach_after_the_last_day(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    person_id = new_person(dfdg_store, group=1)
    _join(dfdg_store, person_id, FUND_A, date(2020, 1, 1))
    with dfdg_store.session() as session:
        fund_memberships.leave(session, person_id, clock.today() - timedelta(days=1))
    assert _status(dfdg_client, caseworker, person_id, FUND_A) == 404


def test_the_demo_data_makes_members_of_both_demo_funds(dfdg_store: Store) -> None:
    with dfdg_store.session() as session:
        load_demo_data(session)
        load_demo_data(session)  # loading twice adds no second membership
        mette = person_queries.find_by_cpr(session, "1203851234")
        mads = person_queries.find_by_cpr(session, "1908871245")
        assert mette is not None and mads is not None
        assert len(fund_memberships.history(session, mette.id)) == 1
        fund_of_mette = fund_memberships.fund_of(session, mette.id, clock.today())
        fund_of_mads = fund_memberships.fund_of(session, mads.id, clock.today())
        assert fund_of_mette is not None and fund_of_mette.cvr == FUND_A
        assert fund_of_mads is not None and fund_of_mads.cvr == FUND_B
