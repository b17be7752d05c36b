"""Booking one's own interview (issue 22), the job centre's side: its list of times (slots),
asking the opened citizen to book an interview among them, and who has (not) booked."""

from flask import Blueprint

bp = Blueprint("jobcentre_booking", __name__, url_prefix="/sagsbehandler/booking")

from jobnet.web.jobcentre.booking import views  # noqa: E402, F401
