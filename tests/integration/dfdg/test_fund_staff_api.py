"""A fund's employee in DFDG: reads its members' data and no one else's, registers and
deregisters them, reports their sickness and holidays and approves their CV, but may not make
summons or plans (403 `jobcentre_only`); anyone else is unknown to it (404); every access is
audited with the fund as the actor's
organisation, and the member's access log names the fund."""

from __future__ import annotations

from datetime import date

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from jobnet.db import Store
from jobnet.dfdg.models.audit import AuditEntry
from jobnet.dfdg.queries import fund_memberships
from jobnet.dfdg.queries import organisations as organisation_queries
from tests.integration.dfdg.jobseeker_helpers import (
    TODAY,
    days,
    get,
    new_person,
    post,
    registration_body,
    rule_code,
)
from tests.integration.dfdg.test_plans_api import plan_body
from tests.integration.dfdg.test_summons_api import summons_body

FUND_A = "39190021"  # Demo A-kasse for Lønmodtagere
FUND_B = "39190022"


pytestmark = pytest.mark.usefixtures("pinned_today")


def _fund(caseworker: dict[str, str], cvr: str = FUND_A) -> dict[str, str]:
    return {
        **caseworker,
        "X-Actor-Id": f"CVR:{cvr}-RID:41120007",
        "X-Actor-Name": "Maja%20Lund",
        "X-Actor-Organisation": cvr,
    }


def _member(store: Store, cpr: str, cvr: str = FUND_A, group: int = 1) -> str:
    person_id = new_person(store, cpr, group=group)
    with store.session() as session:
        fund = organisation_queries.by_cvr(session, cvr)
        assert fund is not None
        fund_memberships.join(session, person_id, fund.id, date(2020, 1, 1))
    return person_id


def _entries(store: Store, person_id: str) -> list[AuditEntry]:
    with store.session() as session:
        query = select(AuditEntry).where(AuditEntry.person_id == person_id)
        return list(session.scalars(query.order_by(AuditEntry.id)))


def test_a_fund_reads_its_members_data_and_every_read_names_the_fund(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str], citizen: dict[str, str]
) -> None:
    member = _member(dfdg_store, "0303901234")
    fund = _fund(caseworker)
    for path in ("", "/status", "/absences", "/registrations", "/cv", "/joblog", "/summons"):
        response = get(dfdg_client, f"/persons/{member}{path}", fund)
        assert response.status_code == 200, (path, response.get_data(as_text=True))
    entries = _entries(dfdg_store, member)
    assert len(entries) >= 7
    assert {(e.organisation, e.actor_type, e.outcome) for e in entries} == {
        (FUND_A, "caseworker", "ok")
    }
    own = {**citizen, "X-Actor-Id": member}
    log = get(dfdg_client, f"/persons/{member}/audit-log", own).get_json()
    names = {entry.get("organisation_name") for entry in log["entries"]}
    assert "Demo A-kasse for Lønmodtagere" in names


def test_another_funds_member_and_a_non_member_are_out_of_reach_and_audited(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    other_funds = _member(dfdg_store, "0303901234", FUND_B)
    stranger = new_person(dfdg_store, "0404901234", group=1)
    fund = _fund(caseworker)
    unknown = get(dfdg_client, "/persons/00000000-0000-4000-8000-000000000000", fund)
    for person_id in (other_funds, stranger):
        # The answer of an unknown id, word for word: the fund learns nothing of the person.
        for path in ("", "/cv"):
            response = get(dfdg_client, f"/persons/{person_id}{path}", fund)
            assert response.status_code == 404
            assert response.get_json() == unknown.get_json()
        [denied, *_] = _entries(dfdg_store, person_id)
        assert (denied.outcome, denied.organisation) == ("denied", FUND_A)
    # A search by CPR number tells nothing: the answer of an unknown number.
    lookup = post(dfdg_client, "/persons/lookup", {"cpr": "0404901234"}, fund)
    assert lookup.status_code == 404


def test_a_fund_registers_reports_absences_and_approves_the_cv_of_a_member(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    member = _member(dfdg_store, "0303901234")
    fund = _fund(caseworker)
    base = f"/persons/{member}"
    registered = post(dfdg_client, f"{base}/registrations", registration_body(), fund)
    assert registered.status_code == 201, registered.get_data(as_text=True)
    assert registered.get_json()["created_by"]["organisation"] == FUND_A
    holiday = {
        "reason": "holiday",
        "first_day": days(10).isoformat(),
        "last_day": days(12).isoformat(),
    }
    assert post(dfdg_client, f"{base}/absences", holiday, fund).status_code == 201
    sick = {"reason": "sickness", "first_day": TODAY.isoformat()}
    reported = post(dfdg_client, f"{base}/absences", sick, fund)
    assert reported.status_code == 201, reported.get_data(as_text=True)
    approval = {"status": "approved", "date": TODAY.isoformat()}
    approved = dfdg_client.put(
        f"/api/v1{base}/cv/approval", json=approval, headers={**fund, "Idempotency-Key": "k-fund"}
    )
    assert approved.status_code == 200, approved.get_data(as_text=True)
    cv = get(dfdg_client, f"{base}/cv", fund).get_json()
    assert cv["approval"]["status"] == "approved"
    assert cv["approval"]["by"]["organisation_name"] == "Demo A-kasse for Lønmodtagere"
    # Only a job centre registers the absences only a job centre may register.
    civic = {
        "reason": "civic_duty",
        "first_day": days(20).isoformat(),
        "last_day": days(20).isoformat(),
    }
    assert (
        rule_code(post(dfdg_client, f"{base}/absences", civic, fund), 403)[0] == "caseworker_only"
    )
    deregistered = post(
        dfdg_client,
        f"{base}/deregistrations",
        {"date": days(30).isoformat(), "reason": "job_as_employee"},
        fund,
    )
    assert deregistered.status_code in (200, 201), deregistered.get_data(as_text=True)


def test_a_fund_cannot_approve_the_cv_of_another_funds_member(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    other_funds = _member(dfdg_store, "0303901234", FUND_B)
    approval = {"status": "approved", "date": TODAY.isoformat()}
    refused = dfdg_client.put(
        f"/api/v1/persons/{other_funds}/cv/approval",
        json=approval,
        headers={**_fund(caseworker), "Idempotency-Key": "k-other-fund"},
    )
    assert refused.status_code == 404


def test_summons_and_plans_are_the_job_centres_and_a_fund_is_told_so(
    dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    member = _member(dfdg_store, "0303901234")
    fund = _fund(caseworker)
    body = summons_body(starts_at="2026-11-30T10:00:00+01:00", letter_sent_date=TODAY.isoformat())
    summons = post(dfdg_client, f"/persons/{member}/summons", body, fund)
    plan = post(dfdg_client, f"/persons/{member}/plans", plan_body(), fund)
    for response in (summons, plan):
        code, fields = rule_code(response, 403)
        assert code == "jobcentre_only"
        assert "job centre" in response.get_json()["detail"]
    denied = [e for e in _entries(dfdg_store, member) if e.outcome == "denied"]
    assert [(e.action, e.organisation) for e in denied] == [
        ("summons.create", FUND_A),
        ("plan.create", FUND_A),
    ]
    # The job centre of the member's municipality still may.
    allowed = post(dfdg_client, f"/persons/{member}/summons", body, caseworker)
    assert allowed.status_code == 201, allowed.get_data(as_text=True)
