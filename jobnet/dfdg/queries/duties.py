"""What decides a person's duties, read in few statements whatever the history's length.

One UNION ALL answers the CV's state, every plan version, the job log's applications counted
by day since the first week judged, the days interviews were held, the coming holidays and
the booking requests (open ones, and those whose deadline is within the judged weeks), and
the applications with a copy uploaded, by day (issue 22);
the summons are a second statement (the front page passes its own upcoming ones instead). The
same two statements answer for every person of a municipality at once (the job centre's
overview of duties due), each row naming its person.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    Date,
    Integer,
    Select,
    String,
    bindparam,
    case,
    cast,
    func,
    literal,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from jobnet.dfdg.models.booking import BookingRequest
from jobnet.dfdg.models.cv import Cv, JoblogEntry
from jobnet.dfdg.models.fund_events import FundEvent
from jobnet.dfdg.models.interviews import HeldInterview
from jobnet.dfdg.models.joblog_copies import JoblogCopy
from jobnet.dfdg.models.persons import Person
from jobnet.dfdg.models.plans import JobPlan, JobPlanVersion
from jobnet.dfdg.models.registrations import Absence
from jobnet.dfdg.models.summons import Summons
from jobnet.domain.absences import AbsenceReason
from jobnet.domain.booking import BookingStatus
from jobnet.domain.clock import today_in_denmark
from jobnet.domain.duties import (
    JOBLOG_WEEKS,
    BookingFact,
    CvFact,
    HolidayFact,
    PlanVersionFact,
    SummonsFact,
    monday_of,
)
from jobnet.domain.summons import SummonsStatus

_PERSON = bindparam("person_id", type_=String)
_SINCE = bindparam("since", type_=Date)
_TODAY = bindparam("today", type_=Date)
# The persons of one municipality (the job centre's citizens).
_OF_MUNICIPALITY = select(Person.id).where(
    Person.municipality_code == bindparam("municipality", type_=String)
)

PersonFilter = Callable[[Any], Any]


def _one_person(column: Any) -> Any:
    return column == _PERSON


def _of_municipality(column: Any) -> Any:
    return column.in_(_OF_MUNICIPALITY)


def _row(
    kind: str,
    person_id: Any,
    *,
    ref: Any = None,
    day: Any = None,
    day2: Any = None,
    number: Any = None,
    number2: Any = None,
    flag: Any = None,
    number3: Any = None,
) -> list[Any]:
    def typed(value: Any, type_: Any) -> Any:
        return cast(null(), type_) if value is None else value

    return [
        literal(kind, String).label("kind"),
        person_id.label("person_id"),
        typed(ref, String).label("ref"),
        typed(day, Date).label("day"),
        typed(day2, Date).label("day2"),
        typed(number, Integer).label("number"),
        typed(number2, Integer).label("number2"),
        typed(flag, String).label("flag"),
        typed(number3, Integer).label("number3"),
    ]


def _facts_statement(person: PersonFilter, *, holidays: bool = True) -> Select[Any]:
    """The facts' UNION ALL; without the coming holidays for a caller that read the person's
    absences already (the front page)."""
    cv = select(
        *_row(
            "cv",
            Cv.person_id,
            number=case((Cv.searchable, 1), else_=0),
            flag=Cv.approval_status,
        )
    ).where(person(Cv.person_id))
    plan = (
        select(
            *_row(
                "plan",
                JobPlan.person_id,
                day=JobPlanVersion.revision_date,
                number=JobPlanVersion.number,
                number2=JobPlanVersion.applications_per_week,
                flag=case((JobPlanVersion.seen_at.is_(None), "unseen"), else_="seen"),
                number3=JobPlanVersion.copies_per_week,
                ref=JobPlanVersion.copies_period,
            )
        )
        .join(JobPlan, JobPlan.id == JobPlanVersion.plan_id)
        .where(person(JobPlan.person_id))
    )
    applications = (
        select(*_row("log", JoblogEntry.person_id, day=JoblogEntry.applied_on, number=func.count()))
        .where(
            person(JoblogEntry.person_id),
            JoblogEntry.deleted_at.is_(None),
            JoblogEntry.applied_on >= _SINCE,
        )
        .group_by(JoblogEntry.person_id, JoblogEntry.applied_on)
    )
    held = select(*_row("held", HeldInterview.person_id, day=HeldInterview.held_on)).where(
        person(HeldInterview.person_id), HeldInterview.held_on >= _SINCE
    )
    coming_holidays = select(
        *_row(
            "holiday",
            Absence.person_id,
            ref=Absence.id,
            day=Absence.first_day,
            day2=Absence.last_day,
        )
    ).where(
        person(Absence.person_id),
        Absence.reason == AbsenceReason.HOLIDAY.value,
        Absence.status == "active",
        Absence.last_day >= _TODAY,
    )
    bookings = select(
        *_row(
            "booking",
            BookingRequest.person_id,
            ref=BookingRequest.id,
            day=BookingRequest.deadline,
            day2=BookingRequest.opened_on,
            flag=BookingRequest.status,
        )
    ).where(
        person(BookingRequest.person_id),
        BookingRequest.status != BookingStatus.CANCELLED.value,
        or_(
            BookingRequest.status == BookingStatus.OPEN.value,
            BookingRequest.deadline >= _SINCE,
        ),
    )
    # Applications with at least one copy uploaded (not removed), by the day each was sent.
    copies = (
        select(
            *_row(
                "copy",
                JoblogEntry.person_id,
                day=JoblogEntry.applied_on,
                number=func.count(JoblogEntry.id.distinct()),
            )
        )
        .join(JoblogCopy, JoblogCopy.entry_id == JoblogEntry.id)
        .where(
            person(JoblogEntry.person_id),
            # A copy carries its entry's person: filtering on it too lets the copies be found
            # by their (person_id, entry_id) index instead of a scan of every copy per entry.
            person(JoblogCopy.person_id),
            JoblogEntry.deleted_at.is_(None),
            JoblogCopy.removed_at.is_(None),
            JoblogEntry.applied_on >= _SINCE,
        )
        .group_by(JoblogEntry.person_id, JoblogEntry.applied_on)
    )
    if not holidays:
        return union_all(cv, plan, applications, held, bookings, copies)  # type: ignore[return-value]
    return union_all(cv, plan, applications, held, coming_holidays, bookings, copies)  # type: ignore[return-value]


def _summons_statement(person: PersonFilter) -> Select[Summons]:
    return (
        select(Summons)
        .where(
            person(Summons.person_id),
            Summons.status != SummonsStatus.CANCELLED.value,
            Summons.starts_at >= bindparam("earliest"),
        )
        .order_by(Summons.starts_at, Summons.created_at)
    )


# Built once: the front page runs them on every call.
_FACTS = _facts_statement(_one_person)
_FACTS_BUT_HOLIDAYS = _facts_statement(_one_person, holidays=False)
_SUMMONS = _summons_statement(_one_person)
_MUNICIPALITY_FACTS = _facts_statement(_of_municipality)
_MUNICIPALITY_SUMMONS = _summons_statement(_of_municipality)


@dataclass
class StoredFacts:
    """The facts read from DFDG's tables (the caller adds today, the group, the registration)."""

    cv: CvFact | None = None
    plan_versions: list[PlanVersionFact] = field(default_factory=list)
    applications: Counter[date] = field(default_factory=Counter)
    copies: Counter[date] = field(default_factory=Counter)
    held_on: set[date] = field(default_factory=set)
    holidays: list[HolidayFact] = field(default_factory=list)
    bookings: list[BookingFact] = field(default_factory=list)


