"""Every organisation-wide route of DFDG's API (not a person route) is classified in
`jobnet.dfdg.organisation_reach.ROUTES`, and a fund's employee is refused each route that is
the job centre's — whichever CVR number the path names — with 403 `jobcentre_only`, audited as
denied; the job centre's own caseworker still reaches them. The test walks the registered
routes, so a route added tomorrow fails here until it is classified."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from jobnet.db import Store
from jobnet.dfdg.api.blueprint import api
from jobnet.dfdg.models.audit import AuditEntry
from jobnet.dfdg.openapi import Operation
from jobnet.dfdg.organisation_reach import ROUTES, Owner
from tests.integration.dfdg.test_audit_every_operation import _body

FUND_A = "39190021"
JOBCENTRE = "29190011"  # the demo caseworkers' job centre (København)
OTHER_ID = "00000000-0000-4000-8000-000000000000"


def _organisation_routes() -> list[Operation]:
    return [op for op in api.operations if "<person_id>" not in op.rule]


def _jobcentre_routes() -> list[Operation]:
    return [op for op in _organisation_routes() if ROUTES[op.endpoint].owner == Owner.JOBCENTRE]


def _fund(caseworker: dict[str, str]) -> dict[str, str]:
    return {
        **caseworker,
        "X-Actor-Id": f"CVR:{FUND_A}-RID:41120007",
        "X-Actor-Name": "Maja%20Lund",
        "X-Actor-Organisation": FUND_A,
    }


def _call(client: FlaskClient, op: Operation, cvr: str, headers: dict[str, str]) -> Any:
    path = "/api/v1" + op.rule.replace("<cvr>", cvr).replace("<fund>", cvr)
    for part in ("thread_id", "attachment_id"):
        path = path.replace(f"<{part}>", OTHER_ID)
    extra = {"Idempotency-Key": f"org-{op.endpoint}-{cvr}"} if op.idempotent else {}
    return client.open(
        path,
        method=op.method,
        json=_body(op.request_body) if op.method != "GET" else None,
        headers={**headers, **extra},
    )


def _denied(store: Store) -> list[tuple[str, str | None]]:
    with store.session() as session:
        query = select(AuditEntry).where(AuditEntry.outcome == "denied")
        return [(entry.action, entry.organisation) for entry in session.scalars(query)]


def test_every_organisation_wide_route_is_classified() -> None:
    endpoints = {op.endpoint for op in _organisation_routes()}
    unclassified = sorted(endpoints - set(ROUTES))
    assert not unclassified, f"classify in jobnet/dfdg/organisation_reach.py: {unclassified}"
    assert not sorted(set(ROUTES) - endpoints), "ROUTES names a route that does not exist"
    # Public routes are exactly the ones the API serves without a token.
    public = {op.endpoint for op in _organisation_routes() if op.public}
    assert public == {name for name, route in ROUTES.items() if route.owner == Owner.PUBLIC}
    assert {"jobcentre_duties", "organisation_summons", "booking_slots", "inbox"} <= {
        op.endpoint for op in _jobcentre_routes()
    }


@pytest.mark.parametrize("op", _jobcentre_routes(), ids=lambda op: op.endpoint)
@pytest.mark.parametrize("cvr", [FUND_A, JOBCENTRE], ids=["own_fund", "a_job_centre"])
def test_a_funds_employee_is_refused_the_job_centres_routes_and_audited(
    op: Operation, cvr: str, dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    response = _call(dfdg_client, op, cvr, _fund(caseworker))
    assert response.status_code == 403, response.get_data(as_text=True)
    assert response.get_json()["code"] == "jobcentre_only"
    assert _denied(dfdg_store) == [(ROUTES[op.endpoint].action, FUND_A)]


@pytest.mark.parametrize("op", _jobcentre_routes(), ids=lambda op: op.endpoint)
def test_the_job_centres_caseworker_is_let_through(
    op: Operation, dfdg_client: FlaskClient, caseworker: dict[str, str]
) -> None:
    response = _call(dfdg_client, op, JOBCENTRE, caseworker)
    answer = response.get_json(silent=True) or {}
    assert response.status_code < 500, response.get_data(as_text=True)
    assert answer.get("code") not in ("jobcentre_only", "caseworker_only"), answer
