"""A person's duties and their deadlines, computed from what DFDG holds (issue 22).

The rules are dated rows (`jobnet.domain.duty_rules`); the engine is pure
(`jobnet.domain.duties`). This module reads the facts in three statements whatever the
history's length: the person with their contact group and registration today, one UNION ALL of
CV, plan versions, job log counts, held interviews and coming holidays, and the summons.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Protocol

from flask import Response, jsonify
from sqlalchemy.orm import Session

from jobnet.dfdg import clock
from jobnet.dfdg.api.blueprint import api
from jobnet.dfdg.api.jobcentre_access import now
from jobnet.dfdg.api.records import NOT_FOUND_RESPONSE, PERSON_ID, person_today_for_read
from jobnet.dfdg.audit import record_access
from jobnet.dfdg.context import request_session
from jobnet.dfdg.models.persons import ContactGroupPeriod, Person
from jobnet.dfdg.models.registrations import Absence, Registration
from jobnet.dfdg.models.summons import Summons
from jobnet.dfdg.queries import duties as duty_queries
from jobnet.dfdg.schemas.duties import DutiesOut, duties_out
from jobnet.domain.duties import Duties, DutyFacts, compute

READ = "duties.read"


class PersonNow(Protocol):
    """A person with their contact-group period and registration today (`PersonToday`, or the
    front page's own read)."""

    @property
    def person(self) -> Person: ...
    @property
    def period(self) -> ContactGroupPeriod | None: ...
    @property
    def registration(self) -> Registration | None: ...


def facts_of(
    period: ContactGroupPeriod | None,
    registration: Registration | None,
    stored: duty_queries.StoredFacts,
    summons: Iterable[Summons],
    today: date,
    moment: datetime,
    fund_told: frozenset[str] = frozenset(),
) -> DutyFacts:
    return DutyFacts(
        today=today,
        now=moment,
        contact_group=period.contact_group if period else None,
        match_group=period.match_group if period else None,
        group_since=period.start_date if period else None,
        registered_since=registration.start_date if registration else None,
        cv=stored.cv,
        plan_versions=tuple(stored.plan_versions),
        applications=stored.applications,
        copies=stored.copies,
        summons=duty_queries.summons_facts(list(summons), stored.held_on, fund_told),
        holidays=tuple(stored.holidays),
        bookings=tuple(stored.bookings),
    )


def duties_of(
    session: Session,
    found: PersonNow,
    today: date,
    moment: datetime,
    summons: Iterable[Summons] | None = None,
    absences: Iterable[Absence] | None = None,
) -> Duties:
    """The person's duties; `summons` are read (those of the judged weeks and later) unless
    the caller has them already (the front page passes its upcoming ones), and so are the
    coming holidays unless the caller read the current and coming `absences` already."""
    stored = duty_queries.stored_facts(session, found.person.id, today, absences)
    if summons is None:
        earliest = clock.start_of_day(duty_queries.history_start(today))
        summons = duty_queries.summons_since(session, found.person.id, earliest)
    meetings = list(summons)
    told = duty_queries.told_funds(session, meetings)
    facts = facts_of(found.period, found.registration, stored, meetings, today, moment, told)
    return compute(facts)


@api.route(
    "GET",
    "/persons/<person_id>/duties",
    summary="The person's duties and their deadlines: CV, job log, interviews, plan, holidays",
    description="Computed from the rules in force (dated rows with their source) and what DFDG "
    "holds: the registration and contact group, the CV, the plan's versions, the job log, the "
    "summons and held interviews, the holidays. Overdue first, then soonest first, done ones "
    "last. The job log is judged week by week (the last twelve weeks) by the plan version in "
    "force on each week's Monday. Three reads whatever the history's length (a fourth when an "
    "interview is marked not attended: whether its no-show event went to a fund), and one "
    "audit entry.",
    tags=("duties",),
    path_params=PERSON_ID,
    responses={200: ("The duties", DutiesOut), 404: NOT_FOUND_RESPONSE},
    actor_headers=True,
)
def person_duties(person_id: str) -> Response:
    session = request_session()
    today = clock.today()
    found = person_today_for_read(session, person_id, READ, today)
    duties = duties_of(session, found, today, now())
    record_access(session, READ, person_id=found.person.id)
    return jsonify(duties_out(found.person.id, today, duties).model_dump(mode="json"))
