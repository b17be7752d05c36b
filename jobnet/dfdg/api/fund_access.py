"""What an unemployment insurance fund's employee may do besides reading its members' data.

A fund's employee acts as a caseworker whose organisation is of kind `akasse`; the access rules
(`jobnet.dfdg.access`) let them reach the fund's members of today and no one else. Of the
writes, they may register and deregister a member, report sickness and holidays for them (the
law lets a person ask their fund to do it) and set the CV's approval. Summons and plans are the
job centre's: a fund is refused them with 403 `jobcentre_only` (`jobcentre_access`).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from jobnet.dfdg import clock
from jobnet.dfdg.actor import ActorContext
from jobnet.dfdg.models.persons import Organisation, Person
from jobnet.dfdg.queries import fund_memberships
from jobnet.dfdg.queries import organisations as organisation_queries
from jobnet.domain.codes import ActorType, OrganisationKind

JOBCENTRE_ONLY = "jobcentre_only"
JOBCENTRE_ONLY_MESSAGE = (
    "Summons and plans are the job centre's: an unemployment insurance fund may not make them"
)


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
