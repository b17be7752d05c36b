"""Summons to interviews (indkaldelser): upcoming and past interviews, each with its details,
what changed, and an iCalendar file to add it to a calendar."""

from flask import Blueprint

bp = Blueprint("summons", __name__, url_prefix="/indkaldelser")

from jobnet.web.citizen.summons import views  # noqa: E402, F401
