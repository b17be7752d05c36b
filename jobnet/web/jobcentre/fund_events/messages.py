"""What each broken rule of a fund event means to the caseworker (§§ 60-63)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from jobnet.domain.fund_events import MAX_CAUSE_LENGTH, MAX_COMMENT_LENGTH, FundEventProblem
from jobnet.web.journeys.messages import PROBLEMS

PROBLEMS.declare(
    FundEventProblem,
    {
        FundEventProblem.IN_THE_FUTURE: _l("The event cannot be in the future."),
        FundEventProblem.REPORTED_TOO_LATE: _l(
            "An event must be reported on the day it happens or the day after (§ 61)."
        ),
        FundEventProblem.REPORTED_BEFORE_GRANTED: _l(
            "An offer's start can be reported from the day the offer was granted (§ 62)."
        ),
        FundEventProblem.REPORTED_AFTER_START: _l(
            "An offer's start must be reported no later than the day the offer begins (§ 62)."
        ),
        FundEventProblem.GRANTED_AFTER_START: _l(
            "The offer cannot be granted after the day it begins."
        ),
        FundEventProblem.END_NOT_REPORTED_ON_END_DATE: _l(
            "An offer's end is reported on its end date (§ 62)."
        ),
        FundEventProblem.END_BEFORE_START: _l("The offer's end date is before its start date."),
        FundEventProblem.OFFER_DETAILS_MISSING: _l(
            "An offer needs the company's CVR number, its status, start and end dates and "
            "average weekly hours."
        ),
        FundEventProblem.HOURS_OUT_OF_RANGE: _l("Average weekly hours must be from 1 to 37."),
        FundEventProblem.COMPANY_INVALID: _l("The company's CVR number has 8 digits."),
        FundEventProblem.CAUSE_TOO_LONG: _l(
            "The cause can be at most %(count)s characters.", count=MAX_CAUSE_LENGTH
        ),
        FundEventProblem.COMMENT_TOO_LONG: _l(
            "The comment can be at most %(count)s characters.", count=MAX_COMMENT_LENGTH
        ),
        FundEventProblem.NOT_CONTACT_GROUP_1: _l(
            "Events go to the fund only for citizens in contact group 1 (unemployment benefit)."
        ),
        FundEventProblem.NOT_A_FUND_MEMBER: _l(
            "The citizen is not a member of an unemployment insurance fund."
        ),
        FundEventProblem.NOT_ATTENDED_TWICE: _l("The summons is already marked as not attended."),
        FundEventProblem.INTERVIEW_NOT_HELD_YET: _l(
            "The interview has not begun, so it cannot be marked as not attended."
        ),
        FundEventProblem.ARISES_BY_ITSELF: _l(
            "This event is not reported by hand: it arises by itself when a booking deadline "
            "passes."
        ),
        FundEventProblem.INTERVIEW_RECORDED_HELD: _l(
            "A held interview with the citizen is recorded on the day of this interview, so it "
            "cannot be marked as not attended."
        ),
        FundEventProblem.SUMMONS_CANCELLED: _l(
            "The summons is cancelled, so it cannot be marked as not attended."
        ),
    },
)
