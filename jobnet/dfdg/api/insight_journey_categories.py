"""The export's categories of the CV, the job log, My Plan, summons and held interviews.

Each answers the same records as its own API (the builders are those modules'), registered
after the categories of `insight_categories`. The job log also has a history (its stored
versions) and, unlike its own API, includes the deleted entries DFDG keeps (with when and by
whom they were deleted); a plan carries its revisions and a summons its changes in the record
itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel
from sqlalchemy import select

from jobnet.dfdg.api import cv, interviews, joblog, plans, summons
from jobnet.dfdg.api.joblog_copy_records import copies_of, copy_organisations
from jobnet.dfdg.insight import ExportContext, register_category
from jobnet.dfdg.models.cv import JoblogEntry
from jobnet.dfdg.models.interviews import HeldInterview
from jobnet.dfdg.queries import cv as cv_queries
from jobnet.dfdg.queries import joblog as joblog_queries
from jobnet.dfdg.queries import plans as plan_queries
from jobnet.dfdg.queries import summons as summons_queries
from jobnet.dfdg.schemas.base import ActorOut
from jobnet.dfdg.schemas.cv import CvOut, JoblogEntryOut
from jobnet.dfdg.schemas.insight import RecordVersion
from jobnet.dfdg.schemas.plans import PlanOut
from jobnet.dfdg.schemas.summons import SummonsOut

# The job log's version actions as the history's kinds of change.
_JOBLOG_CHANGES = {"create": "created", "update": "updated", "delete": "deleted"}


def _cv(context: ExportContext) -> CvOut | None:
    found = cv_queries.of_person(context.session, context.person.id)
    return cv.cv_out(context.session, context.person.id, found) if found else None


def _joblog(context: ExportContext) -> list[BaseModel]:
    """Every joblog entry DFDG keeps, deleted ones included, newest first, each with its copies
    of the application (removed ones included, marked by removed_at; never their content)."""
    query = (
        select(JoblogEntry)
        .where(JoblogEntry.person_id == context.person.id)
        .order_by(JoblogEntry.applied_on.desc(), JoblogEntry.created_at.desc())
    )
    entries = list(context.session.scalars(query))
    ids = [entry.id for entry in entries]
    copies = copies_of(context.session, context.person.id, ids, removed=True)
    names = context.organisation_names(
        [
            cvr
            for e in entries
            for cvr in (
                e.created_by_organisation,
                e.updated_by_organisation,
                e.deleted_by_organisation,
            )
        ]
        + copy_organisations(copy for found in copies.values() for copy in found)
    )
    return [joblog.entry_out(entry, names, copies.get(entry.id, ())) for entry in entries]


def _joblog_history(context: ExportContext, record_id: str) -> list[RecordVersion] | None:
    versions = joblog_queries.versions(context.session, record_id)
    if not versions or versions[0].person_id != context.person.id:
        return None
    names = context.organisation_names([v.actor_organisation for v in versions])
    return [
        RecordVersion(
            version=v.version,
            change=_JOBLOG_CHANGES.get(v.action, "updated"),
            at=v.at,
            by=ActorOut(
                type=v.actor_type,
                name=v.actor_name,
                organisation=v.actor_organisation,
                organisation_name=names.get(v.actor_organisation or ""),
            ),
            reference=v.source_reference,
            channel=None,
            system=None,
            purpose=None,
            values=dict(v.data or {}),
        )
        for v in versions
    ]


def _plan(context: ExportContext) -> PlanOut | None:
    plan = plan_queries.of_person(context.session, context.person.id)
    return plans._plan_out(context.session, plan) if plan else None


def _summons(context: ExportContext) -> list[BaseModel]:
    items: Sequence = summons_queries.for_person(context.session, context.person.id)
    cvrs: list[str | None] = []
    for item in items:
        cvrs += [item.organisation_cvr, item.created_by_organisation]
        cvrs += [change.by_organisation for change in item.changes]
    names = context.organisation_names(cvrs)
    return [summons.summons_out(item, names) for item in items]


def _interviews(context: ExportContext) -> list[BaseModel]:
    query = (
        select(HeldInterview)
        .where(HeldInterview.person_id == context.person.id)
        .order_by(HeldInterview.held_on.desc(), HeldInterview.created_at.desc())
    )
    items = list(context.session.scalars(query))
    names = context.organisation_names([i.created_by_organisation for i in items])
    return [interviews._out(item, names) for item in items]


register_category(
    "cv", _cv, model=CvOut, title="The CV with its sections and approval status", single=True
)
register_category(
    "joblog",
    _joblog,
    _joblog_history,
    model=JoblogEntryOut,
    title="The job log: applications sent, newest first, deleted entries included "
    "(marked by deleted_at and deleted_by)",
)
register_category(
    "plans", _plan, model=PlanOut, title="My Plan with its measures and revisions", single=True
)
register_category(
    "summons",
    _summons,
    model=SummonsOut,
    title="Summons to interviews, with their moves and cancellations",
)
register_category(
    "interviews",
    _interviews,
    model=interviews.HeldInterviewOut,
    title="Held job interviews, newest first",
)
