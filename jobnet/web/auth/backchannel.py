"""OpenID Connect Back-Channel Logout 1.0: the provider ends the Jobnet sessions of a login.

When the person logs out at the provider (MitID, or another service of the same login), the
provider POSTs a signed logout token to `/auth/backchannel-logout` (citizens) or
`/auth/caseworker/backchannel-logout` (caseworkers); register that URI with the provider as the
client's `backchannel_logout_uri` (with `backchannel_logout_session_required` if it can send
`sid`). The token is checked as section 2.6 says (signature by the provider's keys, iss, aud,
iat, exp, the logout event, no nonce, a sid or a sub), then every Jobnet session of that login
that began before the token was issued is deleted. The log names the outcome only, never the
subject.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from flask import current_app, jsonify, request
from joserfc import jwt
from joserfc.errors import JoseError
from werkzeug.wrappers import Response

from jobnet.web.auth import bp
from jobnet.web.auth.oidc import LoginFailed, OidcRelyingParty
from jobnet.web.auth.users import public
from jobnet.web.platform.extensions import csrf
from jobnet.web.platform.sessions import ServerSessionInterface, provider_key

log = logging.getLogger(__name__)

LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout"
_ACCEPTED_TYPES = {None, "logout+jwt", "JWT"}


class InvalidLogoutToken(Exception):
    """The logout token was refused; the message is a short reason code only."""


@dataclass(frozen=True)
class LogoutRequest:
    """What a valid logout token names, as the session rows keep it (provider_key hashes)."""

    sid: str | None
    sub: str | None
    issued_at: datetime


def verify_logout_token(
    rp: OidcRelyingParty, token: str, now: float | None = None
) -> LogoutRequest:
    """Check `token` as OpenID Back-Channel Logout 1.0 section 2.6 says; raise
    InvalidLogoutToken when it is not one this client may act on."""
    settings = rp.settings
    try:
        decoded = rp.decode_signed(token)
        issuer = rp.metadata()["issuer"]
    except LoginFailed as failure:
        raise InvalidLogoutToken(failure.reason.value) from None
    except (JoseError, ValueError, TypeError) as error:
        raise InvalidLogoutToken(f"signature ({type(error).__name__})") from None
    if decoded.header.get("typ") not in _ACCEPTED_TYPES:
        raise InvalidLogoutToken("typ")
    claims = decoded.claims
    registry = jwt.JWTClaimsRegistry(
        now=int(now if now is not None else time.time()),
        leeway=settings.leeway_seconds,
        iss={"essential": True, "value": issuer},
        aud={"essential": True, "value": settings.client_id},
        iat={"essential": True},
        exp={"essential": True},
        jti={"essential": True},
    )
    try:
        registry.validate(claims)
    except JoseError as error:
        raise InvalidLogoutToken(f"claims ({type(error).__name__})") from None
    events = claims.get("events")
    if not isinstance(events, dict) or not isinstance(events.get(LOGOUT_EVENT), dict):
        raise InvalidLogoutToken("events")
    if "nonce" in claims:
        raise InvalidLogoutToken("nonce")
    sid, sub = claims.get("sid"), claims.get("sub")
    if not (isinstance(sid, str) and sid) and not (isinstance(sub, str) and sub):
        raise InvalidLogoutToken("no sid or sub")
    return LogoutRequest(
        sid=provider_key(issuer, sid) if isinstance(sid, str) and sid else None,
        sub=provider_key(issuer, sub) if isinstance(sub, str) and sub else None,
        issued_at=datetime.fromtimestamp(int(claims["iat"]) + settings.leeway_seconds, UTC),
    )


def _logout_from_provider(kind: str) -> tuple[Response, int]:
    rp: OidcRelyingParty = current_app.extensions["oidc"][kind]
    token = request.form.get("logout_token", "")
    try:
        logout = verify_logout_token(rp, token)
    except InvalidLogoutToken as refused:
        log.info("back-channel logout (%s) refused: %s", kind, refused)
        return _answer({"error": "invalid_request", "error_description": str(refused)}, 400)
    ended = ServerSessionInterface.end_provider_sessions(
        current_app.extensions["web_store"],
        sid=logout.sid,
        sub=logout.sub,
        began_before=logout.issued_at,
    )
    log.info("back-channel logout (%s): %d session(s) ended", kind, ended)
    return _answer({}, 200)


def _answer(body: dict[str, str], status: int) -> tuple[Response, int]:
    response = jsonify(body)
    response.headers["Cache-Control"] = "no-store"
    return response, status


@bp.post("/backchannel-logout")
@public
@csrf.exempt
def citizen_backchannel_logout() -> tuple[Response, int]:
    """Called by the citizens' provider, not by a browser: no CSRF token, no cookie."""
    return _logout_from_provider("citizen")


@bp.post("/caseworker/backchannel-logout")
@public
@csrf.exempt
def caseworker_backchannel_logout() -> tuple[Response, int]:
    return _logout_from_provider("caseworker")
