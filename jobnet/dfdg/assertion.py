"""DFDG's check of an end-user assertion (see `jobnet.domain.actor_assertion`).

An assertion is accepted only when it is signed by a key registered for the very system whose
bearer token came with it (`iss` names that system), is meant for DFDG (`aud`), is within its
`nbf`..`exp` (a little clock skew allowed) and lives no longer than MAX_LIFETIME_SECONDS.

Verified assertions are kept until they expire, so the web app's reused assertion costs one
signature check per worker, not one per call. The cache is keyed by (system, token): a token
verified for one system is never taken for another.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

from joserfc import jwt
from joserfc.errors import JoseError

from jobnet.dfdg.systems import ConnectedSystem
from jobnet.domain import actor_assertion as claims_of

MAX_CACHED = 4096
MAX_TOKEN_LENGTH = 4096


class InvalidAssertion(Exception):
    """The assertion is not acceptable; the message says why, without echoing it."""


class AssertionVerifier:
    def __init__(self, audience: str, *, clock: Callable[[], float] = time.time) -> None:
        self.audience = audience
        self._clock = clock
        self._cache: dict[tuple[str, str], Mapping[str, Any]] = {}
        self._lock = threading.Lock()

    def verify(self, token: str, system: ConnectedSystem) -> Mapping[str, Any]:
        """The assertion's claims, or InvalidAssertion."""
        now = self._clock()
        cached = self._cache.get((system.name, token))
        if cached is not None:
            if cached["exp"] + claims_of.LEEWAY_SECONDS >= now:
                return cached
            raise InvalidAssertion("the assertion has expired")
        claims = self._check(token, system, now)
        with self._lock:
            if len(self._cache) >= MAX_CACHED:
                self._forget_expired(now)
            self._cache[(system.name, token)] = claims
        return claims

    def _check(self, token: str, system: ConnectedSystem, now: float) -> Mapping[str, Any]:
        if len(token) > MAX_TOKEN_LENGTH:
            raise InvalidAssertion("the assertion is too long")
        if not system.keys.keys:
            raise InvalidAssertion("no assertion key is registered for this system")
        try:
            decoded = jwt.decode(token, system.keys, algorithms=list(claims_of.ALGORITHMS))
            registry = jwt.JWTClaimsRegistry(
                now=int(now),
                leeway=claims_of.LEEWAY_SECONDS,
                iss={"essential": True, "value": system.name},
                aud={"essential": True, "value": self.audience},
                exp={"essential": True},
                nbf={"essential": True},
                iat={"essential": True},
                jti={"essential": True},
                actor_type={"essential": True, "values": list(claims_of.PERSON_ACTOR_TYPES)},
            )
            registry.validate(decoded.claims)
        except (JoseError, ValueError, TypeError) as error:
            raise InvalidAssertion(_reason(error)) from None
        claims = dict(decoded.claims)
        if not isinstance(claims["exp"], int) or not isinstance(claims["iat"], int):
            raise InvalidAssertion("exp and iat must be whole seconds")
        if claims["exp"] - claims["iat"] > claims_of.MAX_LIFETIME_SECONDS:
            raise InvalidAssertion("the assertion lives too long")
        return claims

    def _forget_expired(self, now: float) -> None:
        expired = [
            key
            for key, claims in self._cache.items()
            if claims["exp"] + claims_of.LEEWAY_SECONDS < now
        ]
        for key in expired:
            del self._cache[key]
        if len(self._cache) >= MAX_CACHED:
            self._cache.clear()


def _reason(error: Exception) -> str:
    """Which check failed, in words that never hold the token or its claims' values."""
    name = getattr(error, "error", None) or type(error).__name__
    claim = getattr(error, "claim", None)
    return f"{name} ({claim})" if claim else str(name)
