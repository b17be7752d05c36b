"""Records for the statistics tests, made through DFDG's query layer and models."""

from __future__ import annotations

from datetime import date

from jobnet.db import Store
from jobnet.dfdg.models.cv import JoblogEntry
from jobnet.dfdg.models.registrations import Absence, Registration
from jobnet.dfdg.queries import persons as person_queries

CITIZEN = {"created_by_type": "citizen"}
_serial = iter(range(1, 10**6))


def _cpr() -> str:
    return f"0101{next(_serial):06d}"


def jobseeker(
    store: Store,
    municipality: str | None,
    group: int,
    start: date,
    end: date | None = None,
) -> str:
    """A person in `municipality`, registered from `start` (deregistered on `end`) in `group`."""
    with store.session() as session:
        claims = person_queries.PersonClaims(
            cpr=_cpr(), given_name="Test", family_name="Person", municipality_code=municipality
        )
        person, _ = person_queries.ensure(session, claims)
        match = 1 if group in (2, 3) else None
        period = person_queries.add_period(session, person, group, match, start, end)
        session.flush()
        session.add(
            Registration(
                person_id=person.id,
                category="cash_benefit" if group == 2 else "unemployment_benefit",
                start_date=start,
                degree="full_time",
                job_titles=["Tømrer"],
                contact_group_period_id=period.id,
                end_date=end,
                deregistration_reason="job_as_employee" if end else None,
                **CITIZEN,
            )
        )
        return person.id


def sickness(store: Store, person_id: str, first_day: date, last_day: date | None = None) -> None:
    with store.session() as session:
        session.add(
            Absence(
                person_id=person_id,
                reason="sickness",
                first_day=first_day,
                last_day=last_day,
                status="active",
                **CITIZEN,
            )
        )


def joblog(store: Store, person_id: str, applied_on: date) -> None:
    with store.session() as session:
        session.add(
            JoblogEntry(
                person_id=person_id,
                applied_on=applied_on,
                employer="Firma A/S",
                job_title="Tømrer",
                kind="advertised",
                status="sent",
                **CITIZEN,
            )
        )
