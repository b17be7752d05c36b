"""Report holiday (ferie), and cancel a holiday that has not started."""

from flask import Blueprint

bp = Blueprint("holiday", __name__, url_prefix="/ferie")

from jobnet.web.citizen.holiday import views  # noqa: E402, F401
