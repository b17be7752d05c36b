"""Public statistics from DFDG, in the manner of jobindsats.dk (no login)."""

from flask import Blueprint

bp = Blueprint("statistics", __name__, url_prefix="/statistik")

from jobnet.web.public.statistics import views  # noqa: E402, F401
