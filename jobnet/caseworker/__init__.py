"""The caseworker workspace."""

from flask import Blueprint

bp = Blueprint("caseworker", __name__, url_prefix="/sagsbehandler")

from jobnet.caseworker import stuck, views  # noqa: E402, F401
