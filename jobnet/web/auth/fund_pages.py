"""Every page a caseworker opens for a citizen, as a row of the funds' reach table
(`jobnet.domain.fund_reach`): what a fund's employee may open, as DFDG decides its routes.

`subject_required` and `acting_caseworker_required` refuse a fund's employee (403) a page whose
record the fund may not use so, and a page missing from `PAGES`;
`tests/integration/test_fund_pages.py` walks every page and fails until a new one is classified.
Templates ask `may_open(endpoint)` before they link to a page. A receipt is shown to a fund only
if the fund may read its kind of record (`RECEIPT_KINDS`).
"""

from __future__ import annotations

from flask_login import current_user

from jobnet.domain.fund_reach import FundRecord, Use, fund_may

R, W = Use.READ, Use.WRITE
JOURNEY_STEPS = ("start", "step", "check", "submit")


def _journey(area: str, record: FundRecord) -> dict[str, tuple[FundRecord, Use]]:
    """The pages of a journey that registers a `record`."""
    return {f"{area}.{step}": (record, W) for step in JOURNEY_STEPS}


# The endpoint of every page a caseworker opens for the citizen they act for.
PAGES: dict[str, tuple[FundRecord, Use]] = {
    "caseworker.citizen": (FundRecord.PERSON, R),
    "receipts.show": (FundRecord.PERSON, R),  # and the receipt's kind: RECEIPT_KINDS
    "receipts.print_view": (FundRecord.PERSON, R),
    **_journey("registration", FundRecord.REGISTRATION),
    **_journey("deregistration", FundRecord.REGISTRATION),
    **_journey("sickness", FundRecord.ABSENCE),
    **_journey("recovery", FundRecord.ABSENCE),
    **_journey("holiday", FundRecord.ABSENCE),
    "holiday.cancel": (FundRecord.ABSENCE, W),
    **_journey("cv_approval", FundRecord.CV_APPROVAL),
    "cv.index": (FundRecord.CV, R),
    "cv.section": (FundRecord.CV, W),
    "cv.add": (FundRecord.CV, W),
    "cv.edit": (FundRecord.CV, W),
    "cv.remove": (FundRecord.CV, W),
    "joblog.index": (FundRecord.JOBLOG, R),
    "joblog.weeks": (FundRecord.JOBLOG, R),
    "joblog.download": (FundRecord.JOBLOG, R),
    "joblog.add": (FundRecord.JOBLOG, W),
    "joblog.edit": (FundRecord.JOBLOG, W),
    "joblog.delete": (FundRecord.JOBLOG, W),
    "joblog.copy": (FundRecord.JOBLOG, R),
    "joblog.copy_remove": (FundRecord.JOBLOG, W),
    "summons.index": (FundRecord.SUMMONS, R),
    "summons.show": (FundRecord.SUMMONS, R),
    "summons.calendar": (FundRecord.SUMMONS, R),
    "summons.cannot_come": (FundRecord.SUMMONS, W),
    "booking.index": (FundRecord.SUMMONS, R),
    "booking.choose": (FundRecord.SUMMONS, W),
    "booking.book": (FundRecord.SUMMONS, W),
    "booking.receipt": (FundRecord.SUMMONS, R),
    "plan.index": (FundRecord.PLAN, R),
    "plan.print_view": (FundRecord.PLAN, R),
    "plan.revision": (FundRecord.PLAN, R),
    "duties.index": (FundRecord.OVERVIEW, R),
    "insight.index": (FundRecord.INSIGHT, R),
    "insight.download": (FundRecord.INSIGHT, R),
    "insight.history": (FundRecord.INSIGHT, R),
}

# The kind of every receipt (`summary_formatter`), as the record it registered.
RECEIPT_KINDS: dict[str, FundRecord] = {
    "registration": FundRecord.REGISTRATION,
    "deregistration": FundRecord.REGISTRATION,
    "sickness": FundRecord.ABSENCE,
    "recovery": FundRecord.ABSENCE,
    "holiday": FundRecord.ABSENCE,
    "holiday_cancellation": FundRecord.ABSENCE,
    "jobcentre_absence": FundRecord.ABSENCE,
    "cv_approval": FundRecord.CV_APPROVAL,
    "cv_section": FundRecord.CV,
    "cv_entry_add": FundRecord.CV,
    "cv_entry_edit": FundRecord.CV,
    "cv_entry_remove": FundRecord.CV,
    "joblog_add": FundRecord.JOBLOG,
    "joblog_edit": FundRecord.JOBLOG,
    "joblog_delete": FundRecord.JOBLOG,
    "joblog_copy_remove": FundRecord.JOBLOG,
    "cannot_come": FundRecord.SUMMONS,
    "summons_create": FundRecord.SUMMONS,
    "summons_move": FundRecord.SUMMONS,
    "summons_cancel": FundRecord.SUMMONS,
    "booking_withdraw": FundRecord.SUMMONS,
    "held_interview": FundRecord.INTERVIEW,
    "plan_create": FundRecord.PLAN,
    "plan_revision": FundRecord.PLAN,
    "insight_request": FundRecord.INSIGHT,
    "message_start": FundRecord.MESSAGES,
    "message_send": FundRecord.MESSAGES,
    "message_answer": FundRecord.MESSAGES,
    "message_to_person": FundRecord.MESSAGES,
    "fund_event": FundRecord.FUND_EVENT,
    "fund_no_show": FundRecord.FUND_EVENT,
}


def fund_may_open(endpoint: str | None) -> bool:
    """Whether a fund's employee may open the page (a page not in `PAGES`: no)."""
    page = PAGES.get(endpoint or "")
    return page is not None and fund_may(*page)


def fund_may_see_receipt(kind: str) -> bool:
    record = RECEIPT_KINDS.get(kind)
    return record is not None and fund_may(record, R)


def may_open(endpoint: str) -> bool:
    """Whether the logged-in user may open the page: for templates, before they link to it."""
    if current_user.is_authenticated and current_user.is_fund_employee:
        return fund_may_open(endpoint)
    return True
