"""The simulator's endpoints: discovery, JWKS, authorize (the login page), token, userinfo and
end session. Protocol errors never become a 500: they redirect back to the client when the
redirect URI is known and valid, and otherwise show an error page (or a JSON error body)."""

from __future__ import annotations

import logging
from typing import cast

from authlib.oauth2 import OAuth2Error
from flask import Blueprint, Flask, Response, jsonify, render_template, request
from flask.blueprints import BlueprintSetupState
from flask_babel import gettext as _

from jobnet.mitid_sim.forms import CancelForm, CaseworkerLoginForm, CitizenLoginForm
from jobnet.mitid_sim.provider import SimulatorProvider, current_provider, provider_for
from jobnet.mitid_sim.records import SimClient, SimUser, caseworker_user, citizen_user

log = logging.getLogger(__name__)

bp = Blueprint("mitid_sim", __name__)

ResponseLike = Response | str | tuple[str, int]
LoginForm = CitizenLoginForm | CaseworkerLoginForm


@bp.record_once
def _set_up(state: BlueprintSetupState) -> None:
    """Make the provider, and leave CSRF to the login form: the token, userinfo and logout
    endpoints are called by relying parties, not by forms of this site."""
    provider_for(cast(Flask, state.app))
    csrf = state.app.extensions.get("csrf")
    if csrf is not None:
        csrf.exempt(bp)


@bp.get("/.well-known/openid-configuration")
def discovery() -> Response:
    return jsonify(current_provider().discovery_document())


@bp.get("/jwks")
def jwks() -> Response:
    response = jsonify(current_provider().keys().public_jwks())
    response.headers["Cache-Control"] = "public, max-age=300"
    return response


@bp.route("/authorize", methods=["GET", "POST"])
def authorize() -> ResponseLike:
    provider = current_provider()
    try:
        grant = provider.server.get_consent_grant(end_user=None)
    except OAuth2Error as error:
        return _refused_request(provider, error)
    client: SimClient = grant.client
    cancelling = request.method == "POST" and request.form.get("action") == "cancel"
    if cancelling and CancelForm().validate_on_submit():
        log.info("mitid-sim: the user cancelled the login for %s", client.client_id)
        return provider.server.create_authorization_response(grant=grant, grant_user=None)
    form = _login_form(client, submitted=not cancelling)
    if not cancelling and form.validate_on_submit():
        return provider.server.create_authorization_response(
            grant=grant, grant_user=_chosen_user(provider, form)
        )
    if cancelling or _token_expired(form):
        form.form_errors.append(_("The page had expired, so nothing was sent. Please try again."))
    status = 422 if form.errors else 200
    return render_template("mitid_sim/login.html", form=form, client=client), status


def _login_form(client: SimClient, submitted: bool) -> LoginForm:
    form_class = CitizenLoginForm if client.kind == "citizen" else CaseworkerLoginForm
    return form_class() if submitted else form_class(formdata=None)


def _token_expired(form: LoginForm) -> bool:
    """True (and the token's own English error removed) when the CSRF token failed."""
    token = getattr(form, "csrf_token", None)
    if token is None or not token.errors:
        return False
    token.errors = []
    return True


def _chosen_user(provider: SimulatorProvider, form: LoginForm) -> SimUser:
    keys = provider.keys()
    if isinstance(form, CitizenLoginForm):
        cpr, given_name, family_name = form.chosen_person()
        return citizen_user(keys, cpr, given_name, family_name, form.level.data)
    return caseworker_user(keys, form.chosen_caseworker(), form.level.data)


def _refused_request(provider: SimulatorProvider, error: OAuth2Error) -> ResponseLike:
    """Back to the client with the error if its redirect URI was validated, else a page."""
    if error.redirect_uri:
        return provider.server.handle_error_response(None, error)
    log.info("mitid-sim: refused a request without a usable redirect URI: %s", error.error)
    return render_template("mitid_sim/error.html", error_code=error.error), 400


@bp.post("/token")
def token() -> Response:
    provider = current_provider()
    try:
        return provider.server.create_token_response()
    except OAuth2Error as error:
        return provider.server.handle_error_response(None, error)


@bp.route("/userinfo", methods=["GET", "POST"])
def userinfo() -> Response:
    provider = current_provider()
    try:
        return provider.server.create_endpoint_response("userinfo")
    except OAuth2Error as error:
        return provider.server.handle_error_response(None, error)


@bp.route("/logout", methods=["GET", "POST"])
def logout() -> ResponseLike:
    """RP-initiated logout: redirects only to a registered post-logout URI of the client the
    ID token hint was issued to; otherwise says the user is logged out."""
    provider = current_provider()
    try:
        end_session = provider.server.validate_endpoint_request("end_session")
    except OAuth2Error as error:
        log.info("mitid-sim: refused a logout request: %s", error.error)
        return render_template("mitid_sim/error.html", error_code=error.error), 400
    response = provider.server.create_endpoint_response("end_session", end_session)
    if response is not None:
        return response
    return render_template("mitid_sim/logged_out.html")
