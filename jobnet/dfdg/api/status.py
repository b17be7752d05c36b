"""The person's status, and the citizen's front page in one answer.

The statements are the same whatever the history's length: one for the person with their
contact-group period and registration today (and, for the front page, the unread plan version),
one for the current and coming absences, the front page's upcoming summons, the counts when
asked, the names of the organisations that acted (only when any did), and the audit entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import Response, jsonify
from pydantic import Field
from sqlalchemy.orm import Session

from jobnet.dfdg import clock
from jobnet.dfdg.api.blueprint import api, parse_query
from jobnet.dfdg.api.duties import duties_of
from jobnet.dfdg.api.jobcentre_access import now
from jobnet.dfdg.api.records import (
    NOT_FOUND_RESPONSE,
    PERSON_ID,
    absence_out,
    organisation_names,
    person_today_for_read,
    record_organisations,
    registration_out,
)
from jobnet.dfdg.api.summons import summons_out
from jobnet.dfdg.audit import record_access
from jobnet.dfdg.context import request_session
from jobnet.dfdg.models.persons import ContactGroupPeriod, Person
from jobnet.dfdg.models.registrations import Absence, Registration
from jobnet.dfdg.queries import absences as absence_queries
from jobnet.dfdg.queries import actors as actor_queries
from jobnet.dfdg.queries import registrations as registration_queries
from jobnet.dfdg.queries import summons as summons_queries
from jobnet.dfdg.schemas.base import ResponseBody
from jobnet.dfdg.schemas.duties import DutiesOut, duties_out
from jobnet.dfdg.schemas.persons import ContactGroupPeriodOut
from jobnet.dfdg.schemas.registrations import StatusCounts, StatusOut, StatusQuery
from jobnet.dfdg.schemas.summons import SummonsListResponse
from jobnet.domain.absences import AbsenceReason
from jobnet.domain.summons import SummonsStatus

READ = "status.read"
FRONT_PAGE = "front_page.read"


@dataclass(frozen=True)
class _Today:
    """What the status and the front page show of a person today (two reads); `absences` holds
    every active absence not over before today, the open sickness and the holidays among them."""

    person: Person
    period: ContactGroupPeriod | None
    registration: Registration | None
    sickness: Absence | None
    holidays: list[Absence]
    absences: list[Absence]
    unseen_plan_version: int | None

    @property
    def records(self) -> list[Registration | Absence]:
        shown = [*self.absences, *self.holidays, self.registration]
        return [record for record in shown if record is not None]

    def status_out(
        self, today: date, names: dict[str, str], counts: StatusCounts | None
    ) -> StatusOut:
        return StatusOut(
            person_id=self.person.id,
            given_name=self.person.given_name,
            family_name=self.person.family_name,
            today=today,
            contact_group=ContactGroupPeriodOut.model_validate(self.period)
            if self.period
            else None,
            registration=registration_out(self.registration, names) if self.registration else None,
            sickness=absence_out(self.sickness, names) if self.sickness else None,
            holidays=[absence_out(holiday, names) for holiday in self.holidays],
            absences=[absence_out(absence, names) for absence in self.absences],
            counts=counts,
        )


def _today_of(
    session: Session, person_id: str, action: str, today: date, *, with_plan: bool = False
) -> _Today:
    found = person_today_for_read(session, person_id, action, today, with_plan=with_plan)
    listed = absence_queries.current_and_coming(session, found.person.id, today)
    absences = [a for a in listed if a.status == absence_queries.ACTIVE]
    return _Today(
        person=found.person,
        period=found.period,
        registration=found.registration,
        unseen_plan_version=found.unseen_plan_version,
        sickness=next((a for a in absences if absence_queries.is_open_sickness(a, today)), None),
        # The holidays, and those a deregistration ended (status cancelled) so the person sees
        # what became of them.
        holidays=[a for a in listed if a.reason == AbsenceReason.HOLIDAY],
        absences=absences,
    )


@api.route(
    "GET",
    "/persons/<person_id>/status",
    summary="The person's status today: contact group, registration, sickness, holidays and "
    "every other current or coming absence",
    tags=("persons",),
    path_params=PERSON_ID,
    query=StatusQuery,
    responses={200: ("The status", StatusOut), 404: NOT_FOUND_RESPONSE},
    actor_headers=True,
)
def person_status(person_id: str) -> Response:
    query = parse_query(StatusQuery)
    session = request_session()
    today = clock.today()
    found = _today_of(session, person_id, READ, today)
    counts = _counts(session, found) if query.counts else None
    names = organisation_names(session, found.records)
    record_access(session, READ, person_id=found.person.id)
    return jsonify(found.status_out(today, names, counts).model_dump(mode="json"))


def _counts(session: Session, found: _Today) -> StatusCounts:
    registrations, absences = registration_queries.counts(session, found.person.id)
    return StatusCounts(
        registrations=registrations,
        absences=absences,
        upcoming_holidays=sum(1 for h in found.holidays if h.status == absence_queries.ACTIVE),
    )


class FrontPageOut(ResponseBody):
    """The citizen's front page: the status and the coming interviews, in one answer."""

    status: StatusOut
    interviews: SummonsListResponse = Field(
        description="Upcoming summons, and cancelled ones whose time has not passed, apart "
        "(`past` is empty, changes are left out: the summons pages give them); "
        "`unseen_plan_version` for the plan's 'new' marker"
    )
    duties: DutiesOut = Field(
        description="The person's duties as GET /persons/{person_id}/duties answers them, "
        "with only the upcoming summons (no past interviews)"
    )


@api.route(
    "GET",
    "/persons/<person_id>/front-page",
    summary="Min side in one call: status, upcoming interviews and what is new",
    description="At most five reads whatever the history's length — the person with their "
    "contact-group period, registration and the plan's unseen version; current and coming "
    "absences; upcoming summons; the names of the organisations that acted, when any did; "
    "what decides the duties (CV, plan versions, job log, held interviews, holidays) — and "
    "one audit entry.",
    tags=("persons",),
    path_params=PERSON_ID,
    responses={200: ("The front page", FrontPageOut), 404: NOT_FOUND_RESPONSE},
    actor_headers=True,
)
def front_page(person_id: str) -> Response:
    session = request_session()
    today = clock.today()
    found = _today_of(session, person_id, FRONT_PAGE, today, with_plan=True)
    moment = now()
    upcoming = summons_queries.upcoming_without_changes(session, found.person.id, moment)
    cvrs = [
        *(s.organisation_cvr for s in upcoming),
        *(s.created_by_organisation for s in upcoming),
        *record_organisations(found.records),
    ]
    names = actor_queries.organisation_names(session, cvrs)
    record_access(session, FRONT_PAGE, person_id=found.person.id)
    status = found.status_out(today, names, None)
    interviews = SummonsListResponse(
        person_id=found.person.id,
        now=moment,
        upcoming=[
            summons_out(item, names, with_changes=False)
            for item in upcoming
            if item.status != SummonsStatus.CANCELLED
        ],
        cancelled=[
            summons_out(item, names, with_changes=False)
            for item in upcoming
            if item.status == SummonsStatus.CANCELLED
        ],
        past=[],
        unseen_plan_version=found.unseen_plan_version,
    )
    duties = duties_of(session, found, today, moment, summons=upcoming, absences=found.holidays)
    body = FrontPageOut(
        status=status, interviews=interviews, duties=duties_out(found.person.id, today, duties)
    )
    # Pydantic writes the JSON itself: the same values as `jsonify(model_dump(mode="json"))`
    # without building the dictionaries first and sorting every object's keys again.
    return Response(body.model_dump_json(), mimetype="application/json")
