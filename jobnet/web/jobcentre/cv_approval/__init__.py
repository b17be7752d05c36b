"""The assessment of the citizen's CV by their job centre or their fund (chapter 7)."""

from flask import Blueprint

bp = Blueprint("cv_approval", __name__, url_prefix="/sagsbehandler/cv-vurdering")

from jobnet.web.jobcentre.cv_approval import views  # noqa: E402, F401
