from __future__ import annotations

from wtforms import HiddenField

from jobnet.web.jobcentre.citizens.forms import ReopenCitizenForm


class OpenFromOverviewForm(ReopenCitizenForm):
    """Open a citizen listed in the overview of duties: DFDG's person id (never a CPR number),
    what to act on (`ACTS`, and the summons for an interview) and the purpose, asked
    before the citizen is opened. DFDG decides whether the caseworker may open them."""

    name = HiddenField()
    act = HiddenField()
    summons = HiddenField()
