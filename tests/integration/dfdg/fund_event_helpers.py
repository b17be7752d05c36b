"""Two funds' own systems registered at DFDG beside jobnet-web, and the fund's feed program
(`funds follow`) pointed at the DFDG test app."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import httpx
from click.testing import Result
from flask import Flask

from jobnet.db import Store
from jobnet.dfdg.context import SYSTEMS_KEY, TOKENS_KEY
from jobnet.dfdg.fund_webhooks import SETTING
from jobnet.dfdg.queries import fund_memberships
from jobnet.dfdg.queries import organisations as organisation_queries
from jobnet.dfdg.systems import parse_registry
from jobnet.fund_system import create_fund_app
from tests.integration.dfdg.conftest import SYSTEMS
from tests.integration.dfdg.jobseeker_helpers import new_person

FUND_A = "39190021"
FUND_B = "39190022"
SYSTEM_A = "fund-a-system"
SYSTEM_B = "fund-b-system"
TOKEN_A = "test-token-of-fund-a-system"
TOKEN_B = "test-token-of-fund-b-system"


def _fund_system(cvr: str) -> dict[str, Any]:
    # A fund's system acts only as itself, and reads its own fund's feed only.
    return {"system_operations": ["fund_events_feed"], "funds": [cvr]}


@contextmanager
def fund_systems_registered(dfdg_app: Flask) -> Iterator[Flask]:
    """DFDG with jobnet-web and the two funds' systems registered, each with its token."""
    saved_systems = dfdg_app.extensions[SYSTEMS_KEY]
    saved_tokens = dfdg_app.extensions[TOKENS_KEY]
    registry = {
        **SYSTEMS,
        SYSTEM_A: _fund_system(FUND_A),
        SYSTEM_B: _fund_system(FUND_B),
    }
    dfdg_app.extensions[SYSTEMS_KEY] = parse_registry(registry)
    dfdg_app.extensions[TOKENS_KEY] = {
        **saved_tokens,
        SYSTEM_A: (TOKEN_A,),
        SYSTEM_B: (TOKEN_B,),
    }
    try:
        yield dfdg_app
    finally:
        dfdg_app.extensions[SYSTEMS_KEY] = saved_systems
        dfdg_app.extensions[TOKENS_KEY] = saved_tokens


def member(store: Store, cpr: str, cvr: str = FUND_A, *, since: date = date(2020, 1, 1)) -> str:
    """A person in contact group 1, member of fund `cvr` from `since`."""
    person_id = new_person(store, cpr, group=1)
    join(store, person_id, cvr, since)
    return person_id


def join(store: Store, person_id: str, cvr: str, start: date) -> None:
    with store.session() as session:
        fund = organisation_queries.by_cvr(session, cvr)
        assert fund is not None
        fund_memberships.join(session, person_id, fund.id, start)
        session.commit()


def fund_headers(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def follow(dfdg_app: Flask, fund: str, token: str, cursor_file: Path) -> tuple[Result, list[Any]]:
    """Run the fund's program once against DFDG: its output and the events it printed."""
    program = create_fund_app(
        {
            "FUND_DFDG_BASE_URL": "http://dfdg",
            "FUND_DFDG_TOKEN": token,
            "FUND_DFDG_TRANSPORT": httpx.WSGITransport(app=dfdg_app),
        }
    )
    result = program.test_cli_runner().invoke(
        args=["funds", "follow", fund, "--once", "--cursor-file", str(cursor_file)]
    )
    events = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return result, events


@contextmanager
def fund_a_webhook(app: Flask, url: str, secret: str) -> Iterator[Flask]:
    """Fund A's webhook (DFDG_FUND_WEBHOOKS) at `url`, signed with `secret`, while the block
    runs."""
    app.config[SETTING] = json.dumps({FUND_A: {"url": url, "secret": secret}})
    try:
        yield app
    finally:
        app.config[SETTING] = None
