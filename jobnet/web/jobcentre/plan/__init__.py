"""My Plan by the job centre: make the citizen's plan, or revise it from its current version."""

from flask import Blueprint

bp = Blueprint("jobcentre_plan", __name__, url_prefix="/sagsbehandler/plan")

from jobnet.web.jobcentre.plan import messages, views  # noqa: E402, F401
