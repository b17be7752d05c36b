"""The funds' reach table decides every person route of DFDG's API for a fund's employee.

The test walks DFDG's registered person routes (as `test_audit_every_operation` does), so a
route added tomorrow is walked too, and fails until it is classified in
`jobnet.dfdg.fund_reach.ROUTES`. For a member of the fund: a route the table allows passes the
access rules (the answer is the view's own, never a refusal), one the table refuses is 403 with
the table's code; for a member of another fund and for a person of no fund: the answer of an
unknown id (404), word for word. Each leaves exactly one audit entry naming the fund as the
actor's organisation.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from jobnet.db import Store
from jobnet.dfdg.api.blueprint import api
from jobnet.dfdg.fund_reach import HISTORY_RECORDS, ROUTES, route_record
from jobnet.dfdg.insight import record_types
from jobnet.dfdg.models.audit import AuditEntry
from jobnet.dfdg.openapi import Operation
from jobnet.dfdg.queries import fund_memberships
from jobnet.dfdg.queries import organisations as organisation_queries
from jobnet.domain.fund_reach import (
    FUND_REACH,
    JOBCENTRE_ONLY,
    FundRecord,
    Use,
    fund_may,
    refusal,
)
from tests.integration.dfdg.jobseeker_helpers import TODAY, new_person
from tests.integration.dfdg.test_audit_every_operation import _body

FUND_A = "39190021"
FUND_B = "39190022"
OTHER_ID = "00000000-0000-4000-8000-000000000000"
NO_PERSON = "No person has this id"


def _person_routes() -> list[Operation]:
    return [op for op in api.operations if "<person_id>" in op.rule]


def _cases() -> list[tuple[Operation, str | None]]:
    """Each person route once; the history once for every record type."""
    cases: list[tuple[Operation, str | None]] = []
    for op in _person_routes():
        if "<record_type>" in op.rule:
            cases += [(op, record_type) for record_type in sorted(HISTORY_RECORDS)]
        else:
            cases.append((op, None))
    return cases


def _case_id(case: Any) -> str:
    if isinstance(case, tuple):
        op, record_type = case
        return op.endpoint + (f"-{record_type}" if record_type else "")
    return str(case)


pytestmark = pytest.mark.usefixtures("pinned_today")


def _fund(caseworker: dict[str, str], cvr: str = FUND_A) -> dict[str, str]:
    return {
        **caseworker,
        "X-Actor-Id": f"CVR:{cvr}-RID:41120007",
        "X-Actor-Name": "Maja%20Lund",
        "X-Actor-Organisation": cvr,
    }


def _person(store: Store, cpr: str, fund: str | None) -> str:
    person_id = new_person(store, cpr, group=1, since=TODAY - timedelta(days=30))
    if fund is not None:
        with store.session() as session:
            organisation = organisation_queries.by_cvr(session, fund)
            assert organisation is not None
            fund_memberships.join(session, person_id, organisation.id, date(2020, 1, 1))
    return person_id


def _path(op: Operation, person_id: str, record_type: str | None) -> str:
    path = "/api/v1" + op.rule.replace("<person_id>", person_id)
    path = path.replace("<int:number>", "1").replace("<record_type>", record_type or "")
    for part in ("absence_id", "entry_id", "summons_id", "record_id", "thread_id"):
        path = path.replace(f"<{part}>", OTHER_ID)
    return path.replace("<attachment_id>", OTHER_ID)


def _call(
    client: FlaskClient, op: Operation, person_id: str, record_type: str | None, headers: Any
) -> Any:
    extra = {"Idempotency-Key": f"reach-{op.endpoint}-{person_id}"} if op.idempotent else {}
    return client.open(
        _path(op, person_id, record_type),
        method=op.method,
        json=_body(op.request_body) if op.method != "GET" else None,
        headers={**headers, **extra},
    )


def _entries(store: Store, person_id: str) -> list[AuditEntry]:
    with store.session() as session:
        query = select(AuditEntry).where(AuditEntry.person_id == person_id)
        return list(session.scalars(query.order_by(AuditEntry.id)))


def test_every_person_route_and_history_record_type_is_classified() -> None:
    endpoints = {op.endpoint for op in _person_routes()}
    unclassified = sorted(endpoints - set(ROUTES))
    assert not unclassified, f"classify in jobnet/dfdg/fund_reach.py ROUTES: {unclassified}"
    assert not sorted(set(ROUTES) - endpoints), "ROUTES names a route that does not exist"
    assert set(record_types()) == set(HISTORY_RECORDS)
    assert set(FUND_REACH) == set(FundRecord)


def test_the_table_says_what_the_law_gives_a_fund() -> None:
    allowed = {(record, use) for record in FundRecord for use in Use if fund_may(record, use)}
    assert {
        (FundRecord.REGISTRATION, Use.WRITE),
        (FundRecord.ABSENCE, Use.WRITE),
        (FundRecord.CV_APPROVAL, Use.WRITE),
        (FundRecord.SUMMONS, Use.READ),
        (FundRecord.INTERVIEW, Use.READ),
        (FundRecord.JOBLOG, Use.READ),
    } <= allowed
    for record in (FundRecord.SUMMONS, FundRecord.PLAN, FundRecord.INTERVIEW):
        assert (record, Use.WRITE) not in allowed
        assert refusal(record) == JOBCENTRE_ONLY
    assert (FundRecord.MESSAGES, Use.READ) not in allowed


@pytest.mark.parametrize("case", _cases(), ids=_case_id)
def test_a_members_route_is_allowed_or_refused_as_the_table_says_and_audited(
    case: tuple[Operation, str | None],
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    caseworker: dict[str, str],
) -> None:
    op, record_type = case
    member = _person(dfdg_store, "0303901234", FUND_A)
    response = _call(dfdg_client, op, member, record_type, _fund(caseworker))
    answer = response.get_json(silent=True) or {}
    assert not str(answer.get("type", "")).endswith("validation-error"), answer
    found = route_record(op.endpoint, {"record_type": record_type})
    assert found is not None
    record, route = found
    [entry] = _entries(dfdg_store, member)
    assert (entry.organisation, entry.actor_type) == (FUND_A, "caseworker")
    if fund_may(record, route.use):
        assert response.status_code < 500, response.get_data(as_text=True)
        # Past the access rules: the view answered (a 404 of a sub-record, a broken rule).
        assert answer.get("code") not in ("jobcentre_only", "person_only"), answer
        assert answer.get("detail") != NO_PERSON, answer
        assert response.status_code != 403 or answer.get("code") == "caseworker_only", answer
    else:
        assert response.status_code == 403, response.get_data(as_text=True)
        assert answer["code"] == (route.refusal or refusal(record))
        assert (entry.outcome, entry.action) == ("denied", route.action)


@pytest.mark.parametrize("case", _cases(), ids=_case_id)
@pytest.mark.parametrize("membership", ["other_fund", "no_fund"])
def test_a_non_member_is_unknown_to_the_fund_on_every_route_and_audited(
    case: tuple[Operation, str | None],
    membership: str,
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    caseworker: dict[str, str],
) -> None:
    op, record_type = case
    fund = _fund(caseworker)
    stranger = _person(dfdg_store, "0404901234", FUND_B if membership == "other_fund" else None)
    unknown = _call(dfdg_client, op, OTHER_ID, record_type, fund)
    response = _call(dfdg_client, op, stranger, record_type, fund)
    assert response.status_code == 404, response.get_data(as_text=True)
    assert response.get_json() == unknown.get_json()
    [entry] = _entries(dfdg_store, stranger)
    assert (entry.organisation, entry.outcome) == (FUND_A, "denied")


def test_the_job_centre_keeps_every_route_the_fund_is_refused(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    """The table narrows a fund, never a job centre: the member's own job centre is answered
    by the view on every route a fund is refused."""
    member = _person(dfdg_store, "0303901234", FUND_A)
    for op, record_type in _cases():
        found = route_record(op.endpoint, {"record_type": record_type})
        assert found is not None
        record, route = found
        if fund_may(record, route.use):
            continue
        answer = _call(dfdg_client, op, member, record_type, caseworker).get_json(silent=True)
        assert (answer or {}).get("code") not in ("jobcentre_only", "person_only"), op.endpoint
