"""The job log (joblog): the applications a jobseeker records, written through to DFDG."""

from flask import Blueprint

bp = Blueprint("joblog", __name__, url_prefix="/joblog")

from jobnet.web.citizen.messages.uploads import allow_uploads_on  # noqa: E402

allow_uploads_on(bp, {"joblog.add", "joblog.edit"})

from jobnet.web.citizen.joblog import copies, messages, views  # noqa: E402, F401
