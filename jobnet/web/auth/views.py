from __future__ import annotations

import logging
import secrets
import time
from urllib.parse import urlsplit

from flask import (
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import logout_user
from werkzeug.wrappers import Response

from jobnet.clients.dfdg_client.client import get_dfdg_client
from jobnet.clients.dfdg_client.errors import DfdgError, DfdgNotFound, DfdgUnavailable
from jobnet.clients.dfdg_client.values import Actor
from jobnet.web.auth import bp, while_away
from jobnet.web.auth.oidc import (
    CaseworkerIdentity,
    CitizenIdentity,
    LoginFailed,
    LoginFailure,
    OidcRelyingParty,
    PendingLogin,
)
from jobnet.web.auth.pending import login_next, remember_pending, set_login_next, take_pending
from jobnet.web.auth.users import User, login_required, public, start_session
from jobnet.web.platform import login_log
from jobnet.web.platform.i18n import current_language
from jobnet.web.platform.security import is_local_path
from jobnet.web.platform.sessions import provider_key

log = logging.getLogger(__name__)

LOGIN_KIND_KEY = "oidc_kind"
# The failure page's reason when DFDG refused the login's person or organisation call (DFDG
# being away has its own page: the error handler of DfdgUnavailable).
DFDG_REFUSED = "registry_refused"


def relying_party(kind: str) -> OidcRelyingParty:
    return current_app.extensions["oidc"][kind]


def _safe_next(default_endpoint: str) -> str:
    target = request.args.get("next")
    return target if target and is_local_path(target) else url_for(default_endpoint)


def _begin(kind: str, default_endpoint: str) -> Response:
    try:
        login = relying_party(kind).begin_login(ui_locales=current_language())
    except LoginFailed as failure:
        return _failed(kind, failure.reason)  # type: ignore[return-value]
    pending = {**login.pending.to_dict(), "kind": kind, "next": _safe_next(default_endpoint)}
    return remember_pending(redirect(login.url), pending)


@bp.get("/login")
@public
def login() -> Response:
    return _begin("citizen", "min_side.index")


@bp.get("/caseworker/login")
@public
def caseworker_login() -> Response:
    return _begin("caseworker", "caseworker.index")


def _complete(kind: str) -> CitizenIdentity | CaseworkerIdentity:
    stored = take_pending()
    pending = PendingLogin.from_dict(stored) if stored and stored.get("kind") == kind else None
    # Kept before the checks, so that a failed login's "try again" still leads back there.
    set_login_next((stored or {}).get("next"))
    if pending is None and request.args.get("state"):
        # The login was already completed or belongs to another tab: a replayed callback.
        raise LoginFailed(LoginFailure.REPLAYED)
    return relying_party(kind).complete_login(request.args, pending)


def _failed(kind: str, reason: str) -> tuple[str, int]:
    endpoint = "auth.login" if kind == "citizen" else "auth.caseworker_login"
    next_path = login_next()
    retry = url_for(endpoint, next=next_path) if is_local_path(next_path) else url_for(endpoint)
    return render_template("auth/failed.html", reason=reason, retry_url=retry), 400


def _refused_by_dfdg(kind: str, error: DfdgError) -> tuple[str, int]:
    """The clear login-failed page; the log names only the kind of answer, never the CPR
    number, the name or a token."""
    log.warning(
        "%s login refused by DFDG (%s, status %s)", kind, type(error).__name__, error.status
    )
    return _failed(kind, DFDG_REFUSED)


@bp.get("/callback")
@public
def callback() -> Response | tuple[str, int]:
    try:
        identity = _complete("citizen")
    except LoginFailed as failure:
        return _failed("citizen", failure.reason)
    if not isinstance(identity, CitizenIdentity):
        return _failed("citizen", LoginFailure.MISSING_CLAIM)
    try:
        person_id = _person_for(identity)
    except DfdgUnavailable:
        person_id = while_away.known_person(identity)  # provisional if never seen
        away = True
    except DfdgError as error:
        return _refused_by_dfdg("citizen", error)
    else:
        away = False
        while_away.remember(identity.cpr, person_id, identity.name)
    next_url = login_next() or url_for("min_side.index")
    start_session(
        User(kind="citizen", id=person_id, name=identity.name),
        level=identity.level,
        **{LOGIN_KIND_KEY: "citizen"},
    )
    _remember_provider_login(identity)
    login_log.record(
        current_app.extensions["web_store"],
        f"citizen:{person_id}",
        identity.level,
        while_dfdg_away=away,
    )
    log.info("citizen login (level %s)%s", identity.level, " while DFDG is away" if away else "")
    if away:
        return while_away.limited_page_redirect(next_url)
    return redirect(next_url if is_local_path(next_url) else url_for("min_side.index"))


def _person_for(identity: CitizenIdentity) -> str:
    """DFDG's person id for the CPR; a person DFDG does not know yet is created from the
    identity's claims, as DFDG would from the CPR register."""
    client = get_dfdg_client()
    actor = Actor(
        type="citizen",
        name=identity.name,
        channel="web",
        auth_time=int(time.time()),
        level=identity.level,
    )
    person_id = client.lookup_person(identity.cpr, actor)
    if person_id is not None:
        return person_id
    person = client.ensure_person(
        cpr=identity.cpr,
        given_name=identity.given_name or identity.name,
        family_name=identity.family_name or "",
        actor=actor,
        idempotency_key=secrets.token_urlsafe(24),
    )
    return person.person_id


@bp.get("/caseworker/callback")
@public
def caseworker_callback() -> Response | tuple[str, int]:
    try:
        identity = _complete("caseworker")
    except LoginFailed as failure:
        return _failed("caseworker", failure.reason)
    if not isinstance(identity, CaseworkerIdentity):
        return _failed("caseworker", LoginFailure.MISSING_CLAIM)
    try:
        organisation = while_away.organisation(identity.cvr)  # kept, while DFDG is away
    except DfdgNotFound:
        log.info("caseworker login refused: organisation not in DFDG's registry")
        return render_template("auth/organisation_unknown.html"), 403
    except DfdgUnavailable:
        raise
    except DfdgError as error:
        return _refused_by_dfdg("caseworker", error)
    next_url = login_next() or url_for("caseworker.index")
    start_session(
        User(
            kind="caseworker",
            id=identity.professional_id,
            name=identity.name,
            organisation_cvr=organisation.cvr,
            organisation_name=organisation.name,
            municipality_code=organisation.municipality_code,
            organisation_kind=organisation.kind,
        ),
        level=identity.level,
        **{LOGIN_KIND_KEY: "caseworker"},
    )
    _remember_provider_login(identity)
    login_log.record(
        current_app.extensions["web_store"],
        f"caseworker:{identity.professional_id}",
        identity.level,
        organisation_cvr=organisation.cvr,
        organisation_name=organisation.name,
    )
    log.info("caseworker login (level %s)", identity.level)
    return redirect(next_url if is_local_path(next_url) else url_for("caseworker.index"))


def _remember_provider_login(identity: CitizenIdentity | CaseworkerIdentity) -> None:
    """The session row keeps (hashes of) the provider's sid and sub, so that a back-channel
    logout can end it; the ID token itself, with its CPR number, is kept nowhere."""
    if hasattr(session, "provider_login"):
        session.provider_login = (
            provider_key(identity.issuer, identity.session_id) if identity.session_id else None,
            provider_key(identity.issuer, identity.subject),
        )


def _same_origin(url: str) -> bool:
    ours = urlsplit(str(current_app.config["PUBLIC_BASE_URL"]))
    theirs = urlsplit(url)
    return (theirs.scheme, theirs.netloc) == (ours.scheme, ours.netloc)


@bp.post("/logout")
@public
def logout() -> Response:
    """End the local session for good, then log out at the provider.

    A provider on another origin is reached through a page of our own (GET, then a refresh to
    the provider): the CSP's form-action 'self' rightly forbids a form post to redirect
    elsewhere, so a redirect answer to this post would leave the browser where it was."""
    kind = session.get(LOGIN_KIND_KEY)
    logout_user()
    ending = getattr(session, "end", None)
    if ending is not None:
        ending()
    else:
        session.clear()
    if kind in ("citizen", "caseworker"):
        url = relying_party(kind).end_session_url(ui_locales=current_language())
        if url and _same_origin(url):
            return redirect(url)
        if url:
            return redirect(url_for("auth.provider_logout", kind=kind))
    return redirect(url_for("auth.logged_out"))


@bp.get("/logout/<any(citizen, caseworker):kind>")
@public
def provider_logout(kind: str) -> str:
    """On to the provider's end-session endpoint, at once (a zero-second refresh, which the
    CSP allows) or by the link for a browser that does not follow it."""
    url = relying_party(kind).end_session_url(ui_locales=current_language())
    if not url:
        return render_template("auth/logged_out.html")
    return render_template("auth/provider_logout.html", end_session_url=url, kind=kind)


@bp.get("/logged-out")
@public
def logged_out() -> str:
    return render_template("auth/logged_out.html")


@bp.get("/session-expired")
@public
def session_expired() -> str:
    target = request.args.get("next")
    next_path = target if is_local_path(target) else None
    return render_template("auth/session_expired.html", next_path=next_path)


@bp.post("/keep-alive")
@login_required
def keep_alive() -> Response:
    """Called by the session-timeout dialog's Continue button: the request itself renews."""
    session.modified = True
    return jsonify(idle_seconds=current_app.config["SESSION_IDLE_MINUTES"] * 60)


@bp.get("/keep-alive")
@login_required
def keep_alive_page() -> Response:
    """Without JavaScript the dialog's Continue is a link: renew and go back."""
    session.modified = True
    flash(_("You are still logged in."), "success")
    target = request.args.get("next")
    return redirect(target if target and is_local_path(target) else url_for("public.index"))
