"""Job plans: the plan, its versions (the newest is current) and their measures."""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, joinedload

from jobnet.dfdg.models.plans import JobPlan, JobPlanVersion


def of_person(session: Session, person_id: str) -> JobPlan | None:
    """The person's plan with every version and its measures (two queries)."""
    query = (
        select(JobPlan)
        .where(JobPlan.person_id == person_id)
        .options(joinedload(JobPlan.versions).selectinload(JobPlanVersion.measures))
    )
    return session.scalars(query).unique().one_or_none()


# Built once: the front page runs it on every call.
_NEWEST_VERSION = (
    select(JobPlanVersion.number, JobPlanVersion.seen_at)
    .join(JobPlan, JobPlan.id == JobPlanVersion.plan_id)
    .where(JobPlan.person_id == bindparam("person_id"))
    .order_by(JobPlanVersion.number.desc())
    .limit(1)
)


def unseen_current_version(session: Session, person_id: str) -> int | None:
    """The number of the person's current plan version when they have not read it yet."""
    row = session.execute(_NEWEST_VERSION, {"person_id": person_id}).first()
    return row.number if row is not None and row.seen_at is None else None


def current_version(plan: JobPlan) -> JobPlanVersion:
    return max(plan.versions, key=lambda version: version.number)


def version(plan: JobPlan, number: int) -> JobPlanVersion | None:
    return next((item for item in plan.versions if item.number == number), None)


def add(session: Session, plan: JobPlan) -> JobPlan:
    session.add(plan)
    return plan
