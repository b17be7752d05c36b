"""Every route of DFDG's API that is not a person route, classified: whose it is, and so
whether an unemployment insurance fund's employee may use it.

The person routes are the funds' reach table's (`jobnet.dfdg.fund_reach`); the rest are here.
The job centre's own lists and writes (its slots and bookings, its duties overview, its
messages inbox, its day of interviews) are the job centre's (chapters 3, 5 and 8-9 of the
order: summons, bookings and plans are the job centre's; a fund follows its members through
the person routes the table opens to it). `check_organisation_reach` runs before any such
route's view (`jobnet.dfdg.openapi`): a fund's employee — a caseworker whose organisation is of
kind `akasse` — is refused a `JOBCENTRE` route with 403 `jobcentre_only`, audited as denied
with the route's action, whatever CVR number the path names (their own fund's, or a job
centre's). A route missing from `ROUTES` is refused to a fund's employee the same way, and
`tests/integration/dfdg/test_organisation_reach.py` fails until it is classified.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import NoReturn

from sqlalchemy.orm import Session

from jobnet.dfdg.actor import ActorContext
from jobnet.dfdg.audit import DENIED, record_access
from jobnet.dfdg.fund_reach import MESSAGES
from jobnet.dfdg.queries import organisations as organisation_queries
from jobnet.dfdg.rules import RuleViolation
from jobnet.dfdg.schemas.base import FieldError
from jobnet.domain.codes import ActorType, OrganisationKind
from jobnet.domain.fund_reach import JOBCENTRE_ONLY
from jobnet.domain.problems import DFDG_RULES


class Owner(StrEnum):
    JOBCENTRE = "jobcentre"  # the job centre's own: its caseworkers only, never a fund
    SHARED = "shared"  # the registry, lookups by CPR: the view's own rules decide
    SYSTEM = "system"  # a connected system acting as itself (no end user)
    PUBLIC = "public"  # no token at all: health, the document, the public statistics


@dataclass(frozen=True)
class OrganisationRoute:
    owner: Owner
    action: str | None  # the audit action of a refusal (the job centre's routes only)
    why: str


J, SH, SY, PU = Owner.JOBCENTRE, Owner.SHARED, Owner.SYSTEM, Owner.PUBLIC
SLOTS = "the job centre's times for interviews people book (chapter 5, issue 22)"
MESSAGES_WHY = "the job centre's inbox of messages with its citizens"

ROUTES: dict[str, OrganisationRoute] = {
    "booking_slots": OrganisationRoute(J, "booking.slots", SLOTS),
    "add_booking_slot": OrganisationRoute(J, "booking.add_slot", SLOTS),
    "remove_booking_slot": OrganisationRoute(J, "booking.remove_slot", SLOTS),
    "jobcentre_bookings": OrganisationRoute(J, "booking.overview", SLOTS),
    "jobcentre_duties": OrganisationRoute(
        J, "duties.overview", "the job centre's follow-up of its citizens' duties"
    ),
    "organisation_summons": OrganisationRoute(
        J, "summons.day_list", "the job centre's interviews of a day (chapter 5)"
    ),
    "inbox": OrganisationRoute(J, "messages.inbox", MESSAGES_WHY),
    "jobcentre_thread": OrganisationRoute(J, "messages.read", MESSAGES_WHY),
    "take_thread": OrganisationRoute(J, "messages.take", MESSAGES_WHY),
    "answer_thread": OrganisationRoute(J, "messages.send", MESSAGES_WHY),
    "jobcentre_attachment": OrganisationRoute(J, "messages.attachment", MESSAGES_WHY),
    "list_organisations": OrganisationRoute(SH, None, "the registry"),
    "get_organisation": OrganisationRoute(SH, None, "the registry"),
    "lookup_person": OrganisationRoute(
        SH, None, "by CPR number: a fund finds its members only (access rules)"
    ),
    "create_person": OrganisationRoute(
        SH, None, "a citizen's first login; a caseworker's call is a look-up (access rules)"
    ),
    "list_notices": OrganisationRoute(SY, None, "jobnet-web's notifications"),
    "acknowledge_notices": OrganisationRoute(SY, None, "the same"),
    "count_unread_messages": OrganisationRoute(
        SY, None, "jobnet-web's daily e-mail to caseworkers"
    ),
    "fund_events_feed": OrganisationRoute(SY, None, "the fund's own system"),
    "statistics": OrganisationRoute(PU, None, "anonymised figures"),
    "statistics_measures": OrganisationRoute(PU, None, "anonymised figures"),
    "fund_event_statistics": OrganisationRoute(PU, None, "anonymised figures"),
    "health": OrganisationRoute(PU, None, "the service's own state"),
    "live": OrganisationRoute(PU, None, "the service's own state"),
    "openapi_document": OrganisationRoute(PU, None, "the API's description"),
}
UNCLASSIFIED = "organisation.unclassified"


def _is_fund_employee(session: Session, actor: ActorContext) -> bool:
    if actor.type != ActorType.CASEWORKER or not actor.organisation:
        return False
    organisation = organisation_queries.by_cvr(session, actor.organisation)
    return organisation is not None and organisation.kind == OrganisationKind.AKASSE


def check_organisation_reach(session: Session, actor: ActorContext, endpoint: str) -> None:
    """Refuse a fund's employee the job centre's routes (and any route not classified)."""
    route = ROUTES.get(endpoint)
    if route is not None and route.owner != Owner.JOBCENTRE:
        return
    if not _is_fund_employee(session, actor):
        return
    _refuse(session, (route.action if route else None) or UNCLASSIFIED)


def _refuse(session: Session, action: str) -> NoReturn:
    session.rollback()
    record_access(session, action, person_id=None, outcome=DENIED)
    session.commit()
    message = MESSAGES[JOBCENTRE_ONLY]
    error = FieldError(
        field="X-Actor-Organisation", code=JOBCENTRE_ONLY, message=message, rules=DFDG_RULES
    )
    violation = RuleViolation(JOBCENTRE_ONLY, [error], status=403)
    violation.detail = message
    raise violation
