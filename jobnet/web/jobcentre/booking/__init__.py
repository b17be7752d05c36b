"""Booking one's own interview (issue 22), the job centre's side: its list of times (slots),
asking the opened citizen to book an interview among them, withdrawing that request, and who
has (not) booked."""

from flask import Blueprint

bp = Blueprint("jobcentre_booking", __name__, url_prefix="/sagsbehandler/booking")
withdraw_bp = Blueprint(
    "jobcentre_booking_withdraw", __name__, url_prefix="/sagsbehandler/booking/tilbagekald"
)

from jobnet.web.jobcentre.booking import views, withdraw  # noqa: E402, F401