def history_start(today: date) -> date:
    """The first day whose job log and interviews still count: the Monday twelve weeks back."""
    return monday_of(today) - timedelta(weeks=JOBLOG_WEEKS - 1)


def stored_facts(
    session: Session,
    person_id: str,
    today: date,
    absences: Iterable[Absence] | None = None,
) -> StoredFacts:
    """The CV, plan versions, applications by day, held-interview days and coming holidays, in
    one statement; the holidays are taken from `absences` when the caller read the person's
    current and coming ones already (`queries.absences.current_and_coming`)."""
    params = {"person_id": person_id, "since": history_start(today), "today": today}
    found = StoredFacts()
    if absences is not None:
        found.holidays = coming_holidays(absences, today)
    for row in session.execute(_FACTS if absences is None else _FACTS_BUT_HOLIDAYS, params):
        _add(found, row)
    return found


def coming_holidays(absences: Iterable[Absence], today: date) -> list[HolidayFact]:
    """The holidays among `absences` that the UNION's holiday rows would give: active, with a
    last day, not over before `today`."""
    return [
        HolidayFact(absence.id, absence.first_day, absence.last_day)
        for absence in absences
        if absence.reason == AbsenceReason.HOLIDAY
        and absence.status == "active"
        and absence.last_day is not None
        and absence.last_day >= today
    ]


