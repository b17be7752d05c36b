"""A job centre caseworker's daily e-mail of unread messages in the inbox (issue 23), to an
address confirmed with a code. The sending is `jobnet.web.notifications`."""

from flask import Blueprint

bp = Blueprint("jobcentre_notifications", __name__, url_prefix="/sagsbehandler/besked-om-nyt")

from jobnet.web.jobcentre.notifications import views  # noqa: E402, F401
