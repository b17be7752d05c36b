"""Public pages: the landing page, the language switch, accessibility and data protection."""

from flask import Blueprint

bp = Blueprint("public", __name__)

from jobnet.web.public import views  # noqa: E402, F401
