"""Register as a jobseeker (tilmelding, § 8)."""

from flask import Blueprint

bp = Blueprint("registration", __name__, url_prefix="/tilmelding")

from jobnet.web.citizen.registration import messages, views  # noqa: E402, F401
