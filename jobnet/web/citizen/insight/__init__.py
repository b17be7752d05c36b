"""My data: what DFDG holds about the person, who has seen it, each record's history, and the
formal request for access (GDPR art. 15)."""

from flask import Blueprint

bp = Blueprint("insight", __name__, url_prefix="/mine-data")

from jobnet.web.citizen.insight import views  # noqa: E402, F401
