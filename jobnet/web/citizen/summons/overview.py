"""The next interview for the citizen's front page (Min side): one DFDG call."""

from __future__ import annotations

from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.errors import DfdgUnavailable
from jobnet.clients.dfdg_client.summons import SummonsOverview
from jobnet.web.auth.users import current_actor, subject_person_id


def summons_overview_or_none() -> SummonsOverview | None:
    """The subject's summons; None while DFDG cannot be reached (the page still shows)."""
    person_id = subject_person_id()
    if person_id is None:
        return None
    try:
        return get_dfdg_client().summons_overview(person_id, current_actor())
    except DfdgUnavailable:
        return None
