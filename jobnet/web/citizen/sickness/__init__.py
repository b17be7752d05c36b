"""Report sickness (sygemelding)."""

from flask import Blueprint

bp = Blueprint("sickness", __name__, url_prefix="/sygemelding")

from jobnet.web.citizen.sickness import views  # noqa: E402, F401
