"""A citizen's login while DFDG cannot be reached: someone who has logged in before is let in
(the web app kept which person their CPR number is, as a keyed hash), and first shown a page
saying what works until DFDG is back."""

from __future__ import annotations

from flask import redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from jobnet.clients.dfdg_client.errors import DfdgUnavailable
from jobnet.web.auth import bp
from jobnet.web.auth.users import citizen_required
from jobnet.web.journeys import last_known
from jobnet.web.platform.security import is_local_path


def remember(cpr: str, person_id: str, name: str) -> None:
    last_known.remember_login(cpr, person_id, name)


def known_person(cpr: str) -> str:
    """The person id kept for this CPR number at an earlier login; DfdgUnavailable (its own
    page) for someone never seen, since only DFDG can say who they are."""
    known = last_known.person_for_login(cpr)
    if known is None:
        raise DfdgUnavailable("DFDG could not be reached at login, and the person is not known")
    return known.person_id


def limited_page_redirect(next_url: str) -> Response:
    target = next_url if is_local_path(next_url) else url_for("min_side.index")
    return redirect(url_for("auth.while_dfdg_is_away", next=target))


@bp.get("/begraenset")
@citizen_required
def while_dfdg_is_away() -> str:
    target = request.args.get("next")
    next_url = target if is_local_path(target) else url_for("min_side.index")
    return render_template("auth/while_away.html", next_url=next_url)
