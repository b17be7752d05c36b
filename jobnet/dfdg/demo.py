"""Load the fictitious demo persons and organisations into DFDG (idempotent)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from jobnet.db import Store
from jobnet.demo_identities import DEMO_ORGANISATIONS, DEMO_PERSONS, DemoPerson
from jobnet.dfdg.queries import organisations as organisation_queries
from jobnet.dfdg.queries import persons as person_queries


@dataclass(frozen=True)
class DemoLoadResult:
    persons_added: int
    organisations_added: int


def _add_person(session: Session, demo: DemoPerson) -> bool:
    claims = person_queries.PersonClaims(
        cpr=demo.cpr,
        given_name=demo.given_name,
        family_name=demo.family_name,
        street=demo.street,
        postcode=demo.postcode,
        city=demo.city,
        municipality_code=demo.municipality_code,
        address_protected=demo.address_protected,
    )
    person, created = person_queries.ensure(session, claims)
    if created:
        for period in demo.contact_groups:
            person_queries.add_period(
                session,
                person,
                period.contact_group,
                period.match_group,
                period.start_date,
                period.end_date,
            )
    return created


def load_demo_data(session: Session) -> DemoLoadResult:
    """Add the demo organisations and persons that are missing; nothing is added twice."""
    organisations_added = sum(
        organisation_queries.ensure(
            session,
            kind=org.kind,
            name=org.name,
            cvr=org.cvr,
            municipality_code=org.municipality_code,
        )[1]
        for org in DEMO_ORGANISATIONS
    )
    persons_added = sum(_add_person(session, demo) for demo in DEMO_PERSONS)
    return DemoLoadResult(persons_added=persons_added, organisations_added=organisations_added)


def load_demo_data_if_empty(store: Store) -> DemoLoadResult | None:
    """Load the demo data when DFDG has no persons yet (start-up of the embedded default)."""
    with store.session() as session:
        if person_queries.count(session) > 0:
            return None
        return load_demo_data(session)
