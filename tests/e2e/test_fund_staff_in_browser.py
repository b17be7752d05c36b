"""A fund's employee in Chromium, in Danish and in English: log in through the caseworker login
with the fund's organisation identity, open a member, approve their CV and report a holiday for
them; the job centre's actions and the member's own pages are not offered (403 if typed in);
the member then sees the approval and the fund's accesses under the fund's name; axe finds
nothing on any page on the way.

Each language has its own fund, employee and member (made for the test in the live app's DFDG),
so the two runs never meet and no other browser test uses these persons.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from tests.e2e.conftest import LiveServer, assert_no_axe_violations
from tests.e2e.fund_members import make_fund_member
from tests.e2e.pages import Jobnet, today


@dataclass(frozen=True)
class Member:
    employee: str
    fund_cvr: str
    fund: str
    cpr: str
    given_name: str
    family_name: str

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.family_name}"


MEMBERS = {
    "da": Member(
        "Maja Lund", "39190021", "Demo A-kasse for Lønmodtagere", "1505881234", "Karen", "Holst"
    ),
    "en": Member(
        "Rasmus Vinther", "39190022", "Demo A-kasse for Akademikere", "1606871234", "Bo", "Krogh"
    ),
}

WORDS = {
    "da": {
        "members_of": "Du kan åbne medlemmer af {fund}.",
        "fund_registrations": "A-kassens registreringer",
        "assess_cv": "Vurdér medlemmets CV",
        "summon": "Indkald borgeren til en samtale",
        "not_theirs": "Indkaldelser og planer hører under jobcentret",
        "report_holiday": "Meld borgerens ferie",
        "assessed_by": "Godkendt af {fund}",
        "change": "Ændr",
    },
    "en": {
        "members_of": "You can open the members of {fund}.",
        "fund_registrations": "The fund's registrations",
        "assess_cv": "Assess the member's CV",
        "summon": "Summon the citizen to an interview",
        "not_theirs": "Summons and plans are the job centre's",
        "report_holiday": "Report the citizen's holiday",
        "assessed_by": "Approved by {fund}",
        "change": "Change",
    },
}


def test_a_fund_employee_approves_a_members_cv_and_reports_their_holiday(
    jobnet: Jobnet, page: Any, language: str, live_server: LiveServer
) -> None:
    words, fund_words, member = jobnet.words, WORDS[language], MEMBERS[language]
    make_fund_member(
        live_server,
        member.cpr,
        member.given_name,
        member.family_name,
        member.fund_cvr,
        registered=True,
    )
    day = today()

    jobnet.log_in_as_caseworker(member.employee)
    assert jobnet.h1() == words["caseworker_start"]
    assert page.get_by_text(fund_words["members_of"].format(fund=member.fund)).is_visible()
    assert_no_axe_violations(page)

    jobnet.page.get_by_label(words["cpr"]).fill(member.cpr)
    jobnet.choose(words["interview_purpose"])
    jobnet.press(words["open_citizen"])
    assert jobnet.h1() == member.name
    assert page.get_by_role("heading", name=fund_words["fund_registrations"]).is_visible()
    assert page.get_by_role("link", name=fund_words["summon"]).count() == 0
    assert fund_words["not_theirs"] in jobnet.main_text()
    assert_no_axe_violations(page)

    # The CV's approval.
    jobnet.follow(fund_words["assess_cv"])
    assert_no_axe_violations(page)
    jobnet.choose(words["approved"])
    page.get_by_label(words["note"]).fill("Godt CV fra a-kassen.")
    jobnet.fill_date(words["assessed_on"], day)
    jobnet.press(words["continue"])
    assert_no_axe_violations(page)  # check your answers
    approval = jobnet.send_check_your_answers()
    assert_no_axe_violations(page)  # the receipt

    # A holiday three weeks ahead, reported for the member.
    page.goto("/sagsbehandler/borger")
    jobnet.follow(fund_words["report_holiday"])
    first, last = day + timedelta(days=21), day + timedelta(days=25)
    jobnet.fill_date(words["first_holiday_day"], first)
    jobnet.fill_date(words["last_holiday_day"], last)
    assert_no_axe_violations(page)
    jobnet.press(words["continue"])
    holiday = jobnet.send_check_your_answers()
    assert approval != holiday

    page.goto("/sagsbehandler/borger")
    for reference in (approval, holiday):
        assert page.get_by_role("link", name=reference, exact=True).is_visible()
    # The member's CV, as the fund's employee sees it, names the fund as the assessor; its
    # contents are the member's own, so the fund is offered no change.
    page.goto("/cv/")
    assert fund_words["assessed_by"].format(fund=member.fund) in jobnet.main_text()
    assert page.get_by_role("main").get_by_role("link", name=fund_words["change"]).count() == 0
    assert_no_axe_violations(page)

    # The job centre's pages, and the member's own, are refused if typed in.
    for path in ("/sagsbehandler/indkaldelse/ny/", "/cv/kontakt", "/min-plan/", "/mine-data/"):
        response = page.goto(path)
        assert response is not None and response.status == 403, path

    # The member sees the fund's approval by name, and the fund in "who has seen my data".
    page.context.clear_cookies()
    jobnet.log_in_with_cpr(member.cpr, member.given_name, member.family_name)
    page.goto("/cv/")
    assert fund_words["assessed_by"].format(fund=member.fund) in jobnet.main_text()
    page.goto("/mine-data/hvem-har-set")
    seen = jobnet.main_text()
    assert member.fund in seen and member.employee in seen
    assert_no_axe_violations(page)
