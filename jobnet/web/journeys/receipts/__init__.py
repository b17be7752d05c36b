"""Receipts (kvitteringer): what was sent, its reference, and how far it has come in DFDG."""

from flask import Blueprint

bp = Blueprint("receipts", __name__, url_prefix="/kvittering")

from jobnet.web.journeys.receipts import views  # noqa: E402, F401
