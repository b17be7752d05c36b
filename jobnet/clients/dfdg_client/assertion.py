"""The web app's end-user assertions to DFDG (see `jobnet.domain.actor_assertion`).

One assertion per actor (the person, their organisation, purpose, login time and level) is
made for LIFETIME_SECONDS and reused for every call until it has less than
RENEW_BEFORE_SECONDS left, so a page pays for a signature only every few minutes. The CPR
number of a citizen logging in is put in an assertion for that call only and never cached.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from joserfc import jwt
from joserfc.jwk import ECKey, OKPKey

from jobnet.domain import actor_assertion as claim
from jobnet.environment import DEFAULT_ASSERTION_AUDIENCE, DEV_ASSERTION_KEY

if TYPE_CHECKING:
    from jobnet.clients.dfdg_client.values import Actor

MAX_CACHED = 4096


def _private_key(jwk: str | Mapping[str, Any]) -> tuple[OKPKey | ECKey, str]:
    data = dict(json.loads(jwk) if isinstance(jwk, str) else jwk)
    if data.get("kty") == "EC":
        key: OKPKey | ECKey = ECKey.import_key(data)
        algorithm = "ES256"
    else:
        key = OKPKey.import_key(data)
        algorithm = "Ed25519"
    if not key.is_private:
        raise ValueError("DFDG_ASSERTION_KEY must be a private JWK")
    return key, algorithm


class AssertionSigner:
    """Makes (and reuses) the assertions one connected system sends DFDG."""

    def __init__(
        self,
        system: str,
        jwk: str | Mapping[str, Any],
        audience: str = DEFAULT_ASSERTION_AUDIENCE,
        *,
        lifetime: int = claim.LIFETIME_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.system = system
        self.audience = audience
        self.lifetime = lifetime
        self._key, self._algorithm = _private_key(jwk)
        # DFDG finds the key by its `kid`: the JWK's own, else the JWK thumbprint (RFC 7638),
        # which DFDG computes from the registered public key the same way.
        given = (json.loads(jwk) if isinstance(jwk, str) else jwk).get("kid")
        self._kid = str(given) if given else self._key.thumbprint()
        self._clock = clock
        self._cache: dict[Actor, tuple[str, int]] = {}
        self._lock = threading.Lock()

    @classmethod
    def development(cls, system: str = "jobnet-web") -> AssertionSigner:
        """The development key's signer (a development or test DFDG trusts it)."""
        return cls(system, DEV_ASSERTION_KEY)

    def assertion(self, actor: Actor, *, cpr: str | None = None) -> str:
        """A valid assertion for `actor`: a reused one, or a new one when none is fresh."""
        now = int(self._clock())
        if cpr is not None:
            return self._sign(actor, now, cpr)
        cached = self._cache.get(actor)
        if cached is not None and cached[1] - now >= claim.RENEW_BEFORE_SECONDS:
            return cached[0]
        token = self._sign(actor, now, None)
        with self._lock:
            if len(self._cache) >= MAX_CACHED:
                self._cache.clear()
            self._cache[actor] = (token, now + self.lifetime)
        return token

    def _sign(self, actor: Actor, now: int, cpr: str | None) -> str:
        claims: dict[str, Any] = {
            "iss": self.system,
            "aud": self.audience,
            "iat": now,
            "nbf": now,
            "exp": now + self.lifetime,
            "jti": secrets.token_urlsafe(12),
            claim.ACTOR_TYPE: actor.type,
            claim.CHANNEL: actor.channel,
        }
        optional = {
            "sub": actor.id,
            claim.NAME: actor.name,
            claim.ORGANISATION: actor.organisation,
            claim.ON_BEHALF_OF: actor.on_behalf_of,
            claim.PURPOSE: actor.purpose,
            claim.AUTH_TIME: actor.auth_time,
            claim.LEVEL: actor.level,
            claim.CPR: cpr,
        }
        claims.update({name: value for name, value in optional.items() if value is not None})
        header = {"alg": self._algorithm, "kid": self._kid, "typ": "JWT"}
        return jwt.encode(header, claims, self._key, algorithms=[self._algorithm])