def stored_facts_of_municipality(
    session: Session, municipality_code: str, today: date
) -> dict[str, StoredFacts]:
    """`stored_facts` of every person of the municipality, by person id, in one statement
    (a person with none of these facts is missing)."""
    params = {"municipality": municipality_code, "since": history_start(today), "today": today}
    found: defaultdict[str, StoredFacts] = defaultdict(StoredFacts)
    for row in session.execute(_MUNICIPALITY_FACTS, params):
        _add(found[row.person_id], row)
    return dict(found)


def _add(found: StoredFacts, row: Any) -> None:
    if row.kind == "cv":
        found.cv = CvFact(searchable=bool(row.number), approval_status=row.flag)
    elif row.kind == "plan":
        found.plan_versions.append(
            PlanVersionFact(
                row.number,
                row.day,
                row.number2,
                row.flag == "seen",
                row.number3 or 0,
                row.ref or "week",
            )
        )
    elif row.kind == "log":
        found.applications[row.day] += row.number
    elif row.kind == "copy":
        found.copies[row.day] += row.number
    elif row.kind == "held":
        found.held_on.add(row.day)
    elif row.kind == "holiday":
        found.holidays.append(HolidayFact(row.ref, row.day, row.day2))
    elif row.kind == "booking":
        booked = row.flag == BookingStatus.BOOKED.value
        found.bookings.append(BookingFact(row.ref, row.day2, row.day, booked=booked))


def summons_since(session: Session, person_id: str, earliest: datetime) -> list[Summons]:
    """The person's summons not cancelled, starting at `earliest` or later (one statement)."""
    return list(session.scalars(_SUMMONS, {"person_id": person_id, "earliest": earliest}))


def summons_of_municipality(
    session: Session, municipality_code: str, earliest: datetime
) -> dict[str, list[Summons]]:
    """`summons_since` of every person of the municipality, by person id (one statement)."""
    params = {"municipality": municipality_code, "earliest": earliest}
    found: defaultdict[str, list[Summons]] = defaultdict(list)
    for summons in session.scalars(_MUNICIPALITY_SUMMONS, params):
        found[summons.person_id].append(summons)
    return dict(found)


def summons_facts(
    summons: list[Summons], held_on: set[date], fund_told: frozenset[str] = frozenset()
) -> tuple[SummonsFact, ...]:
    """Summons as facts: held when the job centre recorded a held interview that day; the fund
    told when the summons' id is in `fund_told` (see `told_funds`)."""
    return tuple(
        SummonsFact(
            id=item.id,
            starts_at=item.starts_at,
            duration_minutes=item.duration_minutes,
            held=today_in_denmark(item.starts_at) in held_on,
            cannot_come=item.cannot_come_sequence == item.sequence,
            not_attended=item.not_attended_at is not None,
            fund_told=item.id in fund_told,
        )
        for item in summons
        if item.status != SummonsStatus.CANCELLED.value
    )


def told_funds(session: Session, summons: list[Summons]) -> frozenset[str]:
    """The summons marked not attended whose no-show event went to the person's fund. Read
    only when one is marked (rarely), so a view of Min side makes no statement for it."""
    marked = [item.id for item in summons if item.not_attended_at is not None]
    if not marked:
        return frozenset()
    rows = session.scalars(
        select(FundEvent.summons_id).where(FundEvent.summons_id.in_(marked)).distinct()
    )
    return frozenset(summons_id for summons_id in rows if summons_id is not None)
