"""Who may reach which person's data — enforced by DFDG itself, not only by the web app.

- A citizen reaches only their own person id (the assertion's `sub`, required on person
  routes): any other
  id answers 404, the same as an unknown person, so an id changed by hand reveals nothing.
- A caseworker reaches a person only if their organisation may: a job centre the citizens of its
  own municipality. Other kinds of organisation are decided by `ORGANISATION_RULES`, the one place
  to add a new kind; an unemployment fund sees its members of today, from its membership
  register (`jobnet.dfdg.queries.fund_memberships`). Refusals are 403 and audited as denied,
  except to a fund: a person who is not its member is unknown to it (404, audited as denied).
- A fund's employee uses a member's records only as the funds' reach table lets a fund
  (`jobnet.dfdg.fund_reach`, from `jobnet.domain.fund_reach`): 403 otherwise, audited.
- A caseworker must state why (the assertion's `purpose`); it goes into every audit entry.
- Who acts comes only from a verified assertion (`jobnet.dfdg.actor`), and each system keeps
  to its registered scope (`jobnet.dfdg.scope`) before these rules are asked.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NoReturn

from sqlalchemy.orm import Session

from jobnet.dfdg import clock
from jobnet.dfdg.actor import ActorContext, current_actor
from jobnet.dfdg.audit import DENIED, NOT_FOUND, record_access
from jobnet.dfdg.context import request_session
from jobnet.dfdg.fund_reach import check_fund_reach
from jobnet.dfdg.models.persons import Organisation, Person
from jobnet.dfdg.problems import ProblemError, field_error, validation_problem
from jobnet.dfdg.queries import fund_memberships
from jobnet.dfdg.queries import organisations as organisation_queries
from jobnet.dfdg.queries import persons as person_queries
from jobnet.dfdg.rules import DFDG_CODES, OUTSIDE_ORGANISATION, RuleViolation
from jobnet.domain import actor_assertion
from jobnet.domain.codes import ActorType, OrganisationKind

MESSAGES_OUTSIDE = DFDG_CODES[OUTSIDE_ORGANISATION]
PURPOSE_FIELD = f"{actor_assertion.HEADER}.{actor_assertion.PURPOSE}"
OrganisationRule = Callable[[Session, Organisation, Person], bool]


def _jobcentre_may_see(_session: Session, organisation: Organisation, person: Person) -> bool:
    return (
        organisation.municipality_code is not None
        and person.municipality_code == organisation.municipality_code
    )


def _akasse_may_see(session: Session, organisation: Organisation, person: Person) -> bool:
    # A fund sees the persons who are its members today, and no one else.
    return fund_memberships.is_member(session, organisation.id, person.id, clock.today())


ORGANISATION_RULES: dict[str, OrganisationRule] = {
    OrganisationKind.JOBCENTRE.value: _jobcentre_may_see,
    OrganisationKind.AKASSE.value: _akasse_may_see,
}


def organisation_may_see(session: Session, cvr: str | None, person: Person) -> bool:
    organisation = organisation_queries.by_cvr(session, cvr) if cvr else None
    return _may_see(session, organisation, person)


def _may_see(session: Session, organisation: Organisation | None, person: Person) -> bool:
    if organisation is None:
        return False
    rule = ORGANISATION_RULES.get(organisation.kind)
    return rule is not None and rule(session, organisation, person)


def _deny(
    session: Session, person_id: str | None, action: str, status: int, outcome: str | None = None
) -> NoReturn:
    """Audit the refused attempt (committed on its own), then refuse."""
    outcome = outcome or (DENIED if status == 403 else NOT_FOUND)
    record_access(session, action, person_id=person_id, outcome=outcome)
    session.commit()
    if status == 404:
        raise ProblemError(404, "not-found", "No person has this id")
    error = field_error("person_id", OUTSIDE_ORGANISATION, MESSAGES_OUTSIDE)
    raise RuleViolation(OUTSIDE_ORGANISATION, [error], status=403)


def check_person_access(
    person_id: str,
    action: str = "person.access",
    *,
    endpoint: str | None = None,
    view_args: Mapping[str, Any] | None = None,
) -> None:
    """Refuse the request's actor access to `person_id` unless the rules above allow it;
    `endpoint` (and its `view_args`): the person route asked, for the funds' reach table."""
    actor = current_actor()
    if actor.type == ActorType.CITIZEN:
        if actor.id != person_id:
            # No id at all is refused the same way: a citizen who is no one reaches no one.
            _deny(request_session(), None, action, 404)
        return
    if actor.type == ActorType.CASEWORKER:
        check_caseworker_purpose(actor)
        session = request_session()
        person = person_queries.get(session, person_id)
        if person is None:
            return  # the view's audited 404
        cvr = actor.organisation
        organisation = organisation_queries.by_cvr(session, cvr) if cvr else None
        fund = organisation is not None and organisation.kind == OrganisationKind.AKASSE
        if not _may_see(session, organisation, person):
            # A fund is not told that a person it has no membership of exists.
            _deny(session, person.id, action, 404 if fund else 403, DENIED)
        if fund and endpoint is not None:
            check_fund_reach(session, person.id, endpoint, view_args or {})


def check_caseworker_purpose(actor: ActorContext) -> None:
    if not actor.purpose:
        raise validation_problem(
            [field_error(PURPOSE_FIELD, "missing", "A caseworker must state the purpose")],
            "The acting user's assertion is invalid",
        )
