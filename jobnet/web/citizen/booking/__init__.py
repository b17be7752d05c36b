"""Booking one's own interview (issue 22), the citizen's side: the bookings the job centre has
asked for, picking a free slot, the receipt, and moving to another slot until the cut-off."""

from flask import Blueprint

bp = Blueprint("booking", __name__, url_prefix="/book-samtale")

from jobnet.web.citizen.booking import messages, views  # noqa: E402, F401
