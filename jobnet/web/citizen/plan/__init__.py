"""My Plan (Min plan): the job plan the job centre agreed with the citizen, read from DFDG."""

from flask import Blueprint

bp = Blueprint("plan", __name__, url_prefix="/min-plan")

from jobnet.web.citizen.plan import views  # noqa: E402, F401
