"""Every person route of DFDG's API as a row of the funds' reach table
(`jobnet.domain.fund_reach`), and its enforcement.

`jobnet.dfdg.access.check_person_access` asks `check_fund_reach` before any person route's view
runs when the actor is a fund's employee with one of the fund's members: a route whose record
the fund may not use in this way is refused with 403 (`jobcentre_only` or `person_only`), and
audited as denied with the route's own action, so the member reads e.g. "Summoned you to an
interview: refused". A route missing from `ROUTES` is refused to a fund (and
`tests/integration/dfdg/test_fund_reach.py` fails until it is classified). A person who is not
the fund's member today is unknown to the fund: 404, as for an unknown id (`access.py`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NoReturn

from sqlalchemy.orm import Session

from jobnet.dfdg.audit import DENIED, record_access
from jobnet.dfdg.rules import RuleViolation
from jobnet.dfdg.schemas.base import FieldError
from jobnet.domain.fund_reach import (
    JOBCENTRE_ONLY,
    PERSON_ONLY,
    FundRecord,
    Use,
    fund_may,
    refusal,
)
from jobnet.domain.problems import DFDG_RULES


@dataclass(frozen=True)
class Route:
    """What a person route does to which record, and the audit action of a refusal."""

    record: FundRecord | None  # None: decided by the route's `record_type` (a history)
    use: Use
    action: str
    refusal: str | None = None  # when not the record's own code


R, W = Use.READ, Use.WRITE
P, REG, ABS = FundRecord.PERSON, FundRecord.REGISTRATION, FundRecord.ABSENCE
SUM, INT, CV, APPR = FundRecord.SUMMONS, FundRecord.INTERVIEW, FundRecord.CV, FundRecord.CV_APPROVAL
LOG, PLAN, OVER = FundRecord.JOBLOG, FundRecord.PLAN, FundRecord.OVERVIEW
MSG, INS = FundRecord.MESSAGES, FundRecord.INSIGHT
LET, EVT = FundRecord.LETTERS, FundRecord.FUND_EVENT

CV_SINGLE_SECTIONS = ("contact", "job_wishes", "driving_licences", "profile", "visibility")
CV_LIST_SECTIONS = ("experience", "education", "courses", "skills", "languages")

# The endpoint of every person route of DFDG's API.
ROUTES: dict[str, Route] = {
    "get_person": Route(P, R, "person.read"),
    "person_status": Route(P, R, "status.read"),
    "list_contact_groups": Route(REG, R, "contact_groups.read"),
    "list_registrations": Route(REG, R, "registrations.read"),
    "create_registration": Route(REG, W, "registration.create"),
    "create_deregistration": Route(REG, W, "registration.deregister"),
    "list_absences": Route(ABS, R, "absences.read"),
    "create_absence": Route(ABS, W, "absence.create"),
    "create_recovery": Route(ABS, W, "absence.recover"),
    "cancel_absence": Route(ABS, W, "absence.cancel"),
    "list_summons": Route(SUM, R, "summons.list"),
    "get_summons": Route(SUM, R, "summons.read"),
    "create_summons": Route(SUM, W, "summons.create"),
    "move_summons": Route(SUM, W, "summons.move"),
    "cancel_summons": Route(SUM, W, "summons.cancel"),
    "cannot_come": Route(SUM, W, "summons.cannot_come", PERSON_ONLY),  # the person tells
    "person_bookings": Route(SUM, R, "booking.list"),
    "open_booking": Route(SUM, W, "booking.open"),
    "book_slot": Route(SUM, W, "booking.book", PERSON_ONLY),  # the person books their own
    "withdraw_booking": Route(SUM, W, "booking.withdraw"),
    "list_interviews": Route(INT, R, "interviews.read"),
    "record_interview": Route(INT, W, "interview.create"),
    "get_cv": Route(CV, R, "cv.read"),
    "put_cv_approval": Route(APPR, W, "cv.approve"),
    **{f"put_cv_{section}": Route(CV, W, "cv.update") for section in CV_SINGLE_SECTIONS},
    **{
        f"{verb}_cv_{section}": Route(CV, W, "cv.update")
        for verb in ("add", "edit", "remove")
        for section in CV_LIST_SECTIONS
    },
    "list_joblog": Route(LOG, R, "joblog.read"),
    "get_joblog_entry": Route(LOG, R, "joblog.read"),
    "get_joblog_history": Route(LOG, R, "joblog.read"),
    "create_joblog_entry": Route(LOG, W, "joblog.create"),
    "update_joblog_entry": Route(LOG, W, "joblog.update"),
    "delete_joblog_entry": Route(LOG, W, "joblog.delete"),
    "add_joblog_copies": Route(LOG, W, "joblog.copy.add"),
    "remove_joblog_copy": Route(LOG, W, "joblog.copy.remove"),
    "get_joblog_copy": Route(LOG, R, "joblog.copy.read"),
    "get_plan": Route(PLAN, R, "plan.read"),
    "get_plan_revision": Route(PLAN, R, "plan.read"),
    "create_plan": Route(PLAN, W, "plan.create"),
    "revise_plan": Route(PLAN, W, "plan.revise"),
    "front_page": Route(OVER, R, "front_page.read"),
    "person_duties": Route(OVER, R, "duties.read"),
    "list_threads": Route(MSG, R, "messages.list"),
    "get_thread": Route(MSG, R, "messages.read"),
    "get_attachment": Route(MSG, R, "messages.attachment"),
    "start_thread": Route(MSG, W, "messages.start"),
    "reply": Route(MSG, W, "messages.send"),
    "list_letters": Route(LET, R, "letters.list"),
    "list_fund_events": Route(EVT, R, "fund_events.read"),
    "create_fund_event": Route(EVT, W, "fund_event.create"),
    "mark_no_show": Route(EVT, W, "fund_event.no_show"),
    "export_person": Route(INS, R, "person.export"),
    "audit_log": Route(INS, R, "audit_log.read"),
    "list_insight_requests": Route(INS, R, "insight_requests.read"),
    "create_insight_request": Route(INS, W, "insight_request.create"),
    "record_history": Route(None, R, "record_history.read"),
}

# The record types of GET /persons/{id}/history/{record_type}/{record_id}.
HISTORY_RECORDS: dict[str, FundRecord] = {
    "registrations": REG,
    "absences": ABS,
    "cv_section": CV,
    "cv_entry": CV,
    "joblog": LOG,
    "plan": PLAN,
    "messages": MSG,
    "insight_requests": INS,
    "fund_events": EVT,
}

MESSAGES = {
    JOBCENTRE_ONLY: "This is the job centre's: an unemployment insurance fund may not make or "
    "change it (summons, plans, held interviews, messages)",
    PERSON_ONLY: "This is the person's own: an unemployment insurance fund may not read or "
    "change it",
}
UNCLASSIFIED = "person.access"


def route_record(endpoint: str, view_args: Mapping[str, Any]) -> tuple[FundRecord, Route] | None:
    """The record and row of a person route; None for a history of an unknown record type (the
    view answers 404) or a route missing from the table."""
    route = ROUTES.get(endpoint)
    if route is None:
        return None
    record = route.record or HISTORY_RECORDS.get(str(view_args.get("record_type")))
    return None if record is None else (record, route)


def check_fund_reach(
    session: Session, person_id: str, endpoint: str, view_args: Mapping[str, Any]
) -> None:
    """Refuse a fund's employee the route unless the table lets a fund use its record so."""
    found = route_record(endpoint, view_args)
    if found is None:
        if endpoint == "record_history":
            return  # an unknown record type: the view's audited 404
        _refuse(session, person_id, UNCLASSIFIED, PERSON_ONLY)
    record, route = found
    if not fund_may(record, route.use):
        _refuse(session, person_id, route.action, route.refusal or refusal(record))


def _refuse(session: Session, person_id: str, action: str, code: str) -> NoReturn:
    record_access(session, action, person_id=person_id, outcome=DENIED)
    session.commit()
    error = FieldError(
        field="X-Actor-Organisation", code=code, message=MESSAGES[code], rules=DFDG_RULES
    )
    violation = RuleViolation(code, [error], status=403)
    violation.detail = MESSAGES[code]
    raise violation
