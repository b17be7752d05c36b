"""The job log (joblog): the applications a jobseeker records, written through to DFDG."""

from flask import Blueprint

bp = Blueprint("joblog", __name__, url_prefix="/joblog")

from jobnet.web.citizen.joblog import views  # noqa: E402, F401
