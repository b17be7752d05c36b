"""A booking request not booked by its deadline: the fund event that arises by itself (issue 24).

The job centre asks a person to book an interview by a deadline (issue 22, that day still in
time). When the deadline has passed and the request is still open (not booked, not withdrawn),
DFDG records the event `booking_deadline_missed` for a fund member in contact group 1 (§ 60),
dated the day after the deadline, the first day without a booking, and addressed to the
person's fund of the day it is recorded. § 61 gives it that day or the day after: a request
whose deadline passed longer ago is not reported late (the run that should have found it
did not run; the job centre reports by hand what it still must, with its own date).

Once a request: `fund_events.booking_request_id` is unique, so two runs at once (two workers,
or the command beside the embedded worker) record it once; the losing insert is rolled back to
its savepoint. Run by `flask --app jobnet.dfdg.wsgi dfdg booking-deadlines` (daily is enough;
the worker `dfdg work` runs it in its loop, and so does the embedded worker of `make run`).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import exists, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from jobnet.dfdg.models.booking import BookingRequest
from jobnet.dfdg.models.fund_events import FundEvent
from jobnet.dfdg.models.persons import Person
from jobnet.dfdg.queries import audit as audit_queries
from jobnet.dfdg.queries import fund_events as event_queries
from jobnet.domain.booking import BookingStatus
from jobnet.domain.codes import ActorType
from jobnet.domain.fund_events import (
    DAYS_TO_REPORT,
    EventSource,
    FundEventType,
    booking_missed_event_date,
    booking_missed_in_time,
)

SYSTEM = "dfdg-booking-deadlines"
ACTION = "fund_event.booking_missed"
PURPOSE = "Chapter 11: a booking request not booked by its deadline, for the member's fund"


@dataclass
class MissedResult:
    recorded: int = 0
    not_covered: int = 0  # not a fund member in contact group 1 today: nothing to report


def _candidates(session: Session, today: date) -> list[BookingRequest]:
    """Open requests whose deadline passed within § 61's reach of today, without an event."""
    earliest = today - timedelta(days=DAYS_TO_REPORT + 1)
    reported = exists().where(FundEvent.booking_request_id == BookingRequest.id)
    query = (
        select(BookingRequest)
        .where(
            BookingRequest.status == BookingStatus.OPEN.value,
            BookingRequest.deadline >= earliest,
            BookingRequest.deadline < today,
            ~reported,
        )
        .order_by(BookingRequest.deadline, BookingRequest.created_at)
    )
    return list(session.scalars(query))


def _audit(session: Session, request: BookingRequest, fund_cvr: str) -> None:
    audit_queries.add_entry(
        session,
        {
            "person_id": request.person_id,
            "actor_type": ActorType.SYSTEM.value,
            "actor_id": SYSTEM,
            "actor_name": None,
            "organisation": request.organisation_cvr,
            "on_behalf_of": None,
            "purpose": f"{PURPOSE} ({fund_cvr})",
            "action": ACTION,
            "channel": "system",
            "system": SYSTEM,
            "outcome": "ok",
        },
    )


def record_missed_bookings(
    session: Session, today: date, webhook_funds: Collection[str]
) -> MissedResult:
    """Record the event for every request missed and not reported yet; commit each."""
    result = MissedResult()
    for request in _candidates(session, today):
        if not booking_missed_in_time(request.deadline, today):
            continue
        fund = event_queries.covered_fund(session, request.person_id, today)
        if fund is None:
            result.not_covered += 1
            continue
        person = session.get(Person, request.person_id)
        assert person is not None
        try:
            with session.begin_nested():
                event_queries.record(
                    session,
                    person_id=person.id,
                    fund=fund,
                    fields={
                        "type": FundEventType.BOOKING_DEADLINE_MISSED.value,
                        "source": EventSource.AUTOMATIC.value,
                        "event_date": booking_missed_event_date(request.deadline),
                        "booking_request_id": request.id,
                        "municipality_code": person.municipality_code,
                        "created_by_type": ActorType.SYSTEM.value,
                        "created_by_id": SYSTEM,
                        "created_by_name": None,
                        "created_by_organisation": request.organisation_cvr,
                    },
                    has_webhook=fund.cvr in webhook_funds,
                )
                _audit(session, request, fund.cvr)
        except IntegrityError:
            continue  # another run recorded it a moment ago
        session.commit()
        result.recorded += 1
    session.commit()
    return result
