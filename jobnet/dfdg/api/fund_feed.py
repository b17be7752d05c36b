"""The fund's feed of events: `GET /funds/{fund}/events?after=<cursor>` (chapter 11).

Read by the fund's own system acting as itself (no end-user assertion), with its bearer token,
and only for the funds DFDG_SYSTEMS lists for it (`funds`); any other fund is refused 403 and
audited. Events come in the fund's own order (a person's in the order they were recorded), each
with its cursor; asking after a cursor acknowledges every event up to it, which is when DFDG
records that the fund has it (`delivered_at`, shown to the member). Each event read is audited
on its person, with the fund's system as the reader.
"""

from __future__ import annotations

from flask import Response, jsonify

from jobnet.dfdg.actor import current_actor
from jobnet.dfdg.api.blueprint import api, parse_query
from jobnet.dfdg.api.fund_events import events_out
from jobnet.dfdg.audit import DENIED, NOT_FOUND, record_access
from jobnet.dfdg.context import connected_system, request_session
from jobnet.dfdg.models.base import utcnow
from jobnet.dfdg.problems import ProblemError
from jobnet.dfdg.queries import audit as audit_queries
from jobnet.dfdg.queries import fund_events as event_queries
from jobnet.dfdg.schemas.base import Problem
from jobnet.dfdg.schemas.fund_events import FeedEventOut, FeedQuery, FeedResponse, FundOut

FEED_READ = "fund_events.feed"
DELIVERED = "fund_event.delivered"
ENDPOINT = "fund_events_feed"


def _audit_person(person_id: str, action: str, fund_cvr: str) -> None:
    actor = current_actor()
    audit_queries.add_entry(
        request_session(),
        {
            "person_id": person_id,
            "actor_type": actor.type,
            "actor_id": actor.id,
            "actor_name": None,
            "organisation": fund_cvr,
            "on_behalf_of": None,
            "purpose": "Chapter 11: events for the member's unemployment insurance fund",
            "action": action,
            "channel": actor.channel,
            "system": actor.id or "",
            "outcome": "ok",
        },
    )


@api.route(
    "GET",
    "/funds/<fund>/events",
    summary="A fund's events, after a cursor (the fund's own system only)",
    description="The fund's system, acting as itself, reads its members' events in order. "
    "`after` is the cursor of the last event it has; each answer gives the cursor to ask "
    "from next. Asking after a cursor acknowledges the events up to it. A system reads only "
    "the funds DFDG_SYSTEMS lists for it (403, audited).",
    tags=("fund_feed",),
    path_params={"fund": "The fund's CVR number"},
    query=FeedQuery,
    responses={
        200: ("The events after the cursor", FeedResponse),
        403: ("The system may not read this fund's feed (audited)", Problem),
        404: ("No unemployment insurance fund has this CVR number", Problem),
    },
)
def fund_events_feed(fund: str) -> Response:
    session = request_session()
    query = parse_query(FeedQuery)
    if not connected_system().may_read_feed_of(fund):
        record_access(session, FEED_READ, person_id=None, outcome=DENIED)
        session.commit()
        raise ProblemError(403, "outside-scope", "This system may not read this fund's feed")
    organisation = event_queries.fund_by_cvr(session, fund)
    if organisation is None:
        record_access(session, FEED_READ, person_id=None, outcome=NOT_FOUND)
        session.commit()
        raise ProblemError(404, "not-found", "No unemployment insurance fund has this CVR number")
    after = int(query.after or 0)
    for _event_id, person_id in event_queries.mark_delivered(
        session, organisation.id, after, "feed", utcnow()
    ):
        _audit_person(person_id, DELIVERED, organisation.cvr)
    events = event_queries.feed(session, organisation.id, after, query.limit)
    for person_id in dict.fromkeys(event.person_id for event in events):
        _audit_person(person_id, FEED_READ, organisation.cvr)
    page = [
        FeedEventOut(cursor=str(event.fund_sequence), event=out)
        for event, out in zip(events, events_out(session, events), strict=True)
    ]
    cursor = page[-1].cursor if page else str(after)
    body = FeedResponse(
        fund=FundOut(cvr=organisation.cvr, name=organisation.name), events=page, cursor=cursor
    )
    return jsonify(body.model_dump(mode="json"))
