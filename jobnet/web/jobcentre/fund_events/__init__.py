"""Report an event to a member's unemployment insurance fund (chapter 11): the job centre's."""

from flask import Blueprint

bp = Blueprint("fund_event", __name__, url_prefix="/sagsbehandler/a-kasse-haendelse")

from jobnet.web.jobcentre.fund_events import messages, views  # noqa: E402, F401
