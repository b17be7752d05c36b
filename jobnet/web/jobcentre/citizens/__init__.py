"""The caseworker workspace."""

from flask import Blueprint

bp = Blueprint("caseworker", __name__, url_prefix="/sagsbehandler")

from jobnet.web.jobcentre.citizens import fund_problems, problems, stuck, views  # noqa: E402, F401
