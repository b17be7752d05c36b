"""How we tell you (issue 23): the citizen chooses e-mail, SMS, both or neither, and confirms
the address and number with a code first. The sending is `jobnet.web.notifications`."""

from flask import Blueprint

bp = Blueprint("notifications", __name__, url_prefix="/min-side/besked-om-nyt")

from jobnet.web.citizen.notifications import views  # noqa: E402, F401
