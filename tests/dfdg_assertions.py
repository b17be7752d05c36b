"""The one place tests make DFDG end-user assertions.

DFDG takes who acts only from a signed assertion (X-Actor-Assertion). Tests still describe the
actor the readable way, in the former X-Actor-* headers; `AssertingClient` (a Flask test client
for the DFDG app) turns those headers into an assertion signed with the key of the system whose
bearer token the request carries, exactly as the web app's client does. `X-Actor-Type: system`
means no assertion: the system acting as itself.

`raw_client(app)` sends headers exactly as given (to test the refusals).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote

from flask import Flask
from flask.testing import FlaskClient

from jobnet.clients.dfdg_client.assertion import AssertionSigner
from jobnet.clients.dfdg_client.values import Actor
from jobnet.domain.actor_assertion import HEADER
from jobnet.environment import DEV_ASSERTION_KEY, DEV_ASSERTION_PUBLIC_X, DEV_DFDG_TOKEN

# A second connected system for the tests, with its own key pair (test-only, not secret).
OTHER_SYSTEM_KEY = {
    "kty": "OKP",
    "crv": "Ed25519",
    "x": "PT1oMDyGfCLY5FkBzF7wwZz7P_zkQ_pxraMTs4_OLCo",
    "d": "8p4OhwK21QDrQLfY1ilBiwRU_hgsVV6LB4qTupe8Gp0",
}
OTHER_SYSTEM_PUBLIC = {k: v for k, v in OTHER_SYSTEM_KEY.items() if k != "d"}
DEV_PUBLIC = {"kty": "OKP", "crv": "Ed25519", "x": DEV_ASSERTION_PUBLIC_X}

ACTOR_HEADERS = (
    "X-Actor-Type",
    "X-Actor-Id",
    "X-Actor-Name",
    "X-Actor-Organisation",
    "X-On-Behalf-Of",
    "X-Purpose",
    "X-Channel",
)

# Bearer token -> the signer of the system that owns it. Tests register their tokens here.
_SIGNERS: dict[str, AssertionSigner] = {
    DEV_DFDG_TOKEN: AssertionSigner.development(),
}


def register_system(token: str, system: str, key: dict[str, Any] | str) -> AssertionSigner:
    """Sign the assertions of requests bearing `token` as `system` with `key`."""
    signer = AssertionSigner(system, key if isinstance(key, str) else json.dumps(key))
    _SIGNERS[token] = signer
    return signer


def signer_for(headers: dict[str, str]) -> AssertionSigner:
    token = headers.get("Authorization", "").partition(" ")[2].strip()
    return _SIGNERS.get(token) or AssertionSigner("jobnet-web", DEV_ASSERTION_KEY)


def actor_of(headers: dict[str, str]) -> Actor | None:
    """The actor the X-Actor-* headers describe; None for a system acting as itself."""
    actor_type = headers.get("X-Actor-Type")
    if actor_type is None or actor_type == "system":
        return None

    def text(name: str) -> str | None:
        value = headers.get(name)
        return unquote(value) if value else None

    return Actor(
        type=actor_type,
        id=text("X-Actor-Id"),
        name=text("X-Actor-Name"),
        organisation=text("X-Actor-Organisation"),
        on_behalf_of=text("X-On-Behalf-Of"),
        purpose=text("X-Purpose"),
        channel=headers.get("X-Channel") or "api",
    )


def with_assertion(headers: dict[str, str], *, cpr: str | None = None) -> dict[str, str]:
    """`headers` with the X-Actor-* headers replaced by a signed assertion."""
    rest = {name: value for name, value in headers.items() if name not in ACTOR_HEADERS}
    actor = actor_of(headers)
    if actor is None:
        return rest
    if cpr is None and actor.type == "citizen" and actor.id is None:
        cpr = headers.get("X-Test-Cpr")
    rest.pop("X-Test-Cpr", None)
    return {**rest, HEADER: signer_for(headers).assertion(actor, cpr=cpr)}


class AssertingClient(FlaskClient):
    """A DFDG test client that turns X-Actor-* headers into a signed assertion.

    A citizen logging in (citizen headers without X-Actor-Id) on POST /persons/lookup or
    /persons proves the CPR number of the JSON body, as the web app's client does."""

    def open(self, *args: Any, **kwargs: Any) -> Any:
        headers = kwargs.get("headers")
        if isinstance(headers, dict) and any(name in headers for name in ACTOR_HEADERS):
            body = kwargs.get("json")
            cpr = body.get("cpr") if isinstance(body, dict) else None
            kwargs["headers"] = with_assertion(headers, cpr=cpr if isinstance(cpr, str) else None)
        return super().open(*args, **kwargs)


def asserting(app: Flask) -> Flask:
    """Make `app.test_client()` an AssertingClient (the DFDG app of a web test app)."""
    app.test_client_class = AssertingClient
    return app


def raw_client(app: Flask) -> FlaskClient:
    """A DFDG test client sending headers exactly as given."""
    return FlaskClient(app, app.response_class, use_cookies=True)
