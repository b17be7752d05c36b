"""The job centre's assessment of the citizen's CV (chapter 7): approved or not, date, note."""

from flask import Blueprint

bp = Blueprint("cv_approval", __name__, url_prefix="/sagsbehandler/cv-vurdering")

from jobnet.web.jobcentre.cv_approval import views  # noqa: E402, F401
