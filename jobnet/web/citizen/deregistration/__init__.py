"""Deregister as a jobseeker (afmelding, § 8)."""

from flask import Blueprint

bp = Blueprint("deregistration", __name__, url_prefix="/afmelding")

from jobnet.web.citizen.deregistration import views  # noqa: E402, F401
