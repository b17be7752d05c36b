"""A citizen's login while DFDG cannot be reached: someone who has logged in before is let in
(the web app kept which person their CPR number is, as a keyed hash); someone never seen is let
in too, under a provisional person id that DFDG resolves when it is back
(`jobnet.web.journeys.provisional`). Either is first shown a page saying what works until DFDG
is back. A caseworker gets in when their organisation was kept at an earlier login."""

from __future__ import annotations

import logging
import time

from flask import redirect, render_template, request, session, url_for
from flask_login import current_user, login_user
from werkzeug.wrappers import Response

from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.errors import DfdgError, DfdgUnavailable
from jobnet.clients.dfdg_client.persons import Organisation
from jobnet.clients.dfdg_client.values import parse
from jobnet.web.auth import bp
from jobnet.web.auth.oidc import CitizenIdentity
from jobnet.web.auth.users import SESSION_USER, User, citizen_required
from jobnet.web.journeys import known_answers, last_known, provisional
from jobnet.web.journeys.kept_status import DRAFTS_KEY, KEPT_STATUS_KEY
from jobnet.web.platform.security import is_local_path

log = logging.getLogger(__name__)
ORGANISATIONS = "organisations"  # the owner of the organisations kept (`known_answers`)


def remember(cpr: str, person_id: str, name: str) -> None:
    last_known.remember_login(cpr, person_id, name)


def known_person(identity: CitizenIdentity) -> str:
    """The person id kept for this CPR number at an earlier login; for someone never seen, a
    provisional one (MitID has said who they are; DFDG says which person id when it is back)."""
    known = last_known.person_for_login(identity.cpr)
    if known is not None:
        return known.person_id
    return provisional.begin(
        identity.cpr,
        identity.name,
        identity.given_name or identity.name,
        identity.family_name or "",
        identity.level,
        int(time.time()),
    )


def organisation(cvr: str) -> Organisation:
    """The caseworker's organisation from DFDG's registry; while DFDG is away, the one kept at
    an earlier login of any of its caseworkers (DfdgUnavailable, its own page, if none was)."""
    answer = known_answers.known_answer(
        ORGANISATIONS, cvr, lambda: get_dfdg_client().organisation(cvr).model_dump()
    )
    return parse(Organisation, answer)


def limited_page_redirect(next_url: str) -> Response:
    target = next_url if is_local_path(next_url) else url_for("min_side.index")
    return redirect(url_for("auth.while_dfdg_is_away", next=target))


@bp.get("/begraenset")
@citizen_required
def while_dfdg_is_away() -> str:
    target = request.args.get("next")
    next_url = target if is_local_path(target) else url_for("min_side.index")
    return render_template(
        "auth/while_away.html",
        next_url=next_url,
        never_seen=provisional.is_provisional(current_user.id),
    )


@bp.before_app_request
def _resolve_provisional_person() -> None:
    """A citizen logged in under a provisional id becomes their real person as soon as DFDG
    (or the outbox worker, which may have done it first) says who they are."""
    if getattr(session, "unavailable", False) or SESSION_USER not in session:
        return  # the store is down (its own page), or no one is logged in
    if not (current_user.is_authenticated and current_user.is_citizen):
        return
    if not provisional.is_provisional(current_user.id):
        return
    real = provisional.resolved(current_user.id)
    if real is None and not last_known.dfdg_seems_away():
        try:
            real = last_known.ask_dfdg(
                lambda: provisional.resolve(get_dfdg_client(), current_user.id)
            )
        except DfdgUnavailable:
            return
        except DfdgError as error:
            log.warning("a provisional person could not be resolved (%s)", type(error).__name__)
            return
    if real is not None:
        _become(current_user.id, real)


def _become(old: str, real: str) -> None:
    """The session's citizen is `real` from now on; their journeys under way go on."""
    data = {**session[SESSION_USER], "id": real}
    session[SESSION_USER] = data
    for draft in session.get(DRAFTS_KEY, {}).values():
        if draft.get("person_id") == old:
            draft["person_id"] = real
            draft.pop(KEPT_STATUS_KEY, None)
    session.modified = True
    login_user(User(**data))
