"""Report sickness (sygemelding)."""

from flask import Blueprint

bp = Blueprint("sickness", __name__, url_prefix="/sygemelding")

from jobnet.web.citizen.sickness import messages, views  # noqa: E402, F401
