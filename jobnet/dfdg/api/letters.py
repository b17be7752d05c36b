"""The person's letters (issue 23): what the job centre sent them — each summons, each move and
cancellation (§ 27(2)-(3): each is recorded the day its letter is sent) and each version of the
plan — listed newest first in one call. The letters' contents are read from the summons and
the plan (`GET /persons/{id}/summons/{summons_id}`, `/plan/revisions/{number}`)."""

from __future__ import annotations

from flask import Response, jsonify

from jobnet.dfdg.api.blueprint import api
from jobnet.dfdg.api.jobcentre_access import person_for_subject_read
from jobnet.dfdg.api.records import NOT_FOUND_RESPONSE, PERSON_ID
from jobnet.dfdg.audit import record_access
from jobnet.dfdg.context import request_session
from jobnet.dfdg.queries import letters as letter_queries
from jobnet.dfdg.schemas.letters import LetterListResponse, LetterOut
from jobnet.domain.clock import today_in_denmark
from jobnet.domain.letters import LetterKind, plan_letter_kind, summons_letter_kind

LIST = "letters.list"


@api.route(
    "GET",
    "/persons/<person_id>/letters",
    summary="The letters the job centre sent the person, newest first",
    description="One letter for each change of each summons (the summons, a move, a "
    "cancellation), one for each version of the job plan and one for each booking request "
    "withdrawn before it was booked, with the day it was sent. Reading "
    "the list marks nothing read. A citizen may read only their own (another person's id is "
    "not found).",
    tags=("letters",),
    path_params=PERSON_ID,
    responses={200: ("The letters", LetterListResponse), 404: NOT_FOUND_RESPONSE},
    actor_headers=True,
)
def list_letters(person_id: str) -> Response:
    session = request_session()
    person = person_for_subject_read(session, person_id, LIST)
    letters = [
        LetterOut(
            kind=summons_letter_kind(row.kind),
            letter_date=row.letter_sent_date,
            recorded_at=row.at,
            organisation_cvr=row.organisation_cvr,
            number=row.number,
            summons_id=row.id,
            interview_type=row.type,
            starts_at=row.starts_at,
        )
        for row in letter_queries.summons_changes(session, person.id)
    ]
    letters += [
        LetterOut(
            kind=plan_letter_kind(row.number),
            letter_date=row.revision_date,
            recorded_at=row.created_at,
            organisation_cvr=row.organisation_cvr,
            number=row.number,
        )
        for row in letter_queries.plan_versions(session, person.id)
    ]
    letters += [
        LetterOut(
            kind=LetterKind.BOOKING_WITHDRAWN,
            letter_date=today_in_denmark(row.withdrawn_at),
            recorded_at=row.withdrawn_at,
            organisation_cvr=row.organisation_cvr,
            number=1,
            booking_id=row.id,
            interview_type=row.type,
        )
        for row in letter_queries.withdrawn_bookings(session, person.id)
    ]
    letters.sort(key=lambda item: (item.letter_date, item.recorded_at), reverse=True)
    record_access(session, LIST, person_id=person.id)
    body = LetterListResponse(person_id=person.id, letters=letters)
    return jsonify(body.model_dump(mode="json"))
