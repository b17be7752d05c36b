"""Mit CV: the citizen's CV, each section edited on its own page and saved in DFDG."""

from flask import Blueprint

bp = Blueprint("cv", __name__, url_prefix="/cv")

from jobnet.web.citizen.cv import views  # noqa: E402, F401
