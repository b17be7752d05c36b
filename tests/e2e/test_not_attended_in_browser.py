"""Not attended, in Chromium, in Danish and in English (issue 24): a job centre's caseworker
opens a member of a fund whose interview began an hour ago, marks it not attended with a
comment for the fund, sends it from the check page and sees the receipt; the citizen page then
says "Not attended"; the fund's own system — `funds follow`, over HTTP with its own token —
receives the no_show event once; the member's own page of duties says the interview was missed
and that their fund has been told. axe checks the pages on the way.

Each language has its own member (made for the test in the live app's DFDG) and fund, so the
two runs never meet and no other browser test uses these persons.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import LiveServer, assert_no_axe_violations, new_tab
from tests.e2e.fund_members import make_fund_member
from tests.e2e.pages import Jobnet
from tests.integration.interview_seed import seed_begun_interview


@dataclass(frozen=True)
class Member:
    cpr: str
    given_name: str
    family_name: str
    fund_cvr: str

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.family_name}"


MEMBERS = {
    "da": Member("1707861234", "Jonas", "Friis", "39190021"),
    "en": Member("1807861234", "Sara", "Lind", "39190022"),
}
FUND_SYSTEM = "fund-e2e-system"
FUND_TOKEN = "fund-e2e-system-token-0123456789abcdef"

TEXTS = {
    "da": {
        "begun": "Samtaler, der er begyndt",
        "mark": "Registrer udeblivelse",
        "step": "Borgeren mødte ikke op til samtalen",
        "comment": "Bemærkning til a-kassen (valgfrit)",
        "receipt_title": "Udeblivelse fra samtale",
        "not_attended": "Udeblevet",
        "missed": "Udeblevet",
        "fund_told": "Din a-kasse har fået besked om, at du ikke mødte op.",
    },
    "en": {
        "begun": "Interviews that have begun",
        "mark": "Mark not attended",
        "step": "The citizen did not attend the interview",
        "comment": "Comment for the unemployment insurance fund (optional)",
        "receipt_title": "Interview not attended",
        "not_attended": "Not attended",
        "missed": "Missed",
        "fund_told": "Your unemployment insurance fund has been told that you did not attend.",
    },
}


@pytest.fixture
def fund_system(live_server: LiveServer) -> Iterator[None]:
    """Both demo funds' own system registered at the live app's DFDG, with its own token."""
    from jobnet.dfdg.context import SYSTEMS_KEY, TOKENS_KEY
    from jobnet.dfdg.systems import parse_registry

    dfdg_app = live_server.app.extensions["dfdg_app"]
    saved_systems = dfdg_app.extensions[SYSTEMS_KEY]
    saved_tokens = dfdg_app.extensions[TOKENS_KEY]
    own = {
        "system_operations": ["fund_events_feed"],
        "funds": [m.fund_cvr for m in MEMBERS.values()],
    }
    dfdg_app.extensions[SYSTEMS_KEY] = {**saved_systems, **parse_registry({FUND_SYSTEM: own})}
    dfdg_app.extensions[TOKENS_KEY] = {**saved_tokens, FUND_SYSTEM: (FUND_TOKEN,)}
    try:
        yield
    finally:
        dfdg_app.extensions[SYSTEMS_KEY] = saved_systems
        dfdg_app.extensions[TOKENS_KEY] = saved_tokens


def _follow(live_server: LiveServer, fund: str, cursor: Path) -> list[dict[str, Any]]:
    """The fund's program, once, over HTTP against the live app's DFDG (mounted at /dfdg)."""
    from jobnet.fund_system import create_fund_app

    program = create_fund_app(
        {"FUND_DFDG_BASE_URL": live_server.url + "/dfdg", "FUND_DFDG_TOKEN": FUND_TOKEN}
    )
    result = program.test_cli_runner().invoke(
        args=["funds", "follow", fund, "--once", "--cursor-file", str(cursor)]
    )
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def test_a_caseworker_marks_a_no_show_and_the_funds_system_receives_it(
    jobnet: Jobnet,
    page: Any,
    language: str,
    browser: Any,
    live_server: LiveServer,
    fund_system: None,
    tmp_path: Path,
) -> None:
    words, text, member = jobnet.words, TEXTS[language], MEMBERS[language]
    make_fund_member(
        live_server,
        member.cpr,
        member.given_name,
        member.family_name,
        member.fund_cvr,
    )
    summons_id = seed_begun_interview(
        live_server.app, member.cpr, datetime.now(UTC) - timedelta(hours=1)
    )
    cursor = tmp_path / "fund.cursor"
    before = [e["id"] for e in _follow(live_server, member.fund_cvr, cursor)]

    jobnet.log_in_as_caseworker("Hanne Mikkelsen")
    page.get_by_label(words["cpr"]).fill(member.cpr)
    jobnet.choose(words["interview_purpose"])
    jobnet.press(words["open_citizen"])
    assert jobnet.h1() == member.name
    begun = page.get_by_role("region", name=text["begun"])
    assert begun.is_visible()
    assert_no_axe_violations(page)

    begun.get_by_role("link", name=text["mark"]).click()
    jobnet.settled()
    assert jobnet.h1() == text["step"]
    assert_no_axe_violations(page)
    comment = f"Ingen besked fra borgeren ({language})"
    page.get_by_label(text["comment"]).fill(comment)
    jobnet.press(words["continue"])
    assert comment in jobnet.main_text()
    assert_no_axe_violations(page)  # check your answers
    jobnet.send_check_your_answers()
    assert text["receipt_title"] in jobnet.main_text()
    assert_no_axe_violations(page)  # the receipt

    page.goto("/sagsbehandler/borger")
    jobnet.settled()
    attendance = page.locator(f".jobnet-attendance[data-summons='{summons_id}']")
    assert text["not_attended"] in str(attendance.inner_text())
    assert begun.get_by_role("link", name=text["mark"]).count() == 0

    # The fund's own system reads the no-show from its feed, once.
    events = [e for e in _follow(live_server, member.fund_cvr, cursor) if e["id"] not in before]
    assert [(e["type"], e["summons_id"], e["comment"]) for e in events] == [
        ("no_show", summons_id, comment)
    ]
    assert _follow(live_server, member.fund_cvr, cursor) == []

    # The member sees it on their page of duties: missed, and their fund told (the event went).
    own = Jobnet(new_tab(browser, live_server, language), words)
    try:
        own.log_in_with_cpr(member.cpr, member.given_name, member.family_name)
        own.page.goto("/pligter/")
        own.settled()
        assert own.heading(text["missed"], level=2).is_visible()
        missed = own.page.locator(f"li[data-duty='interview:{summons_id}'][data-state=missed]")
        assert text["fund_told"] in str(missed.inner_text())
        assert_no_axe_violations(own.page)
    finally:
        own.page.context.close()
