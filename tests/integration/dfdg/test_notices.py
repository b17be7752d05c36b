"""Notices (issue 23): a new summons, a moved or cancelled one, and a new plan version each
record that a letter waits for the person, in the same transaction; a refused write records
none."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from jobnet.db import Store
from jobnet.dfdg.models.notices import Notice
from jobnet.dfdg.notices import notice_waiting
from jobnet.dfdg.queries import persons as person_queries
from tests.integration.dfdg.demo_people import DEMO_TODAY as TODAY
from tests.integration.dfdg.demo_people import EMMA
from tests.integration.dfdg.jobseeker_helpers import post
from tests.integration.dfdg.test_summons_api import summons_body


@pytest.fixture
def emma(dfdg_store: Store, demo_data: None) -> str:
    with dfdg_store.session() as session:
        person = person_queries.find_by_cpr(session, EMMA)
        assert person is not None
        return person.id


pytestmark = pytest.mark.usefixtures("pinned_demo_today")


def notices(store: Store) -> list[tuple[str, str]]:
    with store.session() as session:
        return [(n.person_id, n.kind) for n in session.scalars(select(Notice).order_by(Notice.id))]


def test_a_new_moved_and_cancelled_summons_each_leave_a_letter_notice(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str], emma: str
) -> None:
    created = post(dfdg_client, f"/persons/{emma}/summons", summons_body(), caseworker)
    assert created.status_code == 201
    assert notices(dfdg_store) == [(emma, "letter")]
    summons_id = created.get_json()["id"]
    moved = post(
        dfdg_client,
        f"/persons/{emma}/summons/{summons_id}/move",
        {"starts_at": "2026-10-27T10:00:00+01:00", "letter_sent_date": TODAY.isoformat()},
        caseworker,
    )
    assert moved.status_code == 200, moved.get_data(as_text=True)
    cancelled = post(
        dfdg_client,
        f"/persons/{emma}/summons/{summons_id}/cancellation",
        {"letter_sent_date": TODAY.isoformat()},
        caseworker,
    )
    assert cancelled.status_code == 200, cancelled.get_data(as_text=True)
    assert notices(dfdg_store) == [(emma, "letter")] * 3


def test_a_refused_summons_leaves_no_notice(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str], emma: str
) -> None:
    refused = post(
        dfdg_client,
        f"/persons/{emma}/summons",
        summons_body(starts_at="2026-10-01T10:00:00+02:00"),
        caseworker,
    )
    assert refused.status_code == 422
    assert notices(dfdg_store) == []


def test_an_unknown_kind_is_refused(dfdg_store: Store, emma: str) -> None:
    with dfdg_store.session() as session, pytest.raises(ValueError, match="unknown notice kind"):
        notice_waiting(session, emma, "news")
