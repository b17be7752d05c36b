"""What an unemployment insurance fund's employee may read and change of a member's data: one
table, asked by DFDG (the authority, `jobnet.dfdg.fund_reach` maps every person route to a row)
and by the web app (`jobnet.web.auth.fund_pages` maps every page a caseworker can reach to one).

A fund reaches only its members of today (the membership register); a non-member is unknown to
it. Of a member's records it reads what the administration of unemployment insurance needs
(chapter 11 of the order, § 59: the job centre's events "necessary for the administration of
the rules ... on unemployment insurance"; § 66(2): "data on an individual level may be
communicated to that person's unemployment fund"): the registration, the absences, the summons
and their outcomes, the CV with its approval and the job log. It registers and deregisters a
member (§ 8(1): the person may ask their fund), reports their sickness, recovery and holidays
(chapter 4: the person may ask the fund to report them) and approves the CV (the funds'
guidance: the fund approves the CV within two weeks of the registration). The rest is the job
centre's (summons, plans, held interviews, its messages: chapters 3, 5, 8-9) or the person's own
(the CV's and the job log's contents, "I can't come", the right of access: GDPR art. 15).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class FundRecord(StrEnum):
    """A kind of a person's data, as the fund's reach is decided for it."""

    PERSON = "person"  # who the member is and their status today
    REGISTRATION = "registration"  # registration, deregistration, contact groups
    ABSENCE = "absence"  # sickness, recovery, holiday and the job centre's absences
    SUMMONS = "summons"  # summons to interviews, and "I can't come"
    INTERVIEW = "interview"  # the outcomes: held interviews
    CV = "cv"  # the CV's contents
    CV_APPROVAL = "cv_approval"  # the CV's assessment
    JOBLOG = "joblog"
    PLAN = "plan"  # My Plan and its measures
    OVERVIEW = "overview"  # Min side and the duties, derived from all of the above and the plan
    MESSAGES = "messages"  # messages with the job centre
    INSIGHT = "insight"  # the person's right of access: export, requests, who has seen my data
    LETTERS = "letters"  # the letters the job centre sent: summons and plan versions
    FUND_EVENT = "fund_event"  # the job centre's events for the funds (chapter 11)


class Use(StrEnum):
    READ = "read"
    WRITE = "write"


# The codes of a refusal (403), in DFDG's answers and in the web app's words.
JOBCENTRE_ONLY = "jobcentre_only"
PERSON_ONLY = "person_only"


@dataclass(frozen=True)
class Reach:
    read: bool
    write: bool
    refusal: str  # the code a refused use is answered with
    source: str  # why: the law, or the product rule


FUND_REACH: dict[FundRecord, Reach] = {
    FundRecord.PERSON: Reach(True, False, PERSON_ONLY, "§ 66(2): the member's identity"),
    FundRecord.REGISTRATION: Reach(
        True, True, JOBCENTRE_ONLY, "§ 8(1): the person may ask their fund to register them"
    ),
    FundRecord.ABSENCE: Reach(
        True, True, JOBCENTRE_ONLY, "chapter 4, Annex 1: the person may ask their fund to report"
    ),
    FundRecord.SUMMONS: Reach(True, False, JOBCENTRE_ONLY, "chapter 5: the job centre summons"),
    FundRecord.INTERVIEW: Reach(True, False, JOBCENTRE_ONLY, "chapter 3: the job centre holds"),
    FundRecord.CV: Reach(True, False, PERSON_ONLY, "§ 36: the CV is the person's own"),
    FundRecord.CV_APPROVAL: Reach(
        True, True, JOBCENTRE_ONLY, "chapter 7 and the funds' guidance: the fund approves the CV"
    ),
    FundRecord.JOBLOG: Reach(True, False, PERSON_ONLY, "the job log is the person's own"),
    FundRecord.PLAN: Reach(False, False, JOBCENTRE_ONLY, "chapters 8-9: the job centre's plan"),
    FundRecord.OVERVIEW: Reach(False, False, PERSON_ONLY, "Min side is the person's own page"),
    FundRecord.MESSAGES: Reach(False, False, JOBCENTRE_ONLY, "messages with the job centre"),
    FundRecord.INSIGHT: Reach(False, False, PERSON_ONLY, "GDPR art. 15: the person's right"),
    FundRecord.LETTERS: Reach(
        False, False, PERSON_ONLY, "the letters hold the plan too (chapters 8-9): the person's"
    ),
    FundRecord.FUND_EVENT: Reach(
        True, False, JOBCENTRE_ONLY, "§§ 59-60: the job centre records them, the fund receives"
    ),
}


def fund_may(record: FundRecord, use: Use) -> bool:
    """Whether a fund's employee may `use` a member's `record`."""
    reach = FUND_REACH[record]
    return reach.read if use == Use.READ else reach.write


def refusal(record: FundRecord) -> str:
    """The code a fund's refused use of `record` is answered with."""
    return FUND_REACH[record].refusal
