"""Login and logout with OpenID Connect (MitID for citizens, an employee identity for
caseworkers), server-side sessions and the session-timeout warning."""

from flask import Blueprint

bp = Blueprint("auth", __name__, url_prefix="/auth")

from jobnet.web.auth import views  # noqa: E402, F401
