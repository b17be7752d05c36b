"""What an unemployment insurance fund's employee may do besides reading its members' data.

A fund's employee acts as a caseworker whose organisation is of kind `akasse`; the access rules
(`jobnet.dfdg.access`) let them reach the fund's members of today and no one else, and only
the records and uses the funds' reach table allows (`jobnet.dfdg.fund_reach`). This module
serves the views that check again: the CV's approval names the fund, and the job centre's own
writes refuse a fund with 403 `jobcentre_only` (`jobcentre_access`).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from jobnet.dfdg import clock
from jobnet.dfdg.actor import ActorContext
from jobnet.dfdg.fund_reach import MESSAGES
from jobnet.dfdg.models.persons import Organisation, Person
from jobnet.dfdg.queries import fund_memberships
from jobnet.dfdg.queries import organisations as organisation_queries
from jobnet.domain.codes import ActorType, OrganisationKind
from jobnet.domain.fund_reach import JOBCENTRE_ONLY

JOBCENTRE_ONLY_MESSAGE = MESSAGES[JOBCENTRE_ONLY]


def acting_fund(session: Session, actor: ActorContext) -> Organisation | None:
    """The acting caseworker's organisation if it is an unemployment insurance fund."""
    if actor.type != ActorType.CASEWORKER or actor.organisation is None:
        return None
    organisation = organisation_queries.by_cvr(session, actor.organisation)
    if organisation is None or organisation.kind != OrganisationKind.AKASSE:
        return None
    return organisation


def fund_of_member(session: Session, actor: ActorContext, person: Person) -> Organisation | None:
    """The acting caseworker's fund if the person is its member today; None for anyone else."""
    fund = acting_fund(session, actor)
    if fund is None or not fund_memberships.is_member(session, fund.id, person.id, clock.today()):
        return None
    return fund
