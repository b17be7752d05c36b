"""My letters (breve): the letters the job centre sent — a summons, a moved or cancelled
summons, a new version of the plan — listed newest first, each a printable page and a PDF made
from the same template."""

from flask import Blueprint

bp = Blueprint("letters", __name__, url_prefix="/breve")

from jobnet.web.citizen.letters import views  # noqa: E402, F401
