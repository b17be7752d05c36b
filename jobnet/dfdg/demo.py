"""Load the fictitious demo persons and organisations into DFDG (idempotent).

Some demo persons also get an open registration as a jobseeker matching their contact group (so
the citizen journeys work for them), one an open sickness and one a coming holiday. Each is
added only to a person who has none yet, so loading again adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from jobnet.db import Store
from jobnet.demo_identities import (
    DEMO_FUND_MEMBERSHIPS,
    DEMO_ORGANISATIONS,
    DEMO_PERSONS,
    DemoPerson,
)
from jobnet.dfdg import clock
from jobnet.dfdg.demo_cv import add_demo_cvs_and_joblogs
from jobnet.dfdg.demo_plans import add_demo_plans_and_summons
from jobnet.dfdg.models.persons import ContactGroupPeriod, Person
from jobnet.dfdg.models.registrations import Absence, Registration
from jobnet.dfdg.queries import fund_memberships
from jobnet.dfdg.queries import organisations as organisation_queries
from jobnet.dfdg.queries import persons as person_queries
from jobnet.domain.absences import AbsenceReason
from jobnet.domain.jobseeker import RegistrationCategory, UnemploymentDegree


@dataclass(frozen=True)
class DemoLoadResult:
    persons_added: int
    organisations_added: int
    registrations_added: int = 0
    absences_added: int = 0
    plans_added: int = 0
    summons_added: int = 0


@dataclass(frozen=True)
class DemoRegistration:
    category: RegistrationCategory
    degree: UnemploymentDegree
    weekly_hours: int | None
    job_titles: tuple[str, ...]


@dataclass(frozen=True)
class DemoAbsence:
    reason: AbsenceReason
    first_in_days: int  # relative to the day the demo data is loaded
    last_in_days: int | None
    by_caseworker: tuple[str, str, str] | None = None  # (professional id, name, CVR)


# Registrations start when the person's open contact-group period started.
DEMO_REGISTRATIONS: dict[str, DemoRegistration] = {
    "1203851234": DemoRegistration(  # Mette Nielsen, group 1
        RegistrationCategory.UNEMPLOYMENT_BENEFIT,
        UnemploymentDegree.FULL_TIME,
        None,
        ("Sygeplejerske", "Social- og sundhedsassistent"),
    ),
    "0507921457": DemoRegistration(  # Lars Jensen, group 2 match group 1
        RegistrationCategory.CASH_BENEFIT,
        UnemploymentDegree.FULL_TIME,
        None,
        ("Lagermedarbejder", "Chauffør"),
    ),
    "0812824167": DemoRegistration(  # Henrik Madsen, group 2 match group 1
        RegistrationCategory.CASH_BENEFIT,
        UnemploymentDegree.PART_TIME,
        25,
        ("Kok",),
    ),
    "1908871245": DemoRegistration(  # Mads Rasmussen, group 1
        RegistrationCategory.UNEMPLOYMENT_BENEFIT,
        UnemploymentDegree.FULL_TIME,
        None,
        ("Elektriker",),
    ),
    "0601983694": DemoRegistration(  # Anne Larsen, group 8
        RegistrationCategory.WITHOUT_BENEFIT,
        UnemploymentDegree.FULL_TIME,
        None,
        ("Butiksassistent", "Kassemedarbejder"),
    ),
}

HANNE = ("CVR:29190011-RID:41120001", "Hanne Mikkelsen", "29190011")

DEMO_ABSENCES: dict[str, tuple[DemoAbsence, ...]] = {
    "0507921457": (DemoAbsence(AbsenceReason.SICKNESS, -3, None),),  # Lars: sick since 3 days
    "1203851234": (DemoAbsence(AbsenceReason.HOLIDAY, 28, 34, by_caseworker=HANNE),),  # Mette
}


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


def _citizen(person: Person) -> dict[str, str | None]:
    return {
        "created_by_type": "citizen",
        "created_by_id": person.id,
        "created_by_name": f"{person.given_name} {person.family_name}",
        "created_by_organisation": None,
    }


def _open_period(session: Session, person: Person) -> ContactGroupPeriod | None:
    query = select(ContactGroupPeriod).where(
        ContactGroupPeriod.person_id == person.id, ContactGroupPeriod.end_date.is_(None)
    )
    return session.scalars(query).first()


def _add_registration(session: Session, person: Person, demo: DemoRegistration) -> bool:
    has_any = session.scalar(select(exists().where(Registration.person_id == person.id)))
    period = _open_period(session, person)
    if has_any or period is None:
        return False
    session.add(
        Registration(
            person_id=person.id,
            category=demo.category.value,
            start_date=period.start_date,
            degree=demo.degree.value,
            weekly_hours=demo.weekly_hours,
            job_titles=list(demo.job_titles),
            contact_group_period_id=period.id,
            **_citizen(person),
        )
    )
    return True


def _absence(person: Person, demo: DemoAbsence, today: date) -> Absence:
    actor = _citizen(person)
    if demo.by_caseworker is not None:
        professional_id, name, cvr = demo.by_caseworker
        actor = {
            "created_by_type": "caseworker",
            "created_by_id": professional_id,
            "created_by_name": name,
            "created_by_organisation": cvr,
        }
    last = None if demo.last_in_days is None else today + timedelta(days=demo.last_in_days)
    return Absence(
        person_id=person.id,
        reason=demo.reason.value,
        first_day=today + timedelta(days=demo.first_in_days),
        last_day=last,
        status="active",
        **actor,
    )


def _add_absences(
    session: Session, person: Person, demos: tuple[DemoAbsence, ...], today: date
) -> int:
    if not demos or session.scalar(select(exists().where(Absence.person_id == person.id))):
        return 0
    session.add_all(_absence(person, demo, today) for demo in demos)
    return len(demos)


def _add_jobseeker_data(session: Session, today: date) -> tuple[int, int]:
    session.flush()
    registrations = absences = 0
    for demo in DEMO_PERSONS:
        person = person_queries.find_by_cpr(session, demo.cpr)
        if person is None:
            continue
        if demo.cpr in DEMO_REGISTRATIONS:
            registrations += _add_registration(session, person, DEMO_REGISTRATIONS[demo.cpr])
        absences += _add_absences(session, person, DEMO_ABSENCES.get(demo.cpr, ()), today)
    return registrations, absences


def _add_fund_memberships(session: Session) -> None:
    for cpr, (fund_cvr, since) in DEMO_FUND_MEMBERSHIPS.items():
        person = person_queries.find_by_cpr(session, cpr)
        fund = organisation_queries.by_cvr(session, fund_cvr)
        if person is not None and fund is not None:
            fund_memberships.join(session, person.id, fund.id, since)


def load_demo_data(session: Session, today: date | None = None) -> DemoLoadResult:
    """Add the demo organisations and persons that are missing; nothing is added twice.

    Demo absences are placed relative to `today` (DFDG's today by default).
    """
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
    _add_fund_memberships(session)
    registrations, absences = _add_jobseeker_data(session, today or clock.today())
    plans, summons = add_demo_plans_and_summons(session, today or clock.today())
    add_demo_cvs_and_joblogs(session, today or clock.today())
    return DemoLoadResult(
        persons_added=persons_added,
        organisations_added=organisations_added,
        registrations_added=registrations,
        absences_added=absences,
        plans_added=plans,
        summons_added=summons,
    )


def load_demo_data_if_empty(store: Store) -> DemoLoadResult | None:
    """Load the demo data when DFDG has no persons yet (start-up of the embedded default)."""
    with store.session() as session:
        if person_queries.count(session) > 0:
            return None
        return load_demo_data(session)
