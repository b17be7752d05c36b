"""Min side: the citizen's front page after login."""

from flask import Blueprint

bp = Blueprint("min_side", __name__, url_prefix="/min-side")

from jobnet.web.citizen.min_side import views  # noqa: E402, F401
