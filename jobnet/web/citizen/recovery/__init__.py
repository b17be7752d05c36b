"""Report recovery (raskmelding): ends an open sickness."""

from flask import Blueprint

bp = Blueprint("recovery", __name__, url_prefix="/raskmelding")

from jobnet.web.citizen.recovery import views  # noqa: E402, F401
