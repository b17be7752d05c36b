"""The job centre's overview of duties (issue 22): its citizens with duties overdue or due
within a week, narrowed by kind, each with a way to act (open the citizen with a purpose, then
the page to act on: the CV, the job log, the summons to move)."""

from flask import Blueprint

bp = Blueprint("jobcentre_duties", __name__, url_prefix="/sagsbehandler/pligter")

from jobnet.web.jobcentre.duties import views  # noqa: E402, F401
