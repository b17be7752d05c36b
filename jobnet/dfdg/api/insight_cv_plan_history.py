"""The history of the CV and of My Plan: record types `cv_section`, `cv_entry` and `plan`.

A CV section's id is its name, a CV entry's id the entry's (removed entries included), and a
plan's id the plan's. The versions come from `cv_versions` and `job_plan_versions`, each with
who made it and its reference; the channel, system and stated purpose come from the audit entry
written with the change. The export also gets the CV entries that were removed (DFDG keeps
them), so that their history can be reached.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# insight_journey_categories first: the removed CV entries follow its categories in the export.
from jobnet.dfdg.api import cv, insight_journey_categories, plans  # noqa: F401
from jobnet.dfdg.api.insight_categories import matching_entry
from jobnet.dfdg.api.jobcentre_access import actor_out
from jobnet.dfdg.insight import ExportContext, register_category, register_history
from jobnet.dfdg.models.audit import AuditEntry
from jobnet.dfdg.models.cv import CvVersion
from jobnet.dfdg.models.plans import JobPlanVersion
from jobnet.dfdg.queries import cv as cv_queries
from jobnet.dfdg.queries import insight as insight_queries
from jobnet.dfdg.queries import plans as plan_queries
from jobnet.dfdg.schemas.insight import CvRemovedEntryOut, RecordVersion
from jobnet.domain.cv import LIST_SECTIONS, Section

# The CV's single sections: a section's record id is its name. Approval is the job centre's.
CV_SECTIONS = (*(s.value for s in Section if s not in LIST_SECTIONS), "approval")

# A CV version's action as the history's kind of change.
CV_CHANGES = {"create": "created", "update": "updated", "delete": "removed", "approve": "assessed"}

# The audit action written with each CV version: (is a list entry, version action) -> action.
_CV_AUDIT = {
    (False, "update"): cv.UPDATE,
    (False, "approve"): cv.APPROVE,
    (True, "create"): cv.ENTRY_CREATE,
    (True, "update"): cv.ENTRY_UPDATE,
    (True, "delete"): cv.ENTRY_DELETE,
}


def _version(
    number: int,
    change: str,
    made: CvVersion | JobPlanVersion,
    by: Any,
    entry: AuditEntry | None,
    values: dict[str, Any],
) -> RecordVersion:
    at = made.at if isinstance(made, CvVersion) else made.created_at
    return RecordVersion(
        version=number,
        change=change,
        at=at,
        by=by,
        reference=made.source_reference,
        channel=entry.channel if entry else None,
        system=entry.system if entry else None,
        purpose=entry.purpose if entry else None,
        values=values,
    )


def _cv_versions(context: ExportContext, versions: Sequence[CvVersion]) -> list[RecordVersion]:
    audit_actions = {_CV_AUDIT.get((v.entry_id is not None, v.action)) for v in versions}
    entries = insight_queries.change_entries(
        context.session,
        context.person.id,
        [action for action in audit_actions if action],
        [v.at for v in versions],
    )
    names = context.organisation_names([v.actor_organisation for v in versions])
    answer = []
    for number, version in enumerate(versions, start=1):
        by = actor_out(version.actor_type, version.actor_name, version.actor_organisation, names)
        action = _CV_AUDIT.get((version.entry_id is not None, version.action))
        entry = (
            matching_entry(entries, action, version.at, version.actor_type, version.actor_id)
            if action
            else None
        )
        values = dict(version.data or {})
        if version.entry_id is not None:
            values = {"section": version.section, **values}
        change = CV_CHANGES.get(version.action, "updated")
        answer.append(_version(number, change, version, by, entry, values))
    return answer


def _cv_section_history(context: ExportContext, record_id: str) -> list[RecordVersion] | None:
    """A single section's changes, oldest first (none yet: an empty list, when there is a CV)."""
    if record_id not in CV_SECTIONS:
        return None
    if cv_queries.of_person(context.session, context.person.id) is None:
        return None
    versions = [
        version
        for version in cv_queries.versions(context.session, context.person.id)
        if version.entry_id is None and version.section == record_id
    ]
    return _cv_versions(context, versions)


def _cv_entry_history(context: ExportContext, record_id: str) -> list[RecordVersion] | None:
    versions = [
        version
        for version in cv_queries.versions(context.session, context.person.id)
        if version.entry_id == record_id
    ]
    return _cv_versions(context, versions) if versions else None


def _plan_values(version: JobPlanVersion, names: dict[str, str]) -> dict[str, Any]:
    values = {
        "revision_date": version.revision_date.isoformat(),
        "targets": list(version.targets),
        "applications_per_week": version.applications_per_week,
        "measure_count": len(version.measures),
        "measure_types": [measure.type for measure in version.measures],
        "agreed_with": names.get(version.organisation_cvr) or version.organisation_cvr,
    }
    if version.copies_per_week:  # asked for copies of applications (issue 22), by its period
        period = "copies_per_month" if version.copies_period == "month" else "copies_per_week"
        values[period] = version.copies_per_week
    return values


def _plan_history(context: ExportContext, record_id: str) -> list[RecordVersion] | None:
    """Each version of the plan: 1 as created, then each revision, with who made it."""
    plan = plan_queries.of_person(context.session, context.person.id)
    if plan is None or plan.id != record_id:
        return None
    versions = sorted(plan.versions, key=lambda version: version.number)
    cvrs: list[str | None] = []
    for version in versions:
        cvrs += [version.organisation_cvr, version.created_by_organisation]
    names = context.organisation_names(cvrs)
    entries = insight_queries.change_entries(
        context.session,
        context.person.id,
        (plans.CREATE, plans.REVISE),
        [version.created_at for version in versions],
    )
    answer = []
    for version in versions:
        change, action = ("created", plans.CREATE)
        if version.number > 1:
            change, action = ("revised", plans.REVISE)
        by = actor_out(
            version.created_by_type,
            version.created_by_name,
            version.created_by_organisation,
            names,
        )
        entry = matching_entry(
            entries, action, version.created_at, version.created_by_type, version.created_by_id
        )
        answer.append(
            _version(version.number, change, version, by, entry, _plan_values(version, names))
        )
    return answer


def _cv_removed_entries(context: ExportContext) -> list[CvRemovedEntryOut]:
    """The CV entries taken off the CV, newest removal first."""
    removals = [
        version
        for version in cv_queries.versions(context.session, context.person.id)
        if version.entry_id is not None and version.action == "delete"
    ]
    names = context.organisation_names([v.actor_organisation for v in removals])
    return [
        CvRemovedEntryOut(
            id=version.entry_id or "",
            section=version.section,
            data=dict(version.data or {}),
            removed_at=version.at,
            removed_by=actor_out(
                version.actor_type, version.actor_name, version.actor_organisation, names
            ),
            reference=version.source_reference,
        )
        for version in reversed(removals)
    ]


register_history("cv_section", _cv_section_history)
register_history("cv_entry", _cv_entry_history)
register_history("plan", _plan_history)
register_category(
    "cv_removed_entries",
    _cv_removed_entries,
    model=CvRemovedEntryOut,
    title="CV entries taken off the CV (DFDG keeps them), newest removal first",
)
