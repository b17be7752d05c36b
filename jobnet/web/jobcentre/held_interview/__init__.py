"""Record a held interview (§ 14): the job centre's own registration."""

from flask import Blueprint

bp = Blueprint("held_interview", __name__, url_prefix="/sagsbehandler/samtale")

from jobnet.web.jobcentre.held_interview import messages, views  # noqa: E402, F401
