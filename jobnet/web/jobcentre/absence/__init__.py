"""Absences only a job centre registers (Annex 1: civic duty, care of a sick relative, …)."""

from flask import Blueprint

bp = Blueprint("jobcentre_absence", __name__, url_prefix="/sagsbehandler/fravaer")

from jobnet.web.jobcentre.absence import views  # noqa: E402, F401
