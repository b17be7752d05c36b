"""Issue 26's fault table, run: the production shape on PostgreSQL (DFDG and the web app as
gunicorn services, the outbox worker as its own process, nginx in front when installed) with a
fault injected while a few dozen persons report sick at once.

Whatever the fault, every report has a receipt at once and no page is a bare 5xx (only the app's
own store-unavailable page, and only while PostgreSQL restarts, which the person is told to try
again); /health answers 200 throughout, with a session cookie; and after recovery every report
is registered in DFDG exactly once (or shown as refused, with why). docs/production.md has the
table of what a person sees in each.

PostgreSQL only (JOBNET_TEST_DB=postgresql, as `make test`'s second run). Measured on two
shared cores: the whole module 164 s, of which starting the shape 76 s and 12-21 s a fault.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager

import pytest

from bench.prod_local import NGINX, ProductionShape
from tests.integration import fault_shape
from tests.integration.fault_shape import HealthWatch, Person, Report

pytestmark = [
    pytest.mark.skipif(
        os.environ.get("JOBNET_TEST_DB") != "postgresql",
        reason="the production shape runs on PostgreSQL: JOBNET_TEST_DB=postgresql",
    ),
    # Connections the services dropped under the clients (that is the point) are left to the
    # garbage collector.
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]

REPORTS = 24  # per fault
AT_ONCE = 4  # persons reporting at the same time
SEND_BUDGET = 1.0  # OUTBOX_SEND_BUDGET_SECONDS
FAULTS: dict[str, Callable[[ProductionShape], AbstractContextManager[None]]] = {
    "dfdg_stopped": fault_shape.dfdg_stopped,
    "dfdg_hung": fault_shape.dfdg_hung,
    "dfdg_5xx": fault_shape.dfdg_failing,
    "worker_killed": fault_shape.worker_killed_mid_delivery,
    "database_restarted": fault_shape.database_restarted,
}


@pytest.fixture(scope="module")
def shape() -> Iterator[ProductionShape]:
    with ProductionShape(
        web_workers=2,
        web_threads=4,
        dfdg_workers=1,
        dfdg_threads=4,
        seed_persons=REPORTS * len(FAULTS) + 5,
        seed_records=REPORTS * len(FAULTS) + 5,
        log=False,
        front=NGINX is not None,
        # Every person logs in from this one address, twice in a minute in "DFDG stopped":
        # the per-address limit on login starts is for many people, not one test.
        web_settings={"RATE_LIMIT_LOGIN_STARTS": "1000 per minute"},
    ) as running:
        yield running


@pytest.mark.parametrize("fault", list(FAULTS))
def test_every_report_has_a_receipt_at_once_and_is_registered_once_after(
    shape: ProductionShape, fault: str
) -> None:
    first = list(FAULTS).index(fault) * REPORTS
    with ThreadPoolExecutor(AT_ONCE) as pool:
        # Each logged in before (so the web app knows them) and saw Min side once.
        persons = list(pool.map(lambda i: Person(shape, i), range(first, first + REPORTS)))
        for person in persons:
            assert person.client.get("/min-side/").status_code == 200
    watch = HealthWatch(shape.web_url, persons[0].client.cookies)
    watch.start()
    with FAULTS[fault](shape), ThreadPoolExecutor(AT_ONCE) as pool:
        if fault == "dfdg_stopped":  # a login while DFDG is down gets them in
            pages = list(pool.map(lambda p: p.log_in_again(), persons))
            assert all(page.status_code == 200 for page in pages)
        reports: list[Report] = list(pool.map(lambda p: p.report_sickness(), persons))
    health = watch.stop()
    for person in persons:
        person.client.close()
    gc.collect()  # the clients of logins tried again, collected here where that is expected

    assert not [r.bare_5xx for r in reports if r.bare_5xx], "a bare 5xx page"
    if fault != "database_restarted":
        assert not [r.statuses for r in reports if any(s >= 500 for s in r.statuses)]
    assert all(r.reference for r in reports), [r.statuses for r in reports if not r.reference]
    assert all("Kvittering" in r.receipt for r in reports), [
        r.receipt[:300] for r in reports if "Kvittering" not in r.receipt
    ][:2]
    if fault in ("dfdg_hung", "dfdg_5xx", "dfdg_stopped"):
        slowest = max(r.send_seconds for r in reports)
        assert slowest < SEND_BUDGET + 1.5, f"a send took {slowest:.1f} s"
    assert health == [], f"/health answered {health}"

    references = [r.reference for r in reports if r.reference]
    fault_shape.settle(shape, references)
    statuses = fault_shape.outbox_statuses(shape, references)
    registered = fault_shape.registered_in_dfdg(shape, references)
    for reference in references:
        status, rejection = statuses[reference]
        if status == "rejected":
            assert rejection, reference  # refused, with why
            assert registered.get(reference, 0) == 0
        else:
            assert status == "registered", (reference, status)
            assert registered.get(reference) == 1, (reference, registered.get(reference))
