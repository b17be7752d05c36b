"""Absences: sickness, holiday and the other Annex 1 reasons."""

from __future__ import annotations

from datetime import date

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from jobnet.dfdg.models.registrations import Absence
from jobnet.domain.absences import AbsenceReason
from jobnet.domain.standing import sickness_runs_on

ACTIVE = "active"
CANCELLED = "cancelled"
# `end_cause` of an absence the person's deregistration shortened or ended.
ENDED_BY_DEREGISTRATION = "deregistration"


# Built once: every absence report runs it.
_ACTIVE = (
    select(Absence)
    .where(Absence.person_id == bindparam("person_id"), Absence.status == ACTIVE)
    .order_by(Absence.first_day, Absence.created_at)
)


def active(session: Session, person_id: str) -> list[Absence]:
    """The person's absences that are not cancelled, oldest first."""
    return list(session.scalars(_ACTIVE, {"person_id": person_id}))


# Built once: the status and front page run it on every call.
_CURRENT_AND_COMING = (
    select(Absence)
    .where(
        Absence.person_id == bindparam("person_id"),
        (Absence.status == ACTIVE) | (Absence.end_cause == ENDED_BY_DEREGISTRATION),
        Absence.last_day.is_(None) | (Absence.last_day >= bindparam("today")),
    )
    .order_by(Absence.first_day, Absence.created_at)
)


def current_and_coming(session: Session, person_id: str, today: date) -> list[Absence]:
    """Active absences not over before `today` (open ones included), soonest first; and those
    a deregistration ended (status cancelled, `end_cause` deregistration), so the person sees
    what became of them."""
    return list(session.scalars(_CURRENT_AND_COMING, {"person_id": person_id, "today": today}))


def is_open_sickness(absence: Absence, today: date) -> bool:
    """The person's sickness running today: open, or ended by a deregistration from a later
    day and not yet over (`jobnet.domain.standing.sickness_runs_on`)."""
    return (
        absence.reason == AbsenceReason.SICKNESS
        and absence.status == ACTIVE
        and sickness_runs_on(
            today,
            absence.last_day,
            fit_day=absence.fit_day,
            ended_by_deregistration=absence.end_cause == ENDED_BY_DEREGISTRATION,
        )
    )


# Built once: every recovery runs it. The same as `is_open_sickness`, in SQL.
_OPEN_SICKNESS = select(Absence).where(
    Absence.person_id == bindparam("person_id"),
    Absence.reason == AbsenceReason.SICKNESS.value,
    Absence.status == ACTIVE,
    Absence.fit_day.is_(None),
    Absence.last_day.is_(None)
    | ((Absence.end_cause == ENDED_BY_DEREGISTRATION) & (Absence.last_day >= bindparam("today"))),
)


def open_sickness(session: Session, person_id: str, today: date) -> Absence | None:
    """The sickness running today (`is_open_sickness`), which a recovery ends."""
    return session.scalars(_OPEN_SICKNESS, {"person_id": person_id, "today": today}).first()


def of_person(session: Session, person_id: str, absence_id: str) -> Absence | None:
    """The absence, only when it is this person's."""
    query = select(Absence).where(Absence.id == absence_id, Absence.person_id == person_id)
    return session.scalars(query).one_or_none()


def history(session: Session, person_id: str) -> list[Absence]:
    """All the person's absences, cancelled ones included, newest first."""
    query = (
        select(Absence)
        .where(Absence.person_id == person_id)
        .order_by(Absence.first_day.desc(), Absence.created_at.desc())
    )
    return list(session.scalars(query))
