"""Summons to interviews (§ 27) by the job centre: create, move and cancel, each one journey
through the outbox with a receipt."""

from flask import Blueprint

bp = Blueprint("jobcentre_summons", __name__, url_prefix="/sagsbehandler/indkaldelse/ny")
move_bp = Blueprint(
    "jobcentre_summons_move", __name__, url_prefix="/sagsbehandler/indkaldelse/flyt"
)
cancel_bp = Blueprint(
    "jobcentre_summons_cancel", __name__, url_prefix="/sagsbehandler/indkaldelse/aflys"
)
not_attended_bp = Blueprint(
    "jobcentre_summons_not_attended", __name__, url_prefix="/sagsbehandler/indkaldelse/ikke-moedt"
)

from jobnet.web.jobcentre.summons import messages, not_attended, views  # noqa: E402, F401
