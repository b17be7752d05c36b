"""Every page a fund's employee can reach with a member open answers as the funds' reach table
says: a page of a record the fund may use so opens, one it may not is 403 (even when forced),
and a page added tomorrow fails the test until it is classified in
`jobnet/web/auth/fund_pages.py`. The pages link only to what the fund may open. A person who is
no longer the fund's member is unknown to it (DFDG's 404), audited with the fund."""

from __future__ import annotations

from datetime import date

import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobnet.domain.fund_reach import FundRecord, Use, fund_may
from jobnet.web.auth.fund_pages import PAGES, RECEIPT_KINDS, fund_may_open, fund_may_see_receipt
from jobnet.web.auth.users import ACCESS_ATTRIBUTE
from jobnet.web.journeys.receipts import summaries
from tests.helpers import csrf_token, login_citizen
from tests.integration.test_caseworker import audit, open_citizen
from tests.integration.test_fund_staff import (  # noqa: F401 - fund_employee: the fixture
    FUND_A,
    FUND_A_NAME,
    MAJA,
    METTE,
    fund_employee,
)
from tests.integration.test_journeys import journey_app  # noqa: F401 - the fixture

# Pages a caseworker opens for the citizen they act for: what the table decides.
FOR_A_CITIZEN = {"subject", "acting_caseworker"}
# The job centre's own pages: refused to every fund's employee by their decorator.
JOBCENTRE_ONLY = {"jobcentre", "acting_jobcentre"}
ARGUMENTS = {
    "<slug>": "x",
    "<entry_id>": "00000000-0000-4000-8000-000000000000",
    "<summons_id>": "00000000-0000-4000-8000-000000000000",
    "<absence_id>": "00000000-0000-4000-8000-000000000000",
    "<reference>": "JN-0000-0000",
    "<int:number>": "1",
    "<record_type>": "registrations",
    "<record_id>": "00000000-0000-4000-8000-000000000000",
}


def _pages(app: Flask, kinds: set[str]) -> list[tuple[str, str, str, bool]]:
    """(endpoint, url, method, whether the url has made-up parts) of every page whose access
    marker is one of `kinds`."""
    found = []
    for rule in app.url_map.iter_rules():
        access = getattr(app.view_functions[rule.endpoint], ACCESS_ATTRIBUTE, None)
        if access not in kinds:
            continue
        url = rule.rule
        for name, value in ARGUMENTS.items():
            url = url.replace(name, value)
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            found.append((rule.endpoint, url, method, bool(rule.arguments)))
    return found


def test_every_page_for_a_citizen_and_every_receipt_kind_is_classified(
    journey_app: Flask,  # noqa: F811
) -> None:
    endpoints = {page[0] for page in _pages(journey_app, FOR_A_CITIZEN)}
    unclassified = sorted(endpoints - set(PAGES))
    assert not unclassified, f"classify in jobnet/web/auth/fund_pages.py PAGES: {unclassified}"
    assert not sorted(set(PAGES) - endpoints), "PAGES names a page that does not exist"
    kinds = set(summaries._KIND_LABELS)
    assert not sorted(kinds - set(RECEIPT_KINDS)), "classify the receipt kind in RECEIPT_KINDS"
    assert {"holiday.step", "cv_approval.submit", "cv.index"} <= {
        endpoint for endpoint in endpoints if fund_may_open(endpoint)
    }
    assert not fund_may_open("plan.index") and not fund_may_open("cv.edit")


def test_each_page_opens_or_is_refused_as_the_table_says(
    fund_employee: FlaskClient,  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    open_citizen(fund_employee, METTE, "case_processing")
    token = csrf_token(fund_employee.get("/sagsbehandler/borger"))
    wrong = []
    opened = refused = 0
    for endpoint, url, method, made_up in _pages(journey_app, FOR_A_CITIZEN | JOBCENTRE_ONLY):
        response = fund_employee.open(url, method=method, data={"csrf_token": token})
        may = endpoint in PAGES and fund_may(*PAGES[endpoint])
        if may:
            opened += 1
            # The page itself answers (a 404 of a made-up entry or step, never a refusal).
            if response.status_code == 403 or response.status_code >= 500:
                wrong.append((method, url, response.status_code, "should open"))
            if not made_up and method == "GET" and response.status_code not in (200, 302):
                wrong.append((method, url, response.status_code, "should show"))
        else:
            refused += 1
            if response.status_code != 403:
                wrong.append((method, url, response.status_code, "should be refused"))
    assert opened >= 25 and refused >= 40
    assert not wrong, wrong


def test_the_pages_link_only_to_what_the_fund_may_open(
    fund_employee: FlaskClient,  # noqa: F811
) -> None:
    open_citizen(fund_employee, METTE, "case_processing")
    overview = fund_employee.get("/sagsbehandler/borger").get_data(as_text=True)
    assert "/pligter/" not in overview and "/mine-data/" not in overview
    assert "/cv/" in overview and "/joblog/" in overview and "/ferie/" in overview
    cv = fund_employee.get("/cv/").get_data(as_text=True)
    assert "/cv/kontakt" not in cv and "/ny" not in cv and "/fjern" not in cv
    joblog = fund_employee.get("/joblog/").get_data(as_text=True)
    assert "/joblog/ny" not in joblog and "/slet" not in joblog
    assert "/joblog/uger" in joblog
    summons = fund_employee.get("/indkaldelser/").get_data(as_text=True)
    assert "/min-plan/" not in summons


def test_receipts_of_the_job_centres_records_are_not_shown_to_a_fund() -> None:
    assert fund_may_see_receipt("holiday") and fund_may_see_receipt("cv_approval")
    for kind in ("plan_create", "plan_revision", "message_to_person", "insight_request"):
        assert not fund_may_see_receipt(kind), kind
    assert fund_may(FundRecord.SUMMONS, Use.READ)  # a summons' receipt is a summons seen


def test_a_member_who_leaves_the_fund_is_unknown_to_it_and_the_attempt_is_audited(
    fund_employee: FlaskClient,  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    from jobnet.dfdg.queries import fund_memberships
    from jobnet.dfdg.queries import persons as person_queries

    open_citizen(fund_employee, METTE, "case_processing")
    assert fund_employee.get("/cv/").status_code == 200
    store = journey_app.extensions["dfdg_app"].extensions["dfdg_store"]
    with store.session() as session:
        person = person_queries.find_by_cpr(session, METTE)
        assert person is not None
        fund_memberships.leave(session, person.id, date(2000, 1, 1))
        person_id = person.id
    before = len(audit(journey_app))
    response = fund_employee.get("/cv/")
    assert response.status_code == 404
    [entry] = audit(journey_app)[before:]
    assert (entry.person_id, entry.organisation, entry.outcome) == (person_id, FUND_A, "denied")
    # The member reads the attempt in "who has seen my data", under the fund's name.
    member = journey_app.test_client()
    member.get("/language/en")
    login_citizen(member, METTE)
    log = member.get("/mine-data/hvem-har-set?actor_type=caseworker").get_data(as_text=True)
    assert f"{MAJA.full_name}, {FUND_A_NAME}" in log
    assert "Tried to reach your data (refused)" in log


@pytest.mark.parametrize("endpoint", ["cv.edit", "joblog.add", "plan.index", "insight.index"])
def test_the_table_and_the_pages_agree(endpoint: str) -> None:
    record, use = PAGES[endpoint]
    assert fund_may_open(endpoint) == fund_may(record, use)
