"""The statistics count the events sent to the funds by type and fund, and suppress a figure
about fewer than five persons, and whatever would give it away, as the public statistics do."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient

from jobnet.db import Store
from jobnet.dfdg.models.fund_events import FundEvent
from jobnet.dfdg.queries import fund_events as event_queries
from tests.integration.dfdg.fund_event_helpers import FUND_A, FUND_B, member
from tests.integration.dfdg.jobseeker_helpers import TODAY


def _events(store: Store, person_id: str, cvr: str, kind: str, count: int = 1) -> None:
    with store.session() as session:
        fund = event_queries.fund_by_cvr(session, cvr)
        assert fund is not None
        for _ in range(count):
            event_queries.record(
                session,
                person_id=person_id,
                fund=fund,
                fields={
                    "type": kind,
                    "source": "caseworker",
                    "event_date": TODAY,
                    "created_by_type": "caseworker",
                },
                has_webhook=False,
            )
        session.commit()


def _cells(client: FlaskClient, query: str = "") -> dict[tuple[str, str], Any]:
    response = client.get(f"/api/v1/statistics/fund-events{query}")
    assert response.status_code == 200, response.get_data(as_text=True)
    return {(c["fund"], c["type"]): c for c in response.get_json()["cells"]}


def test_events_by_type_and_fund_with_small_numbers_suppressed(
    raw_dfdg_client: FlaskClient, dfdg_store: Store
) -> None:
    for number in range(6):  # six persons of fund A refused a job
        _events(dfdg_store, member(dfdg_store, f"01019{number}1234", FUND_A), FUND_A, "job_refused")
    # Two persons of fund A did not attend, one of them twice: 3 events, 2 persons.
    first = member(dfdg_store, "0202901234", FUND_A)
    _events(dfdg_store, first, FUND_A, "no_show", 2)
    _events(dfdg_store, member(dfdg_store, "0202911234", FUND_A), FUND_A, "no_show")
    # Six of fund B stayed away from an offer.
    for number in range(6):
        person = member(dfdg_store, f"03039{number}1234", FUND_B)
        _events(dfdg_store, person, FUND_B, "offer_absence")
    cells = _cells(raw_dfdg_client)
    assert cells[(FUND_A, "job_refused")]["events"] == 6
    assert cells[(FUND_B, "offer_absence")]["events"] == 6
    assert cells[(FUND_A, "no_show")]["events"] is None
    assert cells[(FUND_A, "no_show")]["suppressed"] == "primary"
    # Fund A's total would give the no-shows away (9 - 6 - 0 …): one more of its row is hidden.
    row_a = [cell for (fund, _), cell in cells.items() if fund == FUND_A]
    assert [c["suppressed"] for c in row_a].count("secondary") >= 1
    assert cells[(FUND_B, "job_refused")]["events"] == 0  # nobody: published as 0
    assert cells[(FUND_A, "*")]["fund_name"] and cells[("*", "*")]["fund_name"] is None
    # Another period has none of them.
    assert _cells(raw_dfdg_client, "?from=2020-01&to=2020-02")[("*", "*")]["events"] == 0
    assert len(dfdg_rows := _all(dfdg_store)) == 15 and dfdg_rows


def _all(store: Store) -> list[FundEvent]:
    with store.session() as session:
        return list(session.query(FundEvent))
