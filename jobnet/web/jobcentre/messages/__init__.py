"""The job centre's messages with its citizens (issue 23): the inbox (unread and unanswered
filters), a thread taken by a caseworker and answered, and a thread started with a citizen."""

from flask import Blueprint

from jobnet.web.citizen.messages.uploads import allow_uploads_on

bp = Blueprint("jobcentre_messages", __name__, url_prefix="/sagsbehandler/beskeder")
allow_uploads_on(bp, {"jobcentre_messages.answer", "jobcentre_messages.new"})

from jobnet.web.jobcentre.messages import views  # noqa: E402, F401
