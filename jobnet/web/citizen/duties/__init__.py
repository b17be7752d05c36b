"""What must I do, and by when: the person's duties, and their deadlines as a calendar feed."""

from flask import Blueprint

bp = Blueprint("duties", __name__, url_prefix="/pligter")

from jobnet.web.citizen.duties import views  # noqa: E402, F401
