""" "I can't come" (issue 22): the person tells the job centre, before the interview starts, that
they cannot come to a summons, with a lawful reason and a note.

The citizen gives it for themself (another person's summons is not found), or a caseworker of
the person's job centre on their behalf (DFDG's access rules decide who reaches the person).
It is stored on the summons for the time it is given for, and audited.
"""

from __future__ import annotations

from flask import Response, jsonify

from jobnet.dfdg.actor import current_actor
from jobnet.dfdg.api.blueprint import api, parse_body
from jobnet.dfdg.api.jobcentre_access import now, rule_violation
from jobnet.dfdg.api.records import RULE_RESPONSE, person_for_write
from jobnet.dfdg.api.summons import NO_SUMMONS, SUMMONS_ID, summons_out
from jobnet.dfdg.audit import record_access
from jobnet.dfdg.context import request_session
from jobnet.dfdg.models.base import utcnow
from jobnet.dfdg.queries import actors as actor_queries
from jobnet.dfdg.queries import summons as summons_queries
from jobnet.dfdg.rules import refuse, refuse_not_found
from jobnet.dfdg.schemas.base import Problem
from jobnet.dfdg.schemas.summons import CannotComeRequest, SummonsOut
from jobnet.domain.cannot_come import check_cannot_come
from jobnet.domain.summons import SummonsStatus

CANNOT_COME = "summons.cannot_come"


@api.route(
    "POST",
    "/persons/<person_id>/summons/<summons_id>/cannot-come",
    summary="The person cannot come to the interview: a lawful reason and a note",
    description="Before the interview starts, once for each time of the summons (a moved "
    "summons may be told again). Reasons: sickness, job_interview, work, sick_child, other "
    "(other needs a note). 422 `interview_started`, `summons_cancelled`, `already_told`, "
    "`note_required`, `note_too_long`.",
    tags=("summons",),
    path_params=SUMMONS_ID,
    request_body=CannotComeRequest,
    responses={
        200: ("The summons with the notice", SummonsOut),
        404: ("No such person, or no such summons of this person", Problem),
        422: RULE_RESPONSE,
    },
    actor_headers=True,
    idempotent=True,
)
def cannot_come(person_id: str, summons_id: str) -> Response:
    session = request_session()
    body = parse_body(CannotComeRequest)
    person = person_for_write(session, person_id, CANNOT_COME)
    summons = summons_queries.of_person(session, person.id, summons_id)
    if summons is None:
        refuse_not_found(session, CANNOT_COME, person.id, NO_SUMMONS)
    problems = check_cannot_come(
        reason=body.reason,
        note=body.note,
        starts_at=summons.starts_at,
        now=now(),
        cancelled=summons.status == SummonsStatus.CANCELLED,
        told_for_this_time=summons.cannot_come_sequence == summons.sequence,
    )
    if problems:
        refuse(session, CANNOT_COME, person.id, rule_violation(problems))
    summons.cannot_come_reason = body.reason.value
    summons.cannot_come_note = (body.note or "").strip() or None
    summons.cannot_come_at = utcnow()
    summons.cannot_come_sequence = summons.sequence
    summons.cannot_come_by_type = current_actor().type
    summons.cannot_come_reference = body.reference
    session.flush()
    record_access(session, CANNOT_COME, person_id=person.id)
    cvrs = [summons.organisation_cvr, summons.created_by_organisation]
    names = actor_queries.organisation_names(session, cvrs)
    return jsonify(summons_out(summons, names).model_dump(mode="json"))
